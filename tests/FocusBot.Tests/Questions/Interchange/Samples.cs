using FocusBot.Domain.Questions;
using FocusBot.Questions;

namespace FocusBot.Tests.Questions.Interchange;

/// <summary>Small banks for the format tests, one of each kind of question.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public const string CsvHeader = "id,text,dimension,level,kind,options,correctOption,explanation,tags,active";

    public static string Csv(params string[] rows) => string.Join("\n", [CsvHeader, .. rows]) + "\n";

    public const string QuizRow = "k-quiz,Who decides what quality means?,Knowledge,1,Quiz,Us|The customer|The auditor,1,Customers judge quality.,quality,true";

    public const string AgreementRow = "a-agree,I understand what our customers need.,Attitude,1,Agreement,,,,understanding,true";

    public static IReadOnlyList<Question> OneOfEach() =>
    [
        new()
        {
            Id = "k-quiz",
            Text = "Who decides what quality means?",
            Dimension = QuestionDimension.Knowledge,
            Level = 1,
            Kind = QuestionKind.Quiz,
            Options = ["Us", "The customer", "The auditor"],
            CorrectOption = 1,
            Explanation = "Customers judge quality.",
            Tags = ["quality"],
            CreatedAt = Now,
        },
        new()
        {
            Id = "b-freq",
            Text = "In the past 7 days, how often did you talk with a customer?",
            Dimension = QuestionDimension.Behaviour,
            Level = 2,
            Kind = QuestionKind.Frequency,
            Tags = ["listening", "feedback"],
            CreatedAt = Now,
        },
        new()
        {
            Id = "a-agree",
            Text = "I understand what our customers need.",
            Dimension = QuestionDimension.Attitude,
            Level = 3,
            Kind = QuestionKind.Agreement,
            Active = false,
            CreatedAt = Now,
        },
        new()
        {
            Id = "a-recommend",
            Text = "How likely are you to recommend us?",
            Dimension = QuestionDimension.Attitude,
            Level = 2,
            Kind = QuestionKind.Advocacy,
            InsightId = "insight-42",
            CreatedAt = Now,
        },
        new()
        {
            Id = "v-one-thing",
            Text = "What one thing could we do better for our customers?",
            Dimension = QuestionDimension.Voice,
            Level = 1,
            Kind = QuestionKind.FreeText,
            CreatedAt = Now,
        },
    ];

    public static void AssertSameBank(IReadOnlyList<Question> expected, IReadOnlyList<Question> actual)
    {
        Assert.Equal(expected.Select(q => q.Id).Order(StringComparer.Ordinal), actual.Select(q => q.Id).Order(StringComparer.Ordinal));
        foreach (var question in expected)
        {
            var other = actual.Single(q => q.Id == question.Id);
            Assert.True(QuestionContent.Same(question, other), $"question {question.Id} differs after the round trip");
        }
    }
}
