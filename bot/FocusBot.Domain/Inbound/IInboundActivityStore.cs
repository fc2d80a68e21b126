namespace FocusBot.Domain.Inbound;

/// <summary>
/// Marks of the inbound activities FocusBot is acting or has acted on, so that an activity Teams delivers again (it
/// retries when an answer is slow or lost) acts once. A key names one activity in one conversation; the caller hashes
/// it, so no mark holds an id in clear.
/// </summary>
public interface IInboundActivityStore
{
    /// <summary>
    /// Marks <paramref name="key"/> until now + <paramref name="retention"/>. True when this caller is the one to act:
    /// there was no mark, or only an expired one. Of callers racing for one key exactly one gets true.
    /// </summary>
    Task<bool> TryMarkAsync(string key, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Removes the mark, so the next delivery of the activity acts again; does nothing when there is none.</summary>
    Task UnmarkAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the marks that have expired; returns how many.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}
