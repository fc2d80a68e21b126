using FocusBot.Domain.Questions;

namespace FocusBot.TestSupport;

/// <summary>
/// One question of each kind the trends score (two quizzes), with the ids the tests name them by: the domain's rules and
/// the trend figures built from them are checked on the same questions.
/// </summary>
public static class SampleQuestions
{
    public static readonly DateTimeOffset CreatedAt = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static readonly Question Quiz = new()
    {
        Id = "k1",
        Text = "Who is our customer?",
        Dimension = QuestionDimension.Knowledge,
        Level = 1,
        Kind = QuestionKind.Quiz,
        Options = ["Payers only", "Anyone who relies on our work", "Nobody"],
        CorrectOption = 1,
        Tags = ["who-is-a-customer"],
        CreatedAt = CreatedAt,
    };

    public static readonly Question Quiz2 = new()
    {
        Id = "k2",
        Text = "Who is accountable for customer focus?",
        Dimension = QuestionDimension.Knowledge,
        Level = 2,
        Kind = QuestionKind.Quiz,
        Options = ["Quality team", "Top management"],
        CorrectOption = 1,
        Tags = ["iso-9001"],
        CreatedAt = CreatedAt,
    };

    public static readonly Question Frequency = new()
    {
        Id = "b1",
        Text = "How often did you speak with a customer?",
        Dimension = QuestionDimension.Behaviour,
        Level = 1,
        Kind = QuestionKind.Frequency,
        Tags = ["listening"],
        CreatedAt = CreatedAt,
    };

    public static readonly Question Agreement = new()
    {
        Id = "a1",
        Text = "I understand what our customers need.",
        Dimension = QuestionDimension.Attitude,
        Level = 1,
        Kind = QuestionKind.Agreement,
        CreatedAt = CreatedAt,
    };

    public static readonly Question Advocacy = new()
    {
        Id = "adv",
        Text = "Would you recommend us?",
        Dimension = QuestionDimension.Attitude,
        Level = 1,
        Kind = QuestionKind.Advocacy,
        CreatedAt = CreatedAt,
    };

    public static readonly Question Voice = new()
    {
        Id = "v1",
        Text = "What one thing could we do better for our customers?",
        Dimension = QuestionDimension.Voice,
        Level = 1,
        Kind = QuestionKind.FreeText,
        CreatedAt = CreatedAt,
    };

    public static IReadOnlyList<Question> All { get; } = [Quiz, Quiz2, Frequency, Agreement, Advocacy, Voice];
}
