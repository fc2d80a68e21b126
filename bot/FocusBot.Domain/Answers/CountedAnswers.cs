namespace FocusBot.Domain.Answers;

/// <summary>
/// What the trend aggregates hold of one respondent's answers to one pulse: the values and teams that went into the
/// counts. The recorder moves the aggregates by "current answers minus this", then replaces it with a conditional
/// write, so concurrent or repeated submissions add each person exactly once.
/// </summary>
public sealed record CountedAnswers
{
    public required string PulseId { get; init; }

    public required string RespondentPseudonym { get; init; }

    public required string TenantId { get; init; }

    /// <summary>By question id: the value and teams counted.</summary>
    public IReadOnlyDictionary<string, CountedAnswer> Answers { get; init; } = new Dictionary<string, CountedAnswer>(StringComparer.Ordinal);

    /// <summary>Opaque version of the stored record; null before it is stored.</summary>
    public string? ETag { get; init; }
}

/// <summary>One counted answer: its value and the respondent's teams it was counted in.</summary>
public sealed record CountedAnswer(string Value, IReadOnlyList<string> TeamIds);
