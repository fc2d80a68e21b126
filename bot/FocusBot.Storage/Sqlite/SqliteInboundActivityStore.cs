using FocusBot.Domain.Inbound;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteInboundActivityStore(SqliteDatabase database, TimeProvider timeProvider) : IInboundActivityStore
{
    public Task<bool> TryMarkAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        // One statement: inserts a new mark or takes over an expired one, and changes nothing (0 rows) when a live mark
        // exists, so two deliveries at once cannot both see the key free.
        return database.WriteAsync(
            writer =>
            {
                var now = timeProvider.GetUtcNow();
                return writer.Command(
                        "INSERT INTO inbound_activities (activity_key, expires_at) VALUES ($key, $expires) " +
                        "ON CONFLICT (activity_key) DO UPDATE SET expires_at = excluded.expires_at WHERE inbound_activities.expires_at <= $now;")
                    .With("$key", key)
                    .With("$expires", now + retention)
                    .With("$now", now)
                    .ExecuteNonQuery() == 1;
            },
            cancellationToken);
    }

    public Task UnmarkAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return database.WriteAsync(
            writer => writer.Command("DELETE FROM inbound_activities WHERE activity_key = $key;").With("$key", key).ExecuteNonQuery(),
            cancellationToken);
    }

    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(
            writer => writer.Command("DELETE FROM inbound_activities WHERE expires_at <= $now;").With("$now", timeProvider.GetUtcNow()).ExecuteNonQuery(),
            cancellationToken);
}
