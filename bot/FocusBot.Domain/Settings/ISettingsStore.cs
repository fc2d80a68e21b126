namespace FocusBot.Domain.Settings;

/// <summary>
/// Small per-tenant settings (schedule, behaviours list, ...) as strings the feature that owns the key parses, and the
/// staff pause flag ("pause" / "resume").
/// </summary>
public interface ISettingsStore
{
    Task<string?> GetAsync(string tenantId, string key, CancellationToken cancellationToken);

    /// <summary>Stores the value; null removes the setting.</summary>
    Task SetAsync(string tenantId, string key, string? value, CancellationToken cancellationToken);

    Task SetPausedAsync(string tenantId, string userId, bool paused, CancellationToken cancellationToken);

    Task<bool> IsPausedAsync(string tenantId, string userId, CancellationToken cancellationToken);
}
