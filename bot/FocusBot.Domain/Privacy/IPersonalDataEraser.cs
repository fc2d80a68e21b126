namespace FocusBot.Domain.Privacy;

/// <summary>
/// Erases a person's data on request: conversation reference, roster rows, every delivery row, answers and Voice
/// suggestions, the pause flag, role grants, "Got it" and applause marks (the counts drop), recognitions of them, and
/// the peer recognitions they gave. Aggregates are anonymous counts and stay. Every lookup goes through a key or an
/// index, never a scan of a table.
/// </summary>
public interface IPersonalDataEraser
{
    /// <summary>What <see cref="EraseAsync"/> would remove now, changing nothing: for the Admin to confirm.</summary>
    Task<ErasureResult> CountAsync(ErasureSubject subject, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the person's data and says how much went. Running it again is harmless and finishes an erasure that
    /// was interrupted; what identifies the person is removed last, so a rerun still finds the rest.
    /// </summary>
    Task<ErasureResult> EraseAsync(ErasureSubject subject, CancellationToken cancellationToken);
}
