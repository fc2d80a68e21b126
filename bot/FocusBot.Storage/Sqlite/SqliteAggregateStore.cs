using FocusBot.Domain.Aggregates;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteAggregateStore(SqliteDatabase database) : IAggregateStore
{
    public Task ApplyDeltasAsync(IReadOnlyList<AggregateDelta> deltas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        return database.WriteAsync(
            writer =>
            {
                foreach (var delta in deltas)
                {
                    writer.Command("""
                        INSERT INTO aggregates (tenant_id, slice, period, key, bucket, count) VALUES ($tenant, $slice, $period, $key, $bucket, $delta)
                        ON CONFLICT (tenant_id, slice, period, key, bucket) DO UPDATE SET count = count + excluded.count;
                        """)
                        .With("$tenant", delta.TenantId)
                        .With("$slice", delta.Slice)
                        .With("$period", delta.Period)
                        .With("$key", delta.Key)
                        .With("$bucket", delta.Bucket)
                        .With("$delta", delta.Delta)
                        .ExecuteNonQuery();
                }
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<AggregateCell>> ListAsync(string tenantId, string slice, string fromPeriod, string toPeriod, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            """
            SELECT tenant_id, slice, period, key, bucket, count FROM aggregates
            WHERE tenant_id = $tenant AND slice = $slice AND period >= $from AND period <= $to
            ORDER BY period, key, bucket;
            """,
            command => command.With("$tenant", tenantId).With("$slice", slice).With("$from", fromPeriod).With("$to", toPeriod),
            reader => new AggregateCell
            {
                TenantId = reader.GetString(0),
                Slice = reader.GetString(1),
                Period = reader.GetString(2),
                Key = reader.GetString(3),
                Bucket = reader.GetString(4),
                Count = reader.GetInt64(5),
            },
            cancellationToken);

    public bool ReadsManySlicesAtOnce => false;

    // Its own index seek for each slice: the gate reads them side by side itself, as handing SQLite the whole list was slower.
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<AggregateCell>>> ListSlicesAsync(string tenantId, IReadOnlyCollection<string> slices, string fromPeriod, string toPeriod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var result = new Dictionary<string, IReadOnlyList<AggregateCell>>(StringComparer.Ordinal);
        foreach (var slice in slices.Distinct(StringComparer.Ordinal))
            result[slice] = await ListAsync(tenantId, slice, fromPeriod, toPeriod, cancellationToken);
        return result;
    }

    public Task ClearAsync(string tenantId, CancellationToken cancellationToken) =>
        database.WriteAsync(writer => writer.Command("DELETE FROM aggregates WHERE tenant_id = $tenant;").With("$tenant", tenantId).ExecuteNonQuery(), cancellationToken);
}
