using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Domain.Questions;
using FocusBot.Questions;
using FocusBot.Tests.Questions.Interchange;
using FocusBot.Tests.Questions.Support;

namespace FocusBot.Tests.Questions.Command;

/// <summary>The `questions` command as HR uses it in Teams: real activities posted to /api/messages.</summary>
public sealed class QuestionsCommandTests : IAsyncLifetime
{
    private const string DownloadUrl = "https://contoso-my.sharepoint.com/personal/ruth/_layouts/15/download.aspx?UniqueId=7&tempauth=abc";
    private QuestionsChat _chat = null!;

    public async ValueTask InitializeAsync() => _chat = await QuestionsChat.StartAsync();

    public ValueTask DisposeAsync() => _chat.DisposeAsync();

    private Task<IReadOnlyList<Question>> BankAsync() => _chat.Questions.ListAsync(includeInactive: true, CancellationToken.None);

    [Fact]
    public async Task List_FreshBank_ShowsCoverageAndTheFirstPageOfActiveQuestions()
    {
        await _chat.SayAsync("questions");

        var reply = Assert.Single(await _chat.RepliesAsync());
        var text = QuestionsChat.TextOf(QuestionsChat.CardOf(reply));
        Assert.Contains("30 active questions, 2 inactive", text, StringComparison.Ordinal);
        Assert.Contains("Active questions 1-20 of 30", text, StringComparison.Ordinal);
        Assert.Contains("k-iso-accountable · Knowledge · level 1 · Quiz", text, StringComparison.Ordinal);
        Assert.Contains("Next", text, StringComparison.Ordinal);
        Assert.DoesNotContain("k-template-top-segment", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NextButton_ReplacesTheCardWithTheSecondPage()
    {
        var response = await _chat.PressAsync(QuestionsCommand.PageVerb, new JsonObject { ["page"] = 2 });

        Assert.Equal("application/vnd.microsoft.card.adaptive", response.GetProperty("type").GetString());
        var text = QuestionsChat.TextOf(response.GetProperty("value"));
        Assert.Contains("Active questions 21-30 of 30", text, StringComparison.Ordinal);
        Assert.Contains("v-one-thing", text, StringComparison.Ordinal);
        Assert.Contains("Previous", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportJson_SendsTheWholeBankInACodeBlockThatImportsBackUnchanged()
    {
        var before = await BankAsync();

        await _chat.SayAsync("questions export json");

        var reply = Assert.Single(await _chat.RepliesAsync());
        Assert.Equal("markdown", reply.Activity.GetProperty("textFormat").GetString());
        var json = CodeBlockOf(reply.Text!);
        Assert.Equal(before.Count, JsonDocument.Parse(json).RootElement.GetArrayLength());

        _chat.Connector.Reset();
        await _chat.SayAsync("questions import\n" + json);

        Assert.StartsWith("Imported 32 questions (13 Knowledge, 9 Behaviour, 9 Attitude, 1 Voice; 30 active): 0 new, 0 changed, 32 unchanged.",
            Assert.Single(await _chat.RepliesAsync()).Text, StringComparison.Ordinal);
        AssertSameStoredBank(before, await BankAsync());
    }

    [Fact]
    public async Task ExportCsv_ImportedBackAsAnAttachedFile_LeavesTheBankUnchanged()
    {
        var before = await BankAsync();
        await _chat.SayAsync("questions export csv");
        var csv = CodeBlockOf(Assert.Single(await _chat.RepliesAsync()).Text!);
        Assert.StartsWith(Samples.CsvHeader, csv, StringComparison.Ordinal);
        _chat.Files.Serve(DownloadUrl, csv);
        _chat.Connector.Reset();

        await _chat.SayAsync("questions import", null, QuestionsChat.FileAttachment("questions.csv", DownloadUrl));

        Assert.Contains("32 unchanged", Assert.Single(await _chat.RepliesAsync()).Text, StringComparison.Ordinal);
        Assert.Equal([new Uri(DownloadUrl)], _chat.Files.Requests);
        AssertSameStoredBank(before, await BankAsync());
    }

    [Fact]
    public async Task ImportPastedCsv_ReplacesTheBankAndKeepsLeftOutQuestionsInactive()
    {
        var csv = string.Join("\n",
            Samples.CsvHeader,
            "k-iso-accountable,Who is accountable for customer focus under ISO 9001?,Knowledge,1,Quiz,Top management|Quality team,0,Clause 5.1.2.,iso-9001,true",
            "a-new,We celebrate fixing customer problems.,Attitude,2,Agreement,,,,culture,true");

        await _chat.SayAsync("questions import\n" + csv);

        Assert.Equal("Imported 2 questions (1 Knowledge, 1 Attitude; 2 active): 1 new, 1 changed, 0 unchanged. " +
            "31 questions not in the import are kept as inactive, so past results keep their wording.",
            Assert.Single(await _chat.RepliesAsync()).Text);
        var bank = await BankAsync();
        Assert.Equal(33, bank.Count);
        Assert.Equal(["a-new", "k-iso-accountable"], bank.Where(q => q.Active).Select(q => q.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["Top management", "Quality team"], bank.Single(q => q.Id == "k-iso-accountable").Options);
    }

    [Fact]
    public async Task ImportWithProblems_ListsThemAndChangesNothing()
    {
        var before = await BankAsync();
        var csv = string.Join("\n",
            Samples.CsvHeader,
            "a-fine,A perfectly good question.,Attitude,1,Agreement,,,,,true",
            "k-bad,Which one?,Knowlege,1,Quiz,Only,0,Because.,,true",
            "b-bad,How often?,Behaviour,7,Frequency,,,,,true");

        await _chat.SayAsync("questions import\n" + csv);

        var text = QuestionsChat.TextOf(QuestionsChat.CardOf(Assert.Single(await _chat.RepliesAsync())));
        Assert.Contains("Nothing was imported: 3 problems to fix", text, StringComparison.Ordinal);
        // Problems quote the imported file, so they reach the card escaped (Teams shows "\\(" as "(").
        Assert.Contains(FocusBot.Cards.CardText.Escape("line 3: unknown dimension 'Knowlege' (expected Knowledge, Behaviour, Attitude or Voice)"), text, StringComparison.Ordinal);
        Assert.Contains(FocusBot.Cards.CardText.Escape("line 3: quiz question needs 2-6 options (it has 1)"), text, StringComparison.Ordinal);
        Assert.Contains("line 4: level must be 1, 2 or 3, not '7'", text, StringComparison.Ordinal);
        AssertSameStoredBank(before, await BankAsync());
    }

    [Fact]
    public async Task ImportWithMoreThanTwentyProblems_ShowsTwentyAndCountsTheRest()
    {
        var rows = Enumerable.Range(1, 25).Select(i => $"a-{i},Text {i},Attitude,9,Agreement,,,,,true");

        await _chat.SayAsync("questions import\n" + string.Join("\n", [Samples.CsvHeader, .. rows]));

        var text = QuestionsChat.TextOf(QuestionsChat.CardOf(Assert.Single(await _chat.RepliesAsync())));
        Assert.Contains("line 21: level", text, StringComparison.Ordinal);
        Assert.DoesNotContain("line 22: level", text, StringComparison.Ordinal);
        Assert.Contains("...and 5 more.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPastedJsonInACodeFence_IsRead()
    {
        const string json = """
            ```
            [ { "id": "v-one-thing", "text": "What one thing could we do better for our customers?", "dimension": "Voice", "level": 1, "kind": "FreeText" } ]
            ```
            """;

        await _chat.SayAsync("questions import\n" + json);

        Assert.StartsWith("Imported 1 question (1 Voice; 1 active)", Assert.Single(await _chat.RepliesAsync()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAttachmentOutsideSharePoint_IsRefusedWithoutFetchingIt()
    {
        var before = await BankAsync();

        await _chat.SayAsync("questions import", null, QuestionsChat.FileAttachment("questions.csv", "https://attacker.example/questions.csv"));

        Assert.Contains("SharePoint", Assert.Single(await _chat.RepliesAsync()).Text, StringComparison.Ordinal);
        Assert.Empty(_chat.Files.Requests);
        AssertSameStoredBank(before, await BankAsync());
    }

    [Fact]
    public async Task ImportSpreadsheetFile_AsksForCsv()
    {
        await _chat.SayAsync("questions import", null, QuestionsChat.FileAttachment("questions.xlsx", DownloadUrl));

        Assert.Contains("CSV UTF-8", Assert.Single(await _chat.RepliesAsync()).Text, StringComparison.Ordinal);
        Assert.Empty(_chat.Files.Requests);
    }

    [Fact]
    public async Task ImportFileNamedWithMarkup_NamesItsTypeEscaped()
    {
        // The reply is a chat message, whose markdown Teams renders: the sender's file name must not become a link.
        await _chat.SayAsync("questions import", null, QuestionsChat.FileAttachment("questions.**x**<b>", DownloadUrl));

        var text = Assert.Single(await _chat.RepliesAsync()).Text;
        Assert.Contains("not .\\*\\*x\\*\\*\\<\u2060b\\>.", text, StringComparison.Ordinal);
        Assert.Empty(_chat.Files.Requests);
    }

    [Fact]
    public async Task ImportWithNothingPastedOrAttached_ExplainsHow()
    {
        await _chat.SayAsync("questions import");

        Assert.Contains("Shift+Enter", Assert.Single(await _chat.RepliesAsync()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_FromSomeoneWithoutHr_IsRefusedAndChangesNothing()
    {
        await using var chat = await QuestionsChat.StartAsync(ruthIsHr: false);
        var before = await chat.Questions.ListAsync(includeInactive: true, CancellationToken.None);

        await chat.SayAsync("questions import\n" + Samples.Csv(Samples.AgreementRow));
        await chat.SayAsync("questions export json");

        var replies = await chat.RepliesAsync(2);
        Assert.All(replies, reply => Assert.Contains("is for HR only", QuestionsChat.TextOf(QuestionsChat.CardOf(reply)), StringComparison.Ordinal));
        Assert.DoesNotContain(replies, reply => reply.Text?.Contains("k-iso-accountable", StringComparison.Ordinal) == true);
        AssertSameStoredBank(before, await chat.Questions.ListAsync(includeInactive: true, CancellationToken.None));
    }

    [Fact]
    public async Task NextButton_FromSomeoneWithoutHr_IsRefused()
    {
        await using var chat = await QuestionsChat.StartAsync(ruthIsHr: false);

        var response = await chat.PressAsync(QuestionsCommand.PageVerb, new JsonObject { ["page"] = 2 });

        Assert.Contains("is for HR only", QuestionsChat.TextOf(response.GetProperty("value")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_InATeamChannel_IsNotPostedWhereEveryoneSeesTheAnswers()
    {
        await _chat.SayAsync("questions export csv", QuestionsChat.Channel);

        var reply = Assert.Single(await _chat.RepliesAsync());
        Assert.Contains("personal chat", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("k-iso-accountable", reply.Text, StringComparison.Ordinal);
    }

    private static string CodeBlockOf(string markdown)
    {
        var start = markdown.IndexOf("```\n", StringComparison.Ordinal) + 4;
        var end = markdown.LastIndexOf("\n```", StringComparison.Ordinal);
        return markdown[start..end];
    }

    private static void AssertSameStoredBank(IReadOnlyList<Question> expected, IReadOnlyList<Question> actual)
    {
        Samples.AssertSameBank(expected, actual);
        Assert.Equal(expected.Select(q => q.CreatedAt), actual.Select(q => q.CreatedAt));
    }
}
