using System.Globalization;
using System.Text;
using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Storage;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Trend counters packed one entity per (tenant, slice, period): partition = tenant|slice, row = period, the counters
/// as "key\tbucket\tcount" lines in string properties Cells0, Cells1, … A 52-week report of a slice reads 52 entities
/// rather than about a thousand, and an answer rewrites a handful of entities. Only for slices with a bounded set of
/// counters (questions × buckets); Voice terms, which grow with what people write, stay one entity per counter.
/// </summary>
internal sealed class AzurePeriodAggregates(TableClient client, AzureTableNames tables)
{
    // A string property holds 64 KiB (32K UTF-16 characters); stay under it with room to spare.
    private const int MaxPropertyChars = 30_000;
    private const int MaxRaceAttempts = 10;
    private const string CellsProperty = "Cells";

    public Task ApplyDeltasAsync(IEnumerable<AggregateDelta> deltas, CancellationToken cancellationToken)
    {
        var rows = deltas
            .GroupBy(d => (d.TenantId, d.Slice, d.Period))
            .Select(g => new Row(TableKeys.Compose(g.Key.TenantId, g.Key.Slice), TableKeys.Encode(g.Key.Period),
                g.GroupBy(d => (d.Key, d.Bucket)).ToDictionary(c => c.Key, c => c.Sum(d => d.Delta))))
            .ToList();
        // Each partition's rows are one batch (a slice has far fewer than 100 periods in one call); partitions in parallel.
        return TableClientExtensions.ForEachAsync(rows.GroupBy(r => r.Partition, StringComparer.Ordinal).SelectMany(p => p.Chunk(TableBatchCodec.MaxOperations)),
            async (chunk, token) => await ApplyChunkAsync(chunk, token), cancellationToken);
    }

    public async Task<IReadOnlyList<AggregateCell>> ListAsync(string tenantId, string slice, string fromPeriod, string toPeriod, CancellationToken cancellationToken)
    {
        var filter = TableFilter.And(TableFilter.PartitionIs(TableKeys.Compose(tenantId, slice)),
            $"RowKey ge {TableFilter.Quote(TableKeys.Encode(fromPeriod))}", $"RowKey le {TableFilter.Quote(TableKeys.Encode(toPeriod))}");
        var cells = new List<AggregateCell>();
        await foreach (var entity in client.QueryAsync(tables.AggregatePeriods, filter, null, cancellationToken))
        {
            var period = TableKeys.Decode(entity.RowKey);
            foreach (var ((key, bucket), count) in Read(entity))
                cells.Add(new AggregateCell { TenantId = tenantId, Slice = slice, Period = period, Key = key, Bucket = bucket, Count = count });
        }

        return [.. cells.OrderBy(c => c.Period, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.Bucket, StringComparer.Ordinal)];
    }

    public async Task ClearAsync(string tenantId, CancellationToken cancellationToken)
    {
        var rows = await client.QueryAsync(tables.AggregatePeriods, TableFilter.StartsWith("PartitionKey", TableKeys.Encode(tenantId) + TableKeys.Separator), ["PartitionKey", "RowKey"], cancellationToken)
            .ToListAsync(cancellationToken);
        await client.SubmitAllAsync(tables.AggregatePeriods, rows.Select(row => TableOperation.Delete(row.PartitionKey, row.RowKey)), cancellationToken);
    }

    private async Task ApplyChunkAsync(Row[] chunk, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            var current = await Task.WhenAll(chunk.Select(r => client.GetAsync(tables.AggregatePeriods, r.Partition, r.Period, cancellationToken)));
            var operations = new List<TableOperation>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                var counters = current[i] is { } entity ? Read(entity) : [];
                foreach (var (cell, delta) in chunk[i].Deltas)
                    counters[cell] = counters.GetValueOrDefault(cell) + delta;
                var updated = Write(chunk[i].Partition, chunk[i].Period, counters);
                operations.Add(current[i] is null ? TableOperation.Insert(updated) : TableOperation.Replace(updated, current[i]!.ETag!));
            }

            try
            {
                await client.SubmitBatchAsync(tables.AggregatePeriods, operations, cancellationToken);
                return;
            }
            catch (TableBatchException exception) when (exception.IsConflict || exception.IsPreconditionFailed || exception.IsNotFound)
            {
                await TableClientExtensions.BackOffAsync(attempt, cancellationToken);
            }
        }

        throw new ConcurrencyException("Aggregate periods kept changing while deltas were applied; apply them from a single aggregator.");
    }

    private static Dictionary<(string Key, string Bucket), long> Read(TableEntity entity)
    {
        var counters = new Dictionary<(string, string), long>();
        for (var part = 0; entity.GetString(CellsProperty + part.ToString(CultureInfo.InvariantCulture)) is { } text; part++)
        {
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var fields = line.Split('\t');
                counters[(Uri.UnescapeDataString(fields[0]), Uri.UnescapeDataString(fields[1]))] = long.Parse(fields[2], CultureInfo.InvariantCulture);
            }
        }

        return counters;
    }

    // Keys and buckets are escaped so a tab or newline in an imported question id cannot break a line.
    private static TableEntity Write(string partition, string row, Dictionary<(string Key, string Bucket), long> counters)
    {
        var entity = new TableEntity(partition, row);
        var text = new StringBuilder();
        var part = 0;
        foreach (var ((key, bucket), count) in counters)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{Uri.EscapeDataString(key)}\t{Uri.EscapeDataString(bucket)}\t{count}\n");
            if (text.Length + line.Length > MaxPropertyChars)
            {
                entity[CellsProperty + part++.ToString(CultureInfo.InvariantCulture)] = text.ToString();
                text.Clear();
            }

            text.Append(line);
        }

        entity[CellsProperty + part.ToString(CultureInfo.InvariantCulture)] = text.ToString();
        return entity;
    }

    private sealed record Row(string Partition, string Period, Dictionary<(string Key, string Bucket), long> Deltas);
}
