namespace FocusBot.Domain.Privacy;

/// <summary>
/// The keys a person's data is stored under. Give every key that is known: the Teams user id keys their conversation
/// reference, roster rows, delivery rows and pause flag; the Entra object id keys role grants (and finds recognitions
/// and chats too); answers, Voice suggestions, "Got it" and applause marks are filed under pseudonyms.
/// </summary>
public sealed record ErasureSubject
{
    public required string TenantId { get; init; }

    /// <summary>Teams user id ("29:..."), when known.</summary>
    public string? UserId { get; init; }

    /// <summary>Microsoft Entra object id, when known.</summary>
    public string? AadObjectId { get; init; }

    /// <summary>
    /// Every pseudonym the person's answers and marks may be filed under (FocusBot derives them from the Entra object id
    /// and from the Teams user id).
    /// </summary>
    public IReadOnlyList<string> Pseudonyms { get; init; } = [];

    /// <summary>
    /// The person's "answered" markers, as (pulse id, marker): FocusBot computes them with its key for every pulse of
    /// the tenant, since the stored markers name nobody.
    /// </summary>
    public IReadOnlyList<(string PulseId, string Marker)> AnsweredMarkers { get; init; } = [];

    /// <summary>Throws when the subject names nobody.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(TenantId);
        if (string.IsNullOrEmpty(UserId) && string.IsNullOrEmpty(AadObjectId) && Pseudonyms.All(string.IsNullOrEmpty))
            throw new ArgumentException("An erasure needs a Teams user id, an Entra object id or a pseudonym.", nameof(UserId));
    }
}
