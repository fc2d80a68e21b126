namespace FocusBot.Domain.Questions;

/// <summary>How a question is answered, which decides how its answers are scored.</summary>
public enum QuestionKind
{
    /// <summary>5-point agreement, Strongly disagree (1) to Strongly agree (5).</summary>
    Agreement,

    /// <summary>Frequency in the past 7 days: Never, Once, 2-3 times, 4+ times.</summary>
    Frequency,

    /// <summary>Knowledge check with one correct option.</summary>
    Quiz,

    /// <summary>0-10 likelihood to recommend, reported eNPS-style.</summary>
    Advocacy,

    FreeText,
}
