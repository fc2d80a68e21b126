using FocusBot.Domain.Programme;
using FocusBot.Domain.Questions;
using FocusBot.Pulses;

namespace FocusBot.Cards.Tests;

/// <summary>A pulse with one question of every kind, so the pulse card is checked with every input it can hold.</summary>
public static class SamplePulse
{
    private static readonly DateTimeOffset s_created = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Question> Questions { get; } =
    [
        Make("a-01", "I understand what our customers need from my work.", QuestionDimension.Attitude, QuestionKind.Agreement),
        Make("b-01", "In the past 7 days, how often did you speak with a customer or read first-hand feedback?", QuestionDimension.Behaviour, QuestionKind.Frequency),
        Make("k-01", "Does having no complaints mean our customers are satisfied?", QuestionDimension.Knowledge, QuestionKind.Quiz) with
        {
            Options = ["Yes", "No: few unhappy customers ever complain", "Only for internal customers"],
            CorrectOption = 1,
            Explanation = "Most unhappy customers leave without complaining, so silence is not satisfaction.",
        },
        Make("a-09", "How likely are you to recommend our products to a friend?", QuestionDimension.Attitude, QuestionKind.Advocacy),
        Make("v-01", "What one thing could we do better for our customers?", QuestionDimension.Voice, QuestionKind.FreeText),
    ];

    public static IReadOnlyDictionary<string, string> Answers { get; } = new Dictionary<string, string>
    {
        ["a-01"] = "4",
        ["b-01"] = "2",
        ["k-01"] = "0",
        ["a-09"] = "9",
    };

    /// <summary>The answers above as stored: the agreement changed once, the others answered once.</summary>
    public static ShownAnswers Shown { get; } = new(Answers, "2.1.1.1.0");

    /// <summary>A knowledge check missed two weeks before, due for review in this pulse.</summary>
    public static PulseReview Review { get; } = new(
        new ReviewItem
        {
            TenantId = "tenant",
            RespondentPseudonym = "pseudonym",
            QuestionId = "k-02",
            Misses = 1,
            DueOn = new DateOnly(2026, 11, 23),
            CreatedOn = new DateOnly(2026, 11, 10),
            UpdatedOn = new DateOnly(2026, 11, 10),
        },
        Make("k-02", "Who is accountable for customer focus under ISO 9001?", QuestionDimension.Knowledge, QuestionKind.Quiz) with
        {
            Options = ["Top management", "The quality team", "Sales"],
            CorrectOption = 0,
            Explanation = "Clause 5.1.2 puts customer focus on top management.",
        });

    /// <summary><see cref="Review"/> answered wrongly in the pulse "2026-w48".</summary>
    public static PulseReview ReviewAnswered { get; } = Review with { Item = Review.Item with { ReviewPulseId = "2026-w48", ReviewValue = "1" } };

    private static Question Make(string id, string text, QuestionDimension dimension, QuestionKind kind) => new()
    {
        Id = id,
        Text = text,
        Dimension = dimension,
        Level = 1,
        Kind = kind,
        CreatedAt = s_created,
    };
}
