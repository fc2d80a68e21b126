using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Questions;
using FocusBot.Insights;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Insights;

/// <summary>
/// An insight after it went out, through POST /api/messages on SQLite and Azurite: its reach, its text edited in every
/// chat and channel it went to, and recalled from them all; the Connector simulator records each update and delete.
/// </summary>
public abstract class InsightChangeTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Title = "Callbacks take too long";
    private const string NewTitle = "Callbacks now come within a day";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private BotScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await BotScenario.StartAsync(storage, azurite);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    // Every conversation the insight goes to: the six personal chats (Lee's made by FocusBot) and the channel.
    private static IReadOnlyList<string> Conversations =>
    [
        BotScenario.CustomerWinsChannel,
        .. Person.Everyone.Select(p => p == Person.Lee ? ConversationIds.Personal(BotScenario.TenantId, p.UserId) : p.Chat),
    ];

    private static JsonObject Press(Insight insight) => new() { ["insightId"] = insight.Id };

    /// <summary>Ruth posts the insight to Customer Wins and everyone; returns it and the id of the message in each conversation.</summary>
    private async Task<(Insight Insight, IReadOnlyDictionary<string, string> Messages)> PostAsync(JsonObject? form = null)
    {
        await _scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb, form ?? InsightForms.Valid());
        var insight = Assert.Single(await _scenario.Get<IInsightStore>().ListLatestAsync(BotScenario.TenantId, 5, CancellationToken.None));
        await InsightLedgerProof.FinishedAsync(_scenario, InsightLedgers.People(insight.Id));
        var messages = new Dictionary<string, string>();
        foreach (var conversation in Conversations)
        {
            await _scenario.WaitForCardAsync(conversation, Title);
            messages[conversation] = _scenario.SentTo(conversation).Single(s => s.Operation == ConnectorOperation.Send && CardJson.HasCard(s.Activity)
                && CardJson.AllText(CardJson.Of(s)).Contains(Title, StringComparison.Ordinal)).ActivityId;
        }

        return (insight, messages);
    }

    private async Task<string> ReachTextAsync(Person person, Insight insight) =>
        CardJson.AllText(await _scenario.ExecuteForCardAsync(person, InsightManagement.ReachVerb, Press(insight)));

    /// <summary>Waits until the simulator has seen <paramref name="operation"/> on the message <paramref name="activityId"/>.</summary>
    private async Task<ConnectorSimulator.Recording.SentActivity> WaitForAsync(string conversation, string activityId, ConnectorOperation operation)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            if (_scenario.SentTo(conversation).LastOrDefault(s => s.Operation == operation && s.ActivityId == activityId) is { } found)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No {operation} of {activityId} in {conversation} within {Wait.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Reach_OnePersonHasBlockedFocusBot_CountsDeliveredUnreachableAndGotIt_NamingNobody()
    {
        _scenario.Connector.Faults.BlockConversation(Person.Sam.Chat);
        await _scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb, InsightForms.Valid());
        var insight = Assert.Single(await _scenario.Get<IInsightStore>().ListLatestAsync(BotScenario.TenantId, 5, CancellationToken.None));
        await InsightLedgerProof.FinishedAsync(_scenario, InsightLedgers.People(insight.Id));
        await _scenario.ExecuteForCardAsync(Person.Megan, InsightCommand.GotItVerb, Press(insight));

        var text = await ReachTextAsync(Person.Hassan, insight);

        Assert.Contains("For: everyone · Service Desk › Customer Wins", text, StringComparison.Ordinal);
        Assert.Contains("Personal chats: 5 of 6 delivered", text, StringComparison.Ordinal);
        Assert.Contains("Could not be reached: 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Still sending", text, StringComparison.Ordinal);
        Assert.Contains("Service Desk › Customer Wins: posted", text, StringComparison.Ordinal);
        Assert.Contains("Got it: fewer than 5 people", text, StringComparison.Ordinal);
        Assert.Contains("Status: Sent ", text, StringComparison.Ordinal);
        Assert.All(Person.Everyone, p => Assert.DoesNotContain(p.Name, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edit_OfASentInsight_ReplacesEveryMessageItSent_AndSaysHowThatWent()
    {
        var (insight, messages) = await PostAsync();

        var form = await _scenario.ExecuteForCardAsync(Person.Hassan, InsightManagement.EditVerb, Press(insight));
        Assert.Contains(InsightFormCard.EditTitle, CardJson.AllText(form), StringComparison.Ordinal);
        Assert.Equal(Title, CardJson.Input(form, InsightForm.TitleId).GetProperty("value").GetString());
        Assert.Equal(("kpi", "November account reviews"), (CardJson.Input(form, InsightForm.SourceId).GetProperty("value").GetString(),
            CardJson.Input(form, InsightForm.SourceDetailId).GetProperty("value").GetString()));
        var edit = InsightForms.With(InsightForms.Valid(), InsightForm.TitleId, NewTitle);
        edit["insightId"] = insight.Id;

        var saved = await _scenario.ExecuteForCardAsync(Person.Hassan, InsightManagement.SaveVerb, edit);

        Assert.Contains("Saved. Updating it in the 7 chats and channels it went to", CardJson.AllText(saved), StringComparison.Ordinal);
        foreach (var (conversation, activityId) in messages)
        {
            var update = await WaitForAsync(conversation, activityId, ConnectorOperation.Update);
            var text = CardJson.AllText(CardJson.Of(update));
            Assert.Contains(NewTitle, text, StringComparison.Ordinal);
            Assert.Contains("· edited", text, StringComparison.Ordinal);
            Assert.Single(_scenario.SentTo(conversation), s => s.Operation == ConnectorOperation.Send && CardJson.HasCard(s.Activity)
                && CardJson.AllText(CardJson.Of(s)).Contains(InsightCard.Kicker, StringComparison.Ordinal)); // replaced, not posted again
        }

        Assert.Equal(7, (await InsightLedgerProof.FinishedAsync(_scenario, InsightLedgers.Edit(insight.Id, 2)))[DeliveryStatus.Sent]);
        Assert.Contains("Last edit: Updated in 6 chats and 1 channel", await ReachTextAsync(Person.Ruth, insight), StringComparison.Ordinal);
        await _scenario.SayAsync(Person.Sam, "insights");
        Assert.Contains(NewTitle, CardJson.AllText(_scenario.LastCardTo(Person.Sam)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_AChatBlockedSinceItWasSent_SaysOneCouldNotBeReached()
    {
        var (insight, _) = await PostAsync();
        _scenario.Connector.Faults.BlockConversation(Person.Megan.Chat);
        var edit = InsightForms.With(InsightForms.Valid(), InsightForm.TitleId, NewTitle);
        edit["insightId"] = insight.Id;

        await _scenario.ExecuteForCardAsync(Person.Ruth, InsightManagement.SaveVerb, edit);

        var counts = await InsightLedgerProof.FinishedAsync(_scenario, InsightLedgers.Edit(insight.Id, 2));
        Assert.Equal((6, 1), (counts[DeliveryStatus.Sent], counts[DeliveryStatus.Blocked]));
        Assert.Contains("Last edit: Updated in 5 chats and 1 channel, 1 could not be reached", await ReachTextAsync(Person.Ruth, insight), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_WithoutATitle_ComesBackAsTypedWithTheProblem_AndChangesNothing()
    {
        var (insight, _) = await PostAsync();
        var edit = InsightForms.With(InsightForms.Valid(), InsightForm.TitleId, "");
        edit[InsightForm.BodyId] = "What we typed and want to keep.";
        edit["insightId"] = insight.Id;

        var card = await _scenario.ExecuteForCardAsync(Person.Ruth, InsightManagement.SaveVerb, edit);

        Assert.Contains("Title is required.", CardJson.AllText(card), StringComparison.Ordinal);
        Assert.Contains(InsightFormCard.EditTitle, CardJson.AllText(card), StringComparison.Ordinal);
        Assert.Equal("What we typed and want to keep.", CardJson.Input(card, InsightForm.BodyId).GetProperty("value").GetString());
        var stored = await _scenario.Get<IInsightStore>().GetAsync(insight.Id, CancellationToken.None);
        Assert.Equal((Title, 1), (stored!.Title, stored.Revision));
        Assert.Empty(await _scenario.Get<IDeliveryStore>().CountByStatusAsync(InsightLedgers.Edit(insight.Id, 2), CancellationToken.None));
    }

    [Fact]
    public async Task Recall_AskedThenConfirmed_DeletesEveryMessage_RetiresTheQuestion_AndListsShowItRecalled()
    {
        var (insight, messages) = await PostAsync(InsightForms.WithQuestion(InsightForms.Valid()));

        var asked = await _scenario.ExecuteForCardAsync(Person.Hassan, InsightManagement.RecallVerb, Press(insight));
        Assert.Contains(InsightReachCard.RecallTitle, CardJson.AllText(asked), StringComparison.Ordinal);
        Assert.Equal(InsightStatus.Sent, (await _scenario.Get<IInsightStore>().GetAsync(insight.Id, CancellationToken.None))!.Status);
        var confirm = JsonObject.Create(CardJson.ExecuteActions(asked).Single(a => a.GetProperty("verb").GetString() == InsightManagement.RecallVerb).GetProperty("data"))!;

        var recalled = await _scenario.ExecuteForCardAsync(Person.Hassan, InsightManagement.RecallVerb, confirm);

        Assert.Contains("Recalled. Deleting it from the 7 chats and channels it went to", CardJson.AllText(recalled), StringComparison.Ordinal);
        foreach (var (conversation, activityId) in messages)
            await WaitForAsync(conversation, activityId, ConnectorOperation.Delete);
        Assert.Equal(7, (await InsightLedgerProof.FinishedAsync(_scenario, InsightLedgers.Recall(insight.Id)))[DeliveryStatus.Sent]);
        Assert.Contains("Recall: Removed from 6 chats and 1 channel", await ReachTextAsync(Person.Ruth, insight), StringComparison.Ordinal);
        Assert.False((await _scenario.Get<IQuestionStore>().GetAsync(insight.QuestionId!, CancellationToken.None))!.Active);

        await _scenario.SayAsync(Person.Sam, "insights");
        var staffList = CardJson.AllText(_scenario.LastCardTo(Person.Sam));
        Assert.Contains("CUSTOMER INSIGHT · RECALLED", staffList, StringComparison.Ordinal);
        Assert.DoesNotContain(Title, staffList, StringComparison.Ordinal);
        await _scenario.SayAsync(Person.Ruth, "insights");
        var authorList = CardJson.AllText(_scenario.LastCardTo(Person.Ruth));
        Assert.Contains("CUSTOMER INSIGHT · RECALLED", authorList, StringComparison.Ordinal);
        Assert.Contains(Title, authorList, StringComparison.Ordinal);

        var gotIt = await _scenario.ExecuteAsync(Person.Sam, InsightCommand.GotItVerb, Press(insight));
        Assert.Equal(InsightCard.RecalledMessage, gotIt.GetProperty("value").GetString());
        var again = await _scenario.ExecuteAsync(Person.Ruth, InsightManagement.RecallVerb, confirm);
        Assert.Equal("That insight was recalled, so it can no longer be recalled.", again.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Manage_AnInsightOfAnotherTenant_IsTreatedAsGone()
    {
        var (insight, _) = await PostAsync();
        await _scenario.Get<IInsightStore>().CreateAsync(insight with { Id = "elsewhere", TenantId = "another-tenant" }, CancellationToken.None);

        var answer = await _scenario.ExecuteAsync(Person.Ruth, InsightManagement.RecallVerb, new JsonObject { ["insightId"] = "elsewhere", ["confirmed"] = "true" });

        Assert.Equal("That insight no longer exists.", answer.GetProperty("value").GetString());
        Assert.Equal(InsightStatus.Sent, (await _scenario.Get<IInsightStore>().GetAsync("elsewhere", CancellationToken.None))!.Status);
    }
}

public sealed class SqliteInsightChangeTests(AzuriteFixture azurite) : InsightChangeTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteInsightChangeTests(AzuriteFixture azurite) : InsightChangeTests(StorageKind.Azurite, azurite);
