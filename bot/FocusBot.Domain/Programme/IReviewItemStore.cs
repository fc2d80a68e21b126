namespace FocusBot.Domain.Programme;

/// <summary>A person's knowledge-check items to review (<see cref="ReviewItem"/>), one per question, under their pseudonym.</summary>
public interface IReviewItemStore
{
    /// <summary>Every item of the person, learnt ones too, in question id order.</summary>
    Task<IReadOnlyList<ReviewItem>> ListForPersonAsync(string tenantId, string respondentPseudonym, CancellationToken cancellationToken);

    Task<ReviewItem?> GetAsync(string tenantId, string respondentPseudonym, string questionId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new item (no <see cref="ReviewItem.ETag"/>: only if the person has none for the question) or a change to
    /// the one read (its ETag); returns it with its new ETag. Throws <see cref="Storage.ConcurrencyException"/> when
    /// another write came first: read again and decide.
    /// </summary>
    Task<ReviewItem> SaveAsync(ReviewItem item, CancellationToken cancellationToken);

    /// <summary>Deletes every item of the person (erasure); returns how many went.</summary>
    Task<int> DeleteForPersonAsync(string tenantId, string respondentPseudonym, CancellationToken cancellationToken);

    /// <summary>Deletes the tenant's items last updated before <paramref name="before"/> (retention); returns how many went.</summary>
    Task<int> DeleteUpdatedBeforeAsync(string tenantId, DateOnly before, CancellationToken cancellationToken);
}
