namespace FocusBot.Domain.Actions;

public interface IActionStore
{
    /// <summary>Stores a new action; returns false when the tenant has one with that id.</summary>
    Task<bool> CreateAsync(ProgrammeAction action, CancellationToken cancellationToken);

    Task<ProgrammeAction?> GetAsync(string tenantId, string actionId, CancellationToken cancellationToken);

    /// <summary>A tenant's actions, newest recorded first, skipping the first <paramref name="skip"/>.</summary>
    Task<IReadOnlyList<ProgrammeAction>> ListLatestAsync(string tenantId, int skip, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the status, stamps <paramref name="at"/> and counts one more revision. Returns the action as stored, or null when
    /// it does not exist.
    /// </summary>
    Task<ProgrammeAction?> UpdateStatusAsync(string tenantId, string actionId, ActionStatus status, DateTimeOffset at, CancellationToken cancellationToken);
}
