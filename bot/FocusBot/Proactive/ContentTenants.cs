using FocusBot.Domain.Settings;

namespace FocusBot.Proactive;

/// <summary>
/// The tenants that have posted insights, recognition or actions, or had a pulse's results queued. The proactive sender
/// asks every content kind for its open ledgers without naming a tenant; these are stored per tenant, so this small list
/// says where to look. It only ever grows, and by one entry per tenant, so a lost race is repaired by the writer's re-check.
/// </summary>
public sealed class ContentTenants(ISettingsStore settings)
{
    /// <summary>Settings scope for data that belongs to no tenant; tenant ids are GUIDs, so it cannot clash.</summary>
    public const string GlobalScope = "focusbot-global";

    public const string Key = "content.tenants";

    private const int MaxAttempts = 5;

    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task AddAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_known.Contains(tenantId))
                return;
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var tenants = await ListAsync(cancellationToken);
            if (tenants.Contains(tenantId, StringComparer.Ordinal))
            {
                lock (_gate)
                    _known.Add(tenantId);
                return;
            }

            await settings.SetAsync(GlobalScope, Key, string.Join('\n', tenants.Append(tenantId)), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var value = await settings.GetAsync(GlobalScope, Key, cancellationToken);
        return value is null ? [] : value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
