namespace FocusBot.Domain.Programme;

/// <summary>Whether a missed knowledge-check item still comes back to the person.</summary>
public enum ReviewState
{
    /// <summary>Missed and not yet answered right: it comes back once due.</summary>
    Pending,

    /// <summary>Answered right since: it does not come back (unless missed again in a pulse).</summary>
    Learnt,
}

/// <summary>
/// A knowledge-check (quiz) item one person missed, which comes back to them alone in a later pulse card until they
/// answer it right (<see cref="SpacedReview"/>). Filed under the person's pseudonym like their answers; dates only, no
/// time of day. Personal data: erased with the person, and deleted by retention once not updated for the retention period.
/// </summary>
public sealed record ReviewItem
{
    public required string TenantId { get; init; }

    public required string RespondentPseudonym { get; init; }

    public required string QuestionId { get; init; }

    public ReviewState State { get; init; } = ReviewState.Pending;

    /// <summary>How often the person missed it: in pulses and in reviews.</summary>
    public int Misses { get; init; }

    /// <summary>From this day (UTC) a pending item comes back in the person's pulse card.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>The pulse it was last shown and answered in as a review; null until it was.</summary>
    public string? ReviewPulseId { get; init; }

    /// <summary>The value the person gave in <see cref="ReviewPulseId"/>: the first counts, as for every knowledge check.</summary>
    public string? ReviewValue { get; init; }

    public required DateOnly CreatedOn { get; init; }

    public required DateOnly UpdatedOn { get; init; }

    /// <summary>Opaque version of the stored item; null before it is stored.</summary>
    public string? ETag { get; init; }

    /// <summary>Whether the person answered it as a review in <paramref name="pulseId"/>.</summary>
    public bool AnsweredIn(string pulseId) => ReviewValue is not null && string.Equals(ReviewPulseId, pulseId, StringComparison.Ordinal);
}
