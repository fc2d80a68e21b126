namespace FocusBot.Domain.Programme;

public interface IProgrammeEventStore
{
    /// <summary>Stores a new event; returns false when the tenant has one with that id.</summary>
    Task<bool> CreateAsync(ProgrammeEvent programmeEvent, CancellationToken cancellationToken);

    Task<ProgrammeEvent?> GetAsync(string tenantId, string eventId, CancellationToken cancellationToken);

    /// <summary>A tenant's events, latest date first (then newest recorded), skipping the first <paramref name="skip"/>.</summary>
    Task<IReadOnlyList<ProgrammeEvent>> ListLatestAsync(string tenantId, int skip, int count, CancellationToken cancellationToken);

    /// <summary>A tenant's events dated from <paramref name="first"/> to <paramref name="last"/> (both included), earliest first.</summary>
    Task<IReadOnlyList<ProgrammeEvent>> ListBetweenAsync(string tenantId, DateOnly first, DateOnly last, CancellationToken cancellationToken);
}
