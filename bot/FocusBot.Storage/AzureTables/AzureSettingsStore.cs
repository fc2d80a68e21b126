using FocusBot.Domain.Settings;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Settings: partition = tenant, row "s|key" for a setting, "p|user" for a paused person, "d|Entra object id" for a person
/// who turned the weekly digest off. All point operations.
/// </summary>
internal sealed class AzureSettingsStore(FocusTableClient client, AzureTableNames tables) : ISettingsStore
{
    private const string SettingPrefix = "s";
    private const string PausePrefix = "p";
    private const string DigestOffPrefix = "d";
    private const string ValueProperty = "Value";

    public async Task<string?> GetAsync(string tenantId, string key, CancellationToken cancellationToken)
    {
        var entity = await client.GetAsync(tables.Settings, TableKeys.Encode(tenantId), TableKeys.Compose(SettingPrefix, key), cancellationToken);
        return entity?.GetString(ValueProperty);
    }

    public async Task SetAsync(string tenantId, string key, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await client.TryDeleteAsync(tables.Settings, TableKeys.Encode(tenantId), TableKeys.Compose(SettingPrefix, key), cancellationToken);
            return;
        }

        var entity = new TableRow(TableKeys.Encode(tenantId), TableKeys.Compose(SettingPrefix, key)) { [ValueProperty] = value };
        await client.ExecuteAsync(tables.Settings, TableOperation.UpsertReplace(entity), cancellationToken);
    }

    public async Task SetPausedAsync(string tenantId, string userId, bool paused, CancellationToken cancellationToken)
    {
        if (paused)
        {
            await client.ExecuteAsync(tables.Settings, TableOperation.UpsertReplace(new TableRow(TableKeys.Encode(tenantId), PauseRow(userId))), cancellationToken);
        }
        else
        {
            await client.TryDeleteAsync(tables.Settings, TableKeys.Encode(tenantId), PauseRow(userId), cancellationToken);
        }
    }

    public async Task<bool> IsPausedAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        await client.GetAsync(tables.Settings, TableKeys.Encode(tenantId), PauseRow(userId), cancellationToken) is not null;

    internal async Task<int> ErasePauseAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        await client.TryDeleteAsync(tables.Settings, TableKeys.Encode(tenantId), PauseRow(userId), cancellationToken) ? 1 : 0;

    public async Task SetDigestOffAsync(string tenantId, string aadObjectId, bool off, CancellationToken cancellationToken)
    {
        if (off)
        {
            await client.ExecuteAsync(tables.Settings, TableOperation.UpsertReplace(new TableRow(TableKeys.Encode(tenantId), DigestOffRow(aadObjectId))), cancellationToken);
        }
        else
        {
            await client.TryDeleteAsync(tables.Settings, TableKeys.Encode(tenantId), DigestOffRow(aadObjectId), cancellationToken);
        }
    }

    public async Task<bool> IsDigestOffAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) =>
        await client.GetAsync(tables.Settings, TableKeys.Encode(tenantId), DigestOffRow(aadObjectId), cancellationToken) is not null;

    internal async Task<int> EraseDigestOffAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) =>
        await client.TryDeleteAsync(tables.Settings, TableKeys.Encode(tenantId), DigestOffRow(aadObjectId), cancellationToken) ? 1 : 0;

    private static string PauseRow(string userId) => TableKeys.Compose(PausePrefix, userId);

    private static string DigestOffRow(string aadObjectId) => TableKeys.Compose(DigestOffPrefix, aadObjectId);
}
