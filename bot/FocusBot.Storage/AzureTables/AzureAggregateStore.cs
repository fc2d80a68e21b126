using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Storage;
using FocusBot.Domain.Trends;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Trend counters. Slices with a bounded set of counters (the organisation, teams, levels, tags, the gate's bookkeeping)
/// are packed one entity per slice and period (<see cref="AzurePeriodAggregates"/>), so a report reads one entity per
/// period. Voice terms grow with what people write, so they stay one entity per counter: partition = tenant|slice,
/// row = period|key|bucket, increments as read + If-Match batches per partition of up to 100 cells, retried on a lost race.
/// </summary>
internal sealed class AzureAggregateStore(TableClient client, AzureTableNames tables) : IAggregateStore
{
    private const int MaxRaceAttempts = 10;
    private const string CountProperty = nameof(AggregateCell.Count);

    private readonly AzurePeriodAggregates _periods = new(client, tables);

    public async Task ApplyDeltasAsync(IReadOnlyList<AggregateDelta> deltas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        await _periods.ApplyDeltasAsync(deltas.Where(d => !IsVoice(d.Slice)), cancellationToken);
        var cells = deltas.Where(d => IsVoice(d.Slice))
            .GroupBy(delta => (delta.TenantId, delta.Slice, delta.Period, delta.Key, delta.Bucket))
            .Select(group => group.First() with { Delta = group.Sum(delta => delta.Delta) })
            .ToList();
        foreach (var partition in cells.GroupBy(Partition, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(TableBatchCodec.MaxOperations))
            {
                await ApplyChunkAsync(chunk, cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<AggregateCell>> ListAsync(string tenantId, string slice, string fromPeriod, string toPeriod, CancellationToken cancellationToken)
    {
        if (!IsVoice(slice))
            return await _periods.ListAsync(tenantId, slice, fromPeriod, toPeriod, cancellationToken);
        var filter = TableFilter.And(
            TableFilter.PartitionIs(TableKeys.Compose(tenantId, slice)),
            $"RowKey ge {TableFilter.Quote(TableKeys.Encode(fromPeriod))}",
            $"RowKey lt {TableFilter.Quote(TableKeys.Encode(toPeriod) + TableKeys.SeparatorEnd)}");
        var cells = await client.QueryAsync(tables.Aggregates, filter, null, cancellationToken).Select(FromEntity).ToListAsync(cancellationToken);

        // The key range can include a longer period that starts with toPeriod; the exact bounds are checked here.
        return cells
            .Where(cell => string.CompareOrdinal(cell.Period, fromPeriod) >= 0 && string.CompareOrdinal(cell.Period, toPeriod) <= 0)
            .OrderBy(cell => cell.Period, StringComparer.Ordinal)
            .ThenBy(cell => cell.Key, StringComparer.Ordinal)
            .ThenBy(cell => cell.Bucket, StringComparer.Ordinal)
            .ToList();
    }

    public async Task ClearAsync(string tenantId, CancellationToken cancellationToken)
    {
        var rows = await client.QueryAsync(tables.Aggregates, TableFilter.StartsWith("PartitionKey", TableKeys.Encode(tenantId) + TableKeys.Separator), ["PartitionKey", "RowKey"], cancellationToken)
            .ToListAsync(cancellationToken);
        await client.SubmitAllAsync(tables.Aggregates, rows.Select(row => TableOperation.Delete(row.PartitionKey, row.RowKey)), cancellationToken);
        await _periods.ClearAsync(tenantId, cancellationToken);
    }

    private static bool IsVoice(string slice) => slice.StartsWith(TrendSlices.VoicePrefix, StringComparison.Ordinal);

    private async Task ApplyChunkAsync(AggregateDelta[] chunk, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            var current = new TableEntity?[chunk.Length];
            await TableClientExtensions.ForEachAsync(
                Enumerable.Range(0, chunk.Length),
                async (i, token) => current[i] = await client.GetAsync(tables.Aggregates, Partition(chunk[i]), Row(chunk[i]), token),
                cancellationToken);
            var operations = new List<TableOperation>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                var entity = ToEntity(chunk[i], (current[i]?.GetInt64(CountProperty) ?? 0) + chunk[i].Delta);
                operations.Add(current[i] is null ? TableOperation.Insert(entity) : TableOperation.Replace(entity, current[i]!.ETag!));
            }

            try
            {
                await client.SubmitBatchAsync(tables.Aggregates, operations, cancellationToken);
                return;
            }
            catch (TableBatchException exception) when (exception.IsConflict || exception.IsPreconditionFailed || exception.IsNotFound)
            {
                await TableClientExtensions.BackOffAsync(attempt, cancellationToken);
            }
        }

        throw new ConcurrencyException("Aggregate cells kept changing while deltas were applied; apply them from a single aggregator.");
    }

    private static string Partition(AggregateDelta delta) => TableKeys.Compose(delta.TenantId, delta.Slice);

    private static string Row(AggregateDelta delta) => TableKeys.Compose(delta.Period, delta.Key, delta.Bucket);

    private static TableEntity ToEntity(AggregateDelta delta, long count) => new(Partition(delta), Row(delta))
    {
        [nameof(AggregateCell.TenantId)] = delta.TenantId,
        [nameof(AggregateCell.Slice)] = delta.Slice,
        [nameof(AggregateCell.Period)] = delta.Period,
        [nameof(AggregateCell.Key)] = delta.Key,
        [nameof(AggregateCell.Bucket)] = delta.Bucket,
        [CountProperty] = count,
    };

    private static AggregateCell FromEntity(TableEntity entity) => new()
    {
        TenantId = entity.GetRequiredString(nameof(AggregateCell.TenantId)),
        Slice = entity.GetRequiredString(nameof(AggregateCell.Slice)),
        Period = entity.GetRequiredString(nameof(AggregateCell.Period)),
        Key = entity.GetRequiredString(nameof(AggregateCell.Key)),
        Bucket = entity.GetRequiredString(nameof(AggregateCell.Bucket)),
        Count = entity.GetInt64(CountProperty) ?? 0,
    };
}
