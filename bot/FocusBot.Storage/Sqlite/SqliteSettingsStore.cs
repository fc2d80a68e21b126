using FocusBot.Domain.Settings;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteSettingsStore(SqliteDatabase database) : ISettingsStore
{
    public async Task<string?> GetAsync(string tenantId, string key, CancellationToken cancellationToken) =>
        await database.QuerySingleAsync(
            "SELECT value FROM settings WHERE tenant_id = $tenant AND key = $key;",
            command => command.With("$tenant", tenantId).With("$key", key),
            reader => reader.GetString(0),
            cancellationToken);

    public Task SetAsync(string tenantId, string key, string? value, CancellationToken cancellationToken) =>
        database.WriteAsync(
            writer => (value is null
                    ? writer.Command("DELETE FROM settings WHERE tenant_id = $tenant AND key = $key;")
                    : writer.Command("INSERT OR REPLACE INTO settings (tenant_id, key, value) VALUES ($tenant, $key, $value);").With("$value", value))
                .With("$tenant", tenantId)
                .With("$key", key)
                .ExecuteNonQuery(),
            cancellationToken);

    public Task SetPausedAsync(string tenantId, string userId, bool paused, CancellationToken cancellationToken) =>
        database.WriteAsync(
            writer => writer.Command(paused
                    ? "INSERT OR IGNORE INTO paused_users (tenant_id, user_id) VALUES ($tenant, $user);"
                    : "DELETE FROM paused_users WHERE tenant_id = $tenant AND user_id = $user;")
                .With("$tenant", tenantId)
                .With("$user", userId)
                .ExecuteNonQuery(),
            cancellationToken);

    public async Task<bool> IsPausedAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var rows = await database.QueryListAsync(
            "SELECT 1 FROM paused_users WHERE tenant_id = $tenant AND user_id = $user;",
            command => command.With("$tenant", tenantId).With("$user", userId),
            reader => true,
            cancellationToken);
        return rows.Count > 0;
    }

    public Task SetDigestOffAsync(string tenantId, string aadObjectId, bool off, CancellationToken cancellationToken) =>
        database.WriteAsync(
            writer => writer.Command(off
                    ? "INSERT OR IGNORE INTO digest_opt_outs (tenant_id, aad_object_id) VALUES ($tenant, $aad);"
                    : "DELETE FROM digest_opt_outs WHERE tenant_id = $tenant AND aad_object_id = $aad;")
                .With("$tenant", tenantId)
                .With("$aad", aadObjectId)
                .ExecuteNonQuery(),
            cancellationToken);

    public async Task<bool> IsDigestOffAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var rows = await database.QueryListAsync(
            "SELECT 1 FROM digest_opt_outs WHERE tenant_id = $tenant AND aad_object_id = $aad;",
            command => command.With("$tenant", tenantId).With("$aad", aadObjectId),
            reader => true,
            cancellationToken);
        return rows.Count > 0;
    }
}
