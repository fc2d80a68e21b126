using System.Globalization;

namespace FocusBot.Domain.Questions;

/// <summary>One item of the question bank.</summary>
public sealed record Question
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    public required QuestionDimension Dimension { get; init; }

    /// <summary>Programme level: 1 Basic Customer Knowledge, 2 Deeper Customer Understanding, 3 Customer Partnership.</summary>
    public required int Level { get; init; }

    public required QuestionKind Kind { get; init; }

    /// <summary>Answer options of a quiz question; empty for other kinds.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Zero-based index into <see cref="Options"/> of the right answer of a quiz question.</summary>
    public int? CorrectOption { get; init; }

    /// <summary>Why the right answer is right, shown after a quiz answer.</summary>
    public string? Explanation { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool Active { get; init; } = true;

    /// <summary>The insight this question practises, when it is tied to one.</summary>
    public string? InsightId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Whether <paramref name="value"/>, an option's number, is the right answer of this knowledge check: the one rule the
    /// figures, the answered card and spaced review all score by.
    /// </summary>
    public bool IsRightAnswer(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return CorrectOption is { } correct
            && int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number == correct;
    }
}
