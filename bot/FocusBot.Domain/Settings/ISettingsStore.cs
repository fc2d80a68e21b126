namespace FocusBot.Domain.Settings;

/// <summary>
/// Small per-tenant settings (schedule, behaviours list, ...) as strings the feature that owns the key parses, and the
/// staff pause flag ("pause" / "resume"), and a person's weekly digest opt-out ("digest off" / "digest on").
/// </summary>
public interface ISettingsStore
{
    Task<string?> GetAsync(string tenantId, string key, CancellationToken cancellationToken);

    /// <summary>Stores the value; null removes the setting.</summary>
    Task SetAsync(string tenantId, string key, string? value, CancellationToken cancellationToken);

    Task SetPausedAsync(string tenantId, string userId, bool paused, CancellationToken cancellationToken);

    Task<bool> IsPausedAsync(string tenantId, string userId, CancellationToken cancellationToken);

    /// <summary>Remembers that the person (by Entra object id) wants no weekly digest (true) or wants them again (false).</summary>
    Task SetDigestOffAsync(string tenantId, string aadObjectId, bool off, CancellationToken cancellationToken);

    Task<bool> IsDigestOffAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken);
}
