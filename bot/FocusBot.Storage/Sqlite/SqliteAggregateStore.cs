using FocusBot.Domain.Aggregates;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteAggregateStore(SqliteDatabase database) : IAggregateStore
{
    private const int ParallelReads = 8;

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
            ReadCell,
            cancellationToken);

    public bool ReadsManySlicesAtOnce => false;

    // Each slice from its index, eight side by side on the connection pool (one statement over the list runs on one thread).
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<AggregateCell>>> ListSlicesAsync(string tenantId, IReadOnlyCollection<string> slices, string fromPeriod, string toPeriod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var list = slices.Distinct(StringComparer.Ordinal).ToList();
        var results = new IReadOnlyList<AggregateCell>[list.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await ListAsync(tenantId, list[i], fromPeriod, toPeriod, token));
        return list.Select((slice, i) => (slice, i)).ToDictionary(s => s.slice, s => results[s.i], StringComparer.Ordinal);
    }

    private static AggregateCell ReadCell(SqliteDataReader reader) => new()
    {
        TenantId = reader.GetString(0),
        Slice = reader.GetString(1),
        Period = reader.GetString(2),
        Key = reader.GetString(3),
        Bucket = reader.GetString(4),
        Count = reader.GetInt64(5),
    };

    public Task ClearAsync(string tenantId, CancellationToken cancellationToken) =>
        database.WriteAsync(writer => writer.Command("DELETE FROM aggregates WHERE tenant_id = $tenant;").With("$tenant", tenantId).ExecuteNonQuery(), cancellationToken);
}
