namespace FocusBot.Domain.Insights;

public interface IInsightStore
{
    /// <summary>Stores a new insight; returns false when one with that id exists.</summary>
    Task<bool> CreateAsync(Insight insight, CancellationToken cancellationToken);

    Task<Insight?> GetAsync(string insightId, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="count"/> insights of a tenant by <see cref="Insight.SendAt"/>, newest first (scheduled ones first of all).</summary>
    Task<IReadOnlyList<Insight>> ListLatestAsync(string tenantId, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one "Got it" from the person <paramref name="userKey"/> identifies. Returns false when that person was
    /// already counted, or the insight does not exist.
    /// </summary>
    Task<bool> AddGotItAsync(string insightId, string userKey, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored insight and saves the result; when another writer changed it in
    /// between, reads it again and applies the change to that, so a change decided on a stale copy is never saved.
    /// <paramref name="change"/> may run more than once and returns null to leave the insight as it is. The Got it count
    /// is the store's own and is kept. Returns the saved insight, or null when it does not exist or the change declined.
    /// </summary>
    Task<Insight?> UpdateAsync(string insightId, Func<Insight, Insight?> change, CancellationToken cancellationToken);

    /// <summary>The tenant's insights waiting for their time (<see cref="InsightStatus.Scheduled"/>), soonest first.</summary>
    Task<IReadOnlyList<Insight>> ListScheduledAsync(string tenantId, CancellationToken cancellationToken);
}
