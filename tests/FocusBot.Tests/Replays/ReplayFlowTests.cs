using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Faults;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Recognitions;
using FocusBot.Help;
using FocusBot.Insights;
using FocusBot.Protocol.Activities;
using FocusBot.Recognitions;
using FocusBot.Tests.Insights;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Replays;

/// <summary>
/// Teams delivers an activity again when its answer is slow or lost: the same id, sent two or three times, one after
/// another or at once, must act once. Run on SQLite and on Azurite.
/// </summary>
public abstract class ReplayFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private BotScenario _scenario = null!;

    private BotScenario Scenario => _scenario;

    public async ValueTask InitializeAsync() => _scenario = await BotScenario.StartAsync(storage, azurite);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    private static JsonObject Recognition() => new()
    {
        [RecognitionForm.PersonId] = Person.Megan.AadObjectId,
        [RecognitionForm.BehaviourId] = "Owning the problem",
        [RecognitionForm.StoryId] = "Megan stayed on a call until the customer's line was back up.",
        [RecognitionForm.ChannelId] = BotScenario.CustomerWinsChannel,
    };

    private string Invoke(Person person, string verb, JsonObject data)
    {
        var values = ActivityJson.From(person, Scenario.Connector.BaseUrl, person.Chat);
        values["conversationType"] = "personal";
        values["title"] = verb;
        values["verb"] = verb;
        values["replyToId"] = "1731399999000";
        return ActivityJson.Load("invoke.adaptiveCardAction", values, data);
    }

    private string Message(Person person, string text)
    {
        var values = ActivityJson.From(person, Scenario.Connector.BaseUrl, person.Chat);
        values["text"] = text;
        return ActivityJson.Load("message.personal", values);
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string json)
    {
        var response = await Scenario.Host.PostActivityAsync(json);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The cards in the channel with <paramref name="text"/>, counted once FocusBot has done all it will for the activities
    /// posted so far: it posts what an activity causes before it answers the activity's POST, so a help card asked for
    /// after them comes after any second post too.
    /// </summary>
    private async Task<int> ChannelCardsWithAsync(string text)
    {
        await Scenario.WaitForCardAsync(BotScenario.CustomerWinsChannel, text);
        await Scenario.SayAsync(Person.Ruth, "help");
        await Scenario.WaitForCardAsync(Person.Ruth.Chat, HelpCard.Title);
        return Scenario.CardsIn(BotScenario.CustomerWinsChannel).Count(c => CardJson.AllText(c).Contains(text, StringComparison.Ordinal));
    }

    private static string TypeOf(string invokeBody)
    {
        using var document = JsonDocument.Parse(invokeBody);
        return document.RootElement.GetProperty("type").GetString()!;
    }

    [Fact]
    public async Task Recognition_SameInvokeThreeTimes_PostsAndStoresOnce()
    {
        var json = Invoke(Person.Ruth, RecognizeCommand.PostVerb, Recognition());

        var answers = new[] { await PostAsync(json), await PostAsync(json), await PostAsync(json) };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(AdaptiveCardInvokeResponse.CardType, TypeOf(answers[0].Body));
        Assert.All(answers[1..], a => Assert.Equal(AdaptiveCardInvokeResponse.MessageType, TypeOf(a.Body)));
        Assert.Single(await Scenario.Get<IRecognitionStore>().ListRecentAsync(BotScenario.TenantId, 10, CancellationToken.None));
        Assert.Equal(1, await ChannelCardsWithAsync("Megan Bowen"));
    }

    [Fact]
    public async Task Recognition_SameInvokeThreeTimesAtOnce_PostsAndStoresOnce()
    {
        var json = Invoke(Person.Ruth, RecognizeCommand.PostVerb, Recognition());

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => PostAsync(json))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Single(answers, a => TypeOf(a.Body) == AdaptiveCardInvokeResponse.CardType);
        Assert.Single(await Scenario.Get<IRecognitionStore>().ListRecentAsync(BotScenario.TenantId, 10, CancellationToken.None));
        Assert.Equal(1, await ChannelCardsWithAsync("Megan Bowen"));
    }

    [Fact]
    public async Task Insight_SameInvokeThreeTimesAtOnce_PostsAndStoresOnce()
    {
        var json = Invoke(Person.Ruth, InsightCommand.PostVerb, InsightForms.Valid(allStaff: false));

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => PostAsync(json))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Single(await Scenario.Get<IInsightStore>().ListLatestAsync(BotScenario.TenantId, 10, CancellationToken.None));
        Assert.Equal(1, await ChannelCardsWithAsync("Callbacks take too long"));
    }

    [Fact]
    public async Task Insight_SameInvokeThreeTimes_PostsAndStoresOnce()
    {
        var json = Invoke(Person.Ruth, InsightCommand.PostVerb, InsightForms.Valid(allStaff: false));

        foreach (var _ in Enumerable.Range(0, 3))
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(json)).Status);

        Assert.Single(await Scenario.Get<IInsightStore>().ListLatestAsync(BotScenario.TenantId, 10, CancellationToken.None));
        Assert.Equal(1, await ChannelCardsWithAsync("Callbacks take too long"));
    }

    [Fact]
    public async Task Message_SameIdTwice_AnswersOnceWith200Both()
    {
        var json = Message(Person.Megan, "help");

        var first = await PostAsync(json);
        var second = await PostAsync(json);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status));
        // A message with a new id, answered with a hint rather than the help card: its reply comes after anything the
        // repeated delivery could have sent, so by then the chat holds all there will be.
        await PostAsync(Message(Person.Megan, "what is this"));
        var sent = await Scenario.Connector.WaitForSentAsync(2, TimeSpan.FromSeconds(10));
        Assert.Contains("Type help", sent[1].Text, StringComparison.Ordinal);
        Assert.Equal(2, Scenario.SentTo(Person.Megan.Chat).Count); // the first answer and the hint: nothing for the repeat
    }

    [Fact]
    public async Task Message_FirstAttemptFails_TheRetryActs()
    {
        var json = Message(Person.Megan, "help");
        Scenario.Connector.Faults.Enqueue(InjectedFault.Status(400) with { Operation = ConnectorOperation.Send, ConversationId = Person.Megan.Chat });

        var failed = await PostAsync(json);
        var retried = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadGateway, failed.Status);
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        Assert.Single(await Scenario.Connector.WaitForSentAsync(1, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Message_SameIdInAnotherConversation_ActsInEach()
    {
        var mine = Message(Person.Megan, "help");
        var theirs = mine.Replace(Person.Megan.Chat, Person.Lee.Chat, StringComparison.Ordinal);

        await PostAsync(mine);
        await PostAsync(theirs);

        await Scenario.Connector.WaitForSentAsync(2, TimeSpan.FromSeconds(10));
        Assert.Single(Scenario.SentTo(Person.Megan.Chat));
        Assert.Single(Scenario.SentTo(Person.Lee.Chat));
    }
}

public sealed class SqliteReplayFlowTests(AzuriteFixture azurite) : ReplayFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteReplayFlowTests(AzuriteFixture azurite) : ReplayFlowTests(StorageKind.Azurite, azurite);
