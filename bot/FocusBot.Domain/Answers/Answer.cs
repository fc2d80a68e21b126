namespace FocusBot.Domain.Answers;

/// <summary>
/// A respondent's latest answer to one question of one pulse. Stored under a pseudonym, never the user id, so nobody
/// reads one person's answers through FocusBot.
/// </summary>
public sealed record Answer
{
    /// <summary>The longest free-text answer (a Voice comment, a "one thing" suggestion) FocusBot accepts.</summary>
    public const int FreeTextMaxLength = 500;

    public required string PulseId { get; init; }

    public required string QuestionId { get; init; }

    /// <summary>HMAC of tenant and user id, computed outside storage.</summary>
    public required string RespondentPseudonym { get; init; }

    public required string TenantId { get; init; }

    /// <summary>A scale number, a quiz option index, or free text, depending on the question kind.</summary>
    public required string Value { get; init; }

    /// <summary>
    /// The respondent's teams when they answered, so team slices can be counted. Stored encrypted (a team set is as
    /// good as a name for someone holding the roster); readers get them in clear.
    /// </summary>
    public IReadOnlyList<string> TeamIds { get; init; } = [];

    /// <summary>
    /// The UTC day of the answer: stores keep midnight only, since a finer time lines an answer up with whatever else
    /// the person did at that moment.
    /// </summary>
    public required DateTimeOffset AnsweredAt { get; init; }

    /// <summary>Midnight UTC of the day of <paramref name="time"/>: the only answer time a store keeps (see <see cref="AnsweredAt"/>).</summary>
    public static DateTimeOffset DayOf(DateTimeOffset time) => new(time.UtcDateTime.Date, TimeSpan.Zero);

    /// <summary>1 for the first answer; the store raises it each time a later answer replaces the stored one.</summary>
    public int Revision { get; init; } = 1;
}
