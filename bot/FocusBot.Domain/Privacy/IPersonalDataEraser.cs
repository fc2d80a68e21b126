namespace FocusBot.Domain.Privacy;

/// <summary>
/// Erases a person's data on request: conversation references, roster entries, deliveries, answers, the pause flag and
/// any roles they hold. Aggregates are anonymous counts and stay. Every removal is a point or single-partition lookup.
/// </summary>
public interface IPersonalDataEraser
{
    /// <param name="tenantId">The person's tenant.</param>
    /// <param name="userId">Teams user id ("29:...").</param>
    /// <param name="aadObjectId">AAD object id, when known: the key of their role assignments.</param>
    /// <param name="respondentPseudonym">The pseudonym the person's answers are stored under.</param>
    /// <param name="cancellationToken">Cancels the erasure; running it again finishes it.</param>
    Task<ErasureResult> EraseAsync(string tenantId, string userId, string? aadObjectId, string respondentPseudonym, CancellationToken cancellationToken);
}
