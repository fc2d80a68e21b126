using FocusBot.Domain.Questions;
using FocusBot.Questions;
using FocusBot.Questions.Interchange;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Questions;

/// <summary>The question bank's cards as Teams meets them: Adaptive Card 1.5 schema, Microsoft's renderer, 28 KB.</summary>
public sealed class QuestionCardsTests
{
    private static readonly DateTimeOffset s_now = DateTimeOffset.UnixEpoch;

    /// <summary>The largest bank an import allows, every text at its limit in a script JSON escapes to six bytes a character.</summary>
    private static IReadOnlyList<Question> LargestBank() =>
    [
        .. Enumerable.Range(0, QuestionValidator.MaxQuestions).Select(i => new Question
        {
            Id = $"q-{i:D4}-" + new string('x', QuestionValidator.MaxIdLength - 7),
            Text = new string('顧', QuestionValidator.MaxTextLength),
            Dimension = (QuestionDimension)(i % 3),
            Level = i % 3 + 1,
            Kind = (i % 3) switch { 0 => QuestionKind.Quiz, 1 => QuestionKind.Frequency, _ => QuestionKind.Agreement },
            CreatedAt = s_now,
        }),
    ];

    [Fact]
    public async Task Cards_DefaultAndLargestBanksAndProblemLists_AreValidForTeams()
    {
        var largest = LargestBank();
        var pageCount = QuestionListPages.Split(largest).Count;
        var manyProblems = Enumerable.Range(1, 500)
            .Select(i => new ImportProblem(new SourceLocation(i, i), "unknown dimension '" + new string('ü', 500) + "'"))
            .ToList();
        var cards = new Dictionary<string, byte[]>
        {
            ["QuestionListCard-default"] = QuestionListCard.Create(DefaultQuestionBank.Load(s_now), 1).ToUtf8Bytes(),
            ["QuestionListCard-empty"] = QuestionListCard.Create([], 1).ToUtf8Bytes(),
            ["QuestionListCard-largest-first"] = QuestionListCard.Create(largest, 1).ToUtf8Bytes(),
            ["QuestionListCard-largest-middle"] = QuestionListCard.Create(largest, pageCount / 2).ToUtf8Bytes(),
            ["QuestionListCard-largest-last"] = QuestionListCard.Create(largest, pageCount).ToUtf8Bytes(),
            ["ImportProblemsCard-one"] = ImportProblemsCard.Create([manyProblems[0]]).ToUtf8Bytes(),
            ["ImportProblemsCard-many"] = ImportProblemsCard.Create(manyProblems).ToUtf8Bytes(),
        };

        var report = await CardValidator.ValidateAsync(cards, TestContext.Current.CancellationToken);

        Assert.True(report.Problems.Count == 0, string.Join("\n", report.Problems.SelectMany(p => p.Value.Select(v => $"{p.Key}: {v}"))) + report.Output);
        Assert.Equal(cards.Count, report.CheckedCount);
    }

    [Fact]
    public void Split_LargestBank_KeepsEveryQuestionOnExactlyOnePage()
    {
        var largest = LargestBank();

        var pages = QuestionListPages.Split(largest);

        Assert.Equal(largest.Select(q => q.Id), pages.SelectMany(p => p).Select(q => q.Id));
        Assert.All(pages, page => Assert.InRange(page.Count, 1, QuestionListPages.MaxPerPage));
    }

    [Fact]
    public void Create_PageBeyondTheLast_ShowsTheLastPage()
    {
        var bank = DefaultQuestionBank.Load(s_now);

        var card = QuestionListCard.Create(bank, 99);

        Assert.Contains(card.Body, e => e is FocusBot.Cards.TextBlock { Text: "Active questions 21-30 of 30" });
    }

    [Fact]
    public void ExportMessages_BankOverOneMessage_SplitsAtLineEndsIntoPartsThatJoinBackExactly()
    {
        var content = QuestionCsvFormat.Write(LargestBank());

        var messages = QuestionExportMessages.Create(QuestionFileFormat.Csv, content, QuestionValidator.MaxQuestions, QuestionValidator.MaxQuestions);

        Assert.True(messages.Count > 1);
        var blocks = messages.Select(m => m.Text!).Select(t => t[(t.IndexOf("```\n", StringComparison.Ordinal) + 4)..t.LastIndexOf("\n```", StringComparison.Ordinal)]).ToList();
        Assert.All(blocks, b => Assert.InRange(b.Length, 1, QuestionExportMessages.MaxCharsPerMessage));
        Assert.All(messages.Select((m, i) => (m, i)), x => Assert.Contains($"Part {x.i + 1} of {messages.Count}", x.m.Text!, StringComparison.Ordinal));
        var joined = string.Join("\n", blocks);
        Assert.Equal(content.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), joined.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries));
    }
}
