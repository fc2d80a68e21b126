using System.Globalization;
using System.Text;
using FocusBot.Domain.Aggregates;
using FocusBot.Storage.AzureTables;

namespace FocusBot.Bench.Trends;

/// <summary>
/// A prototype layout for the aggregates on Azure Tables, measured beside the shipped one: one entity per (tenant,
/// slice, period) holding all its counters in string properties ("key\tbucket\tcount" lines), instead of one entity
/// per counter. A 52-week team report reads 52 entities instead of about a thousand, an answer touches about 20
/// entities instead of about 150, and Azurite (which scans a whole table for every query) holds ~20x fewer entities.
/// Bench-only: a proposal for the storage owner, not a replacement in FocusBot.Storage.
/// </summary>
internal sealed class PackedAzureAggregateStore(TableClient client, string table) : IAggregateStore
{
    private const int MaxPropertyChars = 30_000;
    private const int MaxRaceAttempts = 10;

    public async Task ApplyDeltasAsync(IReadOnlyList<AggregateDelta> deltas, CancellationToken cancellationToken)
    {
        var rows = deltas
            .GroupBy(d => (d.TenantId, d.Slice, d.Period))
            .Select(g => (Partition: TableKeys.Compose(g.Key.TenantId, g.Key.Slice), Row: TableKeys.Encode(g.Key.Period), Deltas: g.GroupBy(d => (d.Key, d.Bucket)).ToDictionary(x => x.Key, x => x.Sum(d => d.Delta))))
            .ToList();
        await TableClientExtensions.ForEachAsync(rows.GroupBy(r => r.Partition, StringComparer.Ordinal).SelectMany(p => p.Chunk(100)),
            async (chunk, token) => await ApplyChunkAsync(chunk, token), cancellationToken);
    }

    public async Task<IReadOnlyList<AggregateCell>> ListAsync(string tenantId, string slice, string fromPeriod, string toPeriod, CancellationToken cancellationToken)
    {
        var filter = TableFilter.And(TableFilter.PartitionIs(TableKeys.Compose(tenantId, slice)),
            $"RowKey ge {TableFilter.Quote(TableKeys.Encode(fromPeriod))}", $"RowKey le {TableFilter.Quote(TableKeys.Encode(toPeriod))}");
        var cells = new List<AggregateCell>();
        await foreach (var entity in client.QueryAsync(table, filter, null, cancellationToken))
        {
            var period = TableKeys.Decode(entity.RowKey);
            foreach (var ((key, bucket), count) in Read(entity))
                cells.Add(new AggregateCell { TenantId = tenantId, Slice = slice, Period = period, Key = key, Bucket = bucket, Count = count });
        }

        return cells;
    }

    public async Task ClearAsync(string tenantId, CancellationToken cancellationToken)
    {
        var rows = await client.QueryAsync(table, TableFilter.StartsWith("PartitionKey", TableKeys.Encode(tenantId) + TableKeys.Separator), ["PartitionKey", "RowKey"], cancellationToken)
            .ToListAsync(cancellationToken);
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(100))
                await client.SubmitBatchAsync(table, [.. chunk.Select(r => TableOperation.Delete(r.PartitionKey, r.RowKey))], cancellationToken);
        }
    }

    private async Task ApplyChunkAsync((string Partition, string Row, Dictionary<(string, string), long> Deltas)[] chunk, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            var current = await Task.WhenAll(chunk.Select(r => client.GetAsync(table, r.Partition, r.Row, cancellationToken)));
            var operations = new List<TableOperation>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                var counters = current[i] is null ? [] : Read(current[i]!);
                foreach (var (cell, delta) in chunk[i].Deltas)
                    counters[cell] = counters.GetValueOrDefault(cell) + delta;
                var entity = Write(chunk[i].Partition, chunk[i].Row, counters);
                operations.Add(current[i] is null ? TableOperation.Insert(entity) : TableOperation.Replace(entity, current[i]!.ETag!));
            }

            try
            {
                await client.SubmitBatchAsync(table, operations, cancellationToken);
                return;
            }
            catch (TableBatchException exception) when (exception.IsConflict || exception.IsPreconditionFailed || exception.IsNotFound)
            {
                await TableClientExtensions.BackOffAsync(attempt, cancellationToken);
            }
        }

        throw new InvalidOperationException("Aggregate rows kept changing.");
    }

    private static Dictionary<(string Key, string Bucket), long> Read(TableEntity entity)
    {
        var counters = new Dictionary<(string, string), long>();
        for (var part = 0; entity.GetString("Cells" + part.ToString(CultureInfo.InvariantCulture)) is { } text; part++)
        {
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var fields = line.Split('\t');
                counters[(fields[0], fields[1])] = long.Parse(fields[2], CultureInfo.InvariantCulture);
            }
        }

        return counters;
    }

    private static TableEntity Write(string partition, string row, Dictionary<(string Key, string Bucket), long> counters)
    {
        var entity = new TableEntity(partition, row);
        var text = new StringBuilder();
        var part = 0;
        foreach (var ((key, bucket), count) in counters.Where(c => c.Value != 0))
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{key}\t{bucket}\t{count}\n");
            if (text.Length + line.Length > MaxPropertyChars)
            {
                entity["Cells" + part++.ToString(CultureInfo.InvariantCulture)] = text.ToString();
                text.Clear();
            }

            text.Append(line);
        }

        entity["Cells" + part.ToString(CultureInfo.InvariantCulture)] = text.ToString();
        return entity;
    }
}
