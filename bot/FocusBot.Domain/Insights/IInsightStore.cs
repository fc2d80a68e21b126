namespace FocusBot.Domain.Insights;

public interface IInsightStore
{
    /// <summary>Stores a new insight; returns false when one with that id exists.</summary>
    Task<bool> CreateAsync(Insight insight, CancellationToken cancellationToken);

    Task<Insight?> GetAsync(string insightId, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="count"/> insights of a tenant, newest first.</summary>
    Task<IReadOnlyList<Insight>> ListLatestAsync(string tenantId, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one "Got it" from the person <paramref name="userKey"/> identifies. Returns false when that person was
    /// already counted, or the insight does not exist.
    /// </summary>
    Task<bool> AddGotItAsync(string insightId, string userKey, CancellationToken cancellationToken);
}
