using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;

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

    /// <summary>The counted answers as answers to <paramref name="pulse"/>, for the questions in <paramref name="known"/>.</summary>
    public List<(Question Question, Answer Answer)> AsAnswers(Pulse pulse, IDictionary<string, Question> known)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(known);
        return [.. Answers.Where(a => known.ContainsKey(a.Key)).Select(a => (known[a.Key], new Answer
        {
            PulseId = pulse.Id,
            QuestionId = a.Key,
            RespondentPseudonym = RespondentPseudonym,
            TenantId = pulse.TenantId,
            Value = a.Value.Value,
            TeamIds = a.Value.TeamIds,
            AnsweredAt = pulse.OpensAt,
        }))];
    }
}

/// <summary>One counted answer: its value and the respondent's teams it was counted in.</summary>
public sealed record CountedAnswer(string Value, IReadOnlyList<string> TeamIds);
