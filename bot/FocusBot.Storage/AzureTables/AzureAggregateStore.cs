using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Storage;
using FocusBot.Domain.Trends;
using Microsoft.Extensions.Logging;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Trend counters packed one entity per (tenant, slice, period): partition = tenant|slice, row = period, the counters
/// as "key\tbucket\tcount" lines in string properties Cells0, Cells1, … A 52-week report of a slice reads 52 entities
/// rather than one per counter, and an answer rewrites a handful of entities. Increments are read + If-Match batches per
/// partition, retried on a lost race. Voice terms grow with what people write, so an entity takes new counters only while
/// it has room (<see cref="MaxEntityChars"/>); counters already in it always keep counting. Terms live in a table of their
/// own, so the figure queries every report makes never pass over them.
/// </summary>
internal sealed partial class AzureAggregateStore(FocusTableClient client, AzureTableNames tables, ILogger<AzureAggregateStore> logger) : IAggregateStore
{
    // An entity holds 1 MiB and a string two bytes a character: the packed text stays under 800 KB, which is room for
    // about 20,000 Voice terms in one slice and period. Each property holds 64 KiB (32K characters); stay under it too.
    internal const int MaxEntityChars = 400_000;
    private const int MaxPropertyChars = 30_000;
    private const int MaxRaceAttempts = 10;
    private const int RangeReads = 8;
    private const string CellsProperty = "Cells";

    public async Task ApplyDeltasAsync(IReadOnlyList<AggregateDelta> deltas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var rows = deltas
            .GroupBy(d => (d.TenantId, d.Slice, d.Period))
            .Select(g => new Row(TableOf(g.Key.Slice), TableKeys.Compose(g.Key.TenantId, g.Key.Slice), TableKeys.Encode(g.Key.Period),
                g.GroupBy(d => (d.Key, d.Bucket)).ToDictionary(c => c.Key, c => c.Sum(d => d.Delta))))
            .ToList();
        var leftOut = 0;
        await TableClientExtensions.ForEachAsync(rows.GroupBy(r => (r.Table, r.Partition)),
            async (partition, token) => Interlocked.Add(ref leftOut, await ApplyPartitionAsync([.. partition], token)), cancellationToken);
        if (leftOut > 0)
            LogLeftOut(logger, leftOut);
    }

    public async Task<IReadOnlyList<AggregateCell>> ListAsync(string tenantId, string slice, string fromPeriod, string toPeriod, CancellationToken cancellationToken) =>
        await ListWhereAsync(TableOf(slice), TableFilter.PartitionIs(TableKeys.Compose(tenantId, slice)), tenantId, fromPeriod, toPeriod, cancellationToken);

    /// <summary>
    /// A few queries over partition ranges, each from one slice asked for to another, keeping the slices asked for:
    /// every team of a report in a few pages, where a query per team would be 200 round trips (and, on Azurite, 200
    /// scans of the table). The slices are cut into <see cref="RangeReads"/> runs read side by side, because one range's
    /// pages come one after another and a year of every team is many pages.
    /// </summary>
    public async Task<IReadOnlyList<AggregateCell>> ListSlicesAsync(string tenantId, IReadOnlyCollection<string> slices, string fromPeriod, string toPeriod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var wanted = slices.ToHashSet(StringComparer.Ordinal);
        var runs = wanted.GroupBy(TableOf).SelectMany(table =>
        {
            var keys = table.Select(slice => TableKeys.Compose(tenantId, slice)).Order(StringComparer.Ordinal).ToList();
            return keys.Chunk((keys.Count + RangeReads - 1) / RangeReads).Select(run => (Table: table.Key, First: run[0], Last: run[^1]));
        });
        var reads = await Task.WhenAll(runs.Select(run => ListWhereAsync(run.Table,
            $"PartitionKey ge {TableFilter.Quote(run.First)} and PartitionKey le {TableFilter.Quote(run.Last)}", tenantId, fromPeriod, toPeriod, cancellationToken)));
        return [.. reads.SelectMany(cells => cells).Where(c => wanted.Contains(c.Slice))];
    }

    private async Task<IReadOnlyList<AggregateCell>> ListWhereAsync(string table, string partitions, string tenantId, string fromPeriod, string toPeriod, CancellationToken cancellationToken)
    {
        var filter = TableFilter.And(partitions,
            $"RowKey ge {TableFilter.Quote(TableKeys.Encode(fromPeriod))}", $"RowKey le {TableFilter.Quote(TableKeys.Encode(toPeriod))}");
        var cells = new List<AggregateCell>();
        await foreach (var entity in client.QueryAsync(table, filter, null, cancellationToken))
        {
            var slice = TableKeys.Split(entity.PartitionKey)[1];
            var period = TableKeys.Decode(entity.RowKey);
            foreach (var ((key, bucket), count) in Read(entity))
                cells.Add(new AggregateCell { TenantId = tenantId, Slice = slice, Period = period, Key = key, Bucket = bucket, Count = count });
        }

        return [.. cells.OrderBy(c => c.Slice, StringComparer.Ordinal).ThenBy(c => c.Period, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal)
            .ThenBy(c => c.Bucket, StringComparer.Ordinal)];
    }

    public async Task ClearAsync(string tenantId, CancellationToken cancellationToken)
    {
        foreach (var table in (string[])[tables.AggregatePeriods, tables.AggregateTerms, tables.AggregateGroups])
        {
            var rows = await client.QueryAsync(table, TableFilter.StartsWith("PartitionKey", TableKeys.Encode(tenantId) + TableKeys.Separator), ["PartitionKey", "RowKey"], cancellationToken)
                .ToListAsync(cancellationToken);
            await client.SubmitAllAsync(table, rows.Select(row => TableOperation.Delete(row.PartitionKey, row.RowKey)), cancellationToken);
        }
    }

    // Terms and membership combinations each have a table of their own: they can outnumber the figures, and the figure
    // queries every report makes should never pass over them (Azurite scans a whole table per query).
    private string TableOf(string slice) =>
        slice.StartsWith(TrendSlices.VoicePrefix, StringComparison.Ordinal) ? tables.AggregateTerms
        : slice == TrendSlices.Groups ? tables.AggregateGroups
        : tables.AggregatePeriods;

    /// <summary>
    /// Applies one partition's rows in as few batches as the service accepts (100 operations, 4 MiB). Each batch is
    /// atomic on its own, so after a lost race only the rows not yet written are read and applied again.
    /// Returns how many new counters were left out because their entity was full.
    /// </summary>
    private async Task<int> ApplyPartitionAsync(List<Row> pending, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            var current = await Task.WhenAll(pending.Select(r => client.GetAsync(r.Table, r.Partition, r.Period, cancellationToken)));
            var leftOut = 0;
            var operations = new List<TableOperation>(pending.Count);
            for (var i = 0; i < pending.Count; i++)
            {
                var (updated, dropped) = Merge(pending[i], current[i]);
                leftOut += dropped;
                operations.Add(current[i] is null ? TableOperation.Insert(updated) : TableOperation.Replace(updated, current[i]!.ETag!));
            }

            var written = 0;
            try
            {
                foreach (var batch in TableBatching.Chunk(operations))
                {
                    await client.SubmitBatchAsync(pending[0].Table, batch, cancellationToken);
                    written += batch.Count;
                }

                return leftOut;
            }
            catch (TableTransactionFailedException exception) when (exception.IsConflict || exception.IsPreconditionFailed || exception.IsNotFound)
            {
                pending = pending[written..];
                await TableClientExtensions.BackOffAsync(attempt, cancellationToken);
            }
        }

        throw new ConcurrencyException("Aggregate periods kept changing while deltas were applied; apply them from a single aggregator.");
    }

    /// <summary>The row's entity with the deltas added; a counter the entity does not hold yet is added only while there is room.</summary>
    private static (TableRow Entity, int LeftOut) Merge(Row row, TableRow? current)
    {
        var counters = current is null ? [] : Read(current);
        var chars = counters.Sum(c => Line(c.Key, c.Value).Length);
        var leftOut = 0;
        foreach (var (cell, delta) in row.Deltas)
        {
            if (counters.TryGetValue(cell, out var count))
            {
                counters[cell] = count + delta;
                continue;
            }

            var length = Line(cell, delta).Length;
            if (chars + length > MaxEntityChars)
            {
                leftOut++;
                continue;
            }

            counters[cell] = delta;
            chars += length;
        }

        return (Write(row.Partition, row.Period, counters), leftOut);
    }

    private static Dictionary<(string Key, string Bucket), long> Read(TableRow entity)
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

    private static TableRow Write(string partition, string row, Dictionary<(string Key, string Bucket), long> counters)
    {
        var entity = new TableRow(partition, row);
        var text = new StringBuilder();
        var part = 0;
        foreach (var counter in counters)
        {
            var line = Line(counter.Key, counter.Value);
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

    // Keys and buckets are escaped so a tab or newline in an imported question id or a Voice term cannot break a line.
    private static string Line((string Key, string Bucket) cell, long count) =>
        string.Create(CultureInfo.InvariantCulture, $"{Uri.EscapeDataString(cell.Key)}\t{Uri.EscapeDataString(cell.Bucket)}\t{count}\n");

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} new trend counter(s) left out: their slice and period already hold as many as one entity can")]
    private static partial void LogLeftOut(ILogger logger, int count);

    private sealed record Row(string Table, string Partition, string Period, Dictionary<(string Key, string Bucket), long> Deltas);
}
