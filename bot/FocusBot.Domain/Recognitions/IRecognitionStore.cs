namespace FocusBot.Domain.Recognitions;

public interface IRecognitionStore
{
    /// <summary>Stores a new recognition; returns false when one with that id exists.</summary>
    Task<bool> CreateAsync(Recognition recognition, CancellationToken cancellationToken);

    Task<Recognition?> GetAsync(string recognitionId, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="count"/> recognitions of a tenant, newest first.</summary>
    Task<IReadOnlyList<Recognition>> ListRecentAsync(string tenantId, int count, CancellationToken cancellationToken);

    /// <summary>Recognitions created at or after <paramref name="since"/>, newest first.</summary>
    IAsyncEnumerable<Recognition> ListSinceAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// The tenant's recognitions that match <paramref name="query"/>, newest first, read as the caller goes (stop early
    /// for a page). Filters on team, behaviour and kind are applied by the store, not by loading every recognition.
    /// </summary>
    IAsyncEnumerable<Recognition> QueryAsync(RecognitionQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Recognitions of one person, found by their Teams user id or Entra object id (either may be null), newest first.
    /// Served by an index, not by reading the tenant's recognitions.
    /// </summary>
    Task<IReadOnlyList<Recognition>> ListForRecipientAsync(string tenantId, string? userId, string? aadObjectId, CancellationToken cancellationToken);

    /// <summary>
    /// Peer recognitions one person gave (their author key is their Entra object id or, without one, their Teams user id;
    /// either may be null), created at or after <paramref name="since"/> when given, newest first. Served by an index:
    /// it counts a person's recognitions this week and finds them for erasure.
    /// </summary>
    Task<IReadOnlyList<Recognition>> ListGivenAsync(string tenantId, string? userId, string? aadObjectId, DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>Counts one applause per person; false when that person already applauded or the recognition does not exist.</summary>
    Task<bool> AddApplauseAsync(string recognitionId, string userKey, CancellationToken cancellationToken);
}
