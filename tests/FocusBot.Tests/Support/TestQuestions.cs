using FocusBot.Domain.Questions;

namespace FocusBot.Tests.Support;

/// <summary>A small bank with every dimension and kind, for tests that need questions before the default bank loads.</summary>
public static class TestQuestions
{
    private static readonly DateTimeOffset Created = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Question> Bank { get; } =
    [
        new() { Id = "k-quiz-1", Text = "Who is accountable for customer focus under ISO 9001?", Dimension = QuestionDimension.Knowledge, Level = 1, Kind = QuestionKind.Quiz,
            Options = ["Top management", "The quality team", "Sales"], CorrectOption = 0, Explanation = "Clause 5.1.2 puts it on top management.", CreatedAt = Created },
        new() { Id = "k-quiz-2", Text = "Does no complaint mean a satisfied customer?", Dimension = QuestionDimension.Knowledge, Level = 1, Kind = QuestionKind.Quiz,
            Options = ["Yes", "No"], CorrectOption = 1, Explanation = "Few unhappy customers ever complain.", CreatedAt = Created },
        new() { Id = "b-freq-1", Text = "In the past 7 days, how often did you speak with a customer?", Dimension = QuestionDimension.Behaviour, Level = 2, Kind = QuestionKind.Frequency, CreatedAt = Created },
        new() { Id = "b-freq-2", Text = "In the past 7 days, how often did you pass on customer feedback?", Dimension = QuestionDimension.Behaviour, Level = 2, Kind = QuestionKind.Frequency, CreatedAt = Created },
        new() { Id = "a-agree-1", Text = "I understand what our customers need.", Dimension = QuestionDimension.Attitude, Level = 1, Kind = QuestionKind.Agreement, CreatedAt = Created },
        new() { Id = "a-agree-2", Text = "Customer feedback leads to real change here.", Dimension = QuestionDimension.Attitude, Level = 3, Kind = QuestionKind.Agreement, CreatedAt = Created },
        new() { Id = "a-advocacy", Text = "How likely are you to recommend our service to a friend?", Dimension = QuestionDimension.Attitude, Level = 3, Kind = QuestionKind.Advocacy, CreatedAt = Created },
        new() { Id = "v-one-thing", Text = "What one thing could we do better for our customers?", Dimension = QuestionDimension.Voice, Level = 1, Kind = QuestionKind.FreeText, CreatedAt = Created },
    ];
}
