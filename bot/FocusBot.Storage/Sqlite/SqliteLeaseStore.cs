using FocusBot.Domain.Leases;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteLeaseStore(SqliteDatabase database, TimeProvider timeProvider) : ILeaseStore
{
    public Task<Lease?> TryAcquireAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holderId);

        // BEGIN IMMEDIATE holds the write lock from the read to the write, so two contenders cannot both see it free.
        return database.WriteAsync(
            writer =>
            {
                var now = timeProvider.GetUtcNow();
                var expiresAt = now + duration;
                using (var reader = writer.Command("SELECT holder_id, expires_at, version FROM leases WHERE name = $name;").With("$name", name).ExecuteReader())
                {
                    if (reader.Read())
                    {
                        var holder = reader.GetString(0);
                        var expired = reader.GetTime(1) <= now;
                        var version = reader.GetInt64(2);
                        reader.Close();
                        if (!expired && !string.Equals(holder, holderId, StringComparison.Ordinal))
                        {
                            return null;
                        }

                        writer.Command("UPDATE leases SET holder_id = $holder, expires_at = $expires, version = version + 1 WHERE name = $name;")
                            .With("$name", name)
                            .With("$holder", holderId)
                            .With("$expires", expiresAt)
                            .ExecuteNonQuery();
                        return new Lease(name, holderId, expiresAt, SqliteValues.FormatVersion(version + 1));
                    }
                }

                writer.Command("INSERT INTO leases (name, holder_id, expires_at, version) VALUES ($name, $holder, $expires, 1);")
                    .With("$name", name)
                    .With("$holder", holderId)
                    .With("$expires", expiresAt)
                    .ExecuteNonQuery();
                return new Lease(name, holderId, expiresAt, SqliteValues.FormatVersion(1));
            },
            cancellationToken);
    }

    public Task<Lease?> RenewAsync(Lease lease, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var version = SqliteValues.ParseVersion(lease.ETag, "lease");
        return database.WriteAsync(
            writer =>
            {
                var expiresAt = timeProvider.GetUtcNow() + duration;
                var renewed = writer.Command("UPDATE leases SET expires_at = $expires, version = version + 1 WHERE name = $name AND version = $version;")
                    .With("$name", lease.Name)
                    .With("$expires", expiresAt)
                    .With("$version", version)
                    .ExecuteNonQuery();
                return renewed == 1 ? lease with { ExpiresAt = expiresAt, ETag = SqliteValues.FormatVersion(version + 1) } : null;
            },
            cancellationToken);
    }

    public Task ReleaseAsync(Lease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var version = SqliteValues.ParseVersion(lease.ETag, "lease");
        return database.WriteAsync(
            writer => writer.Command("DELETE FROM leases WHERE name = $name AND version = $version;").With("$name", lease.Name).With("$version", version).ExecuteNonQuery(),
            cancellationToken);
    }
}
