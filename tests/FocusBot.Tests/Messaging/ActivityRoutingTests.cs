using System.Net;
using System.Text;
using System.Text.Json;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Conversations;
using FocusBot.Help;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Messaging;

/// <summary>Each kind of activity Teams sends, posted to a Development host (no app id) whose replies go to the simulator.</summary>
public sealed class ActivityRoutingTests : IAsyncLifetime
{
    private const string PersonalChat = "a:1xYfakePersonalChatRuth";
    private const string Channel = "19:c0ffeefakechannel42@thread.tacv2";
    private const string TenantId = "3f2a9c41-5b8d-4e6f-a1c2-7d9e0b4f6a88";
    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions());
        _connector.AddConversation(PersonalChat, TenantId);
        _connector.AddConversation(Channel, TenantId);
        _connector.AddConversation(Channel + ";messageid=1731400000002", TenantId);
        _host = new FocusBotTestHost();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string fixture) => _host.PostActivityAsync(ActivityFixtures.Load(fixture, _connector.BaseUrl));

    private IConversationStore Conversations => _host.Services.GetRequiredService<IConversationStore>();

    [Fact]
    public async Task Message_Help_RepliesWithTheHelpCardInThePersonalChat()
    {
        var response = await PostAsync("message.personal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(await _connector.WaitForSentAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal(PersonalChat, sent.ConversationId);
        var card = CardOf(sent.Activity);
        Assert.Equal(HelpCard.Title, card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Contains("help", card.GetRawText(), StringComparison.Ordinal);
        Assert.Null(_connector.Requests[^1].Authorization); // development without an app id sends no token
    }

    [Fact]
    public async Task Message_InChannelWithBotMention_IsReadWithoutTheMention()
    {
        await PostAsync("message.channel-mention");

        var sent = Assert.Single(await _connector.WaitForSentAsync(1, TimeSpan.FromSeconds(10)));
        Assert.StartsWith(Channel, sent.ConversationId, StringComparison.Ordinal);
        Assert.Equal(HelpCard.Title, CardOf(sent.Activity).GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Message_UnknownText_GetsAPoliteHint()
    {
        var json = ActivityFixtures.Load("message.personal", _connector.BaseUrl).Replace("\"text\": \"help\"", "\"text\": \"what is this\"", StringComparison.Ordinal);

        await _host.PostActivityAsync(json);

        var sent = Assert.Single(await _connector.WaitForSentAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Contains("Type help", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_AdaptiveCardAction_AnswersWithTheCardInTheHttpResponse()
    {
        var response = await PostAsync("invoke.adaptiveCardAction.personal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("AdaptiveCard", body.RootElement.GetProperty("value").GetProperty("type").GetString());
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task Invoke_ActionSubmitType_AnswersNotSupported()
    {
        var json = ActivityFixtures.Load("invoke.adaptiveCardAction.personal", _connector.BaseUrl)
            .Replace("\"type\": \"Action.Execute\"", "\"type\": \"Action.Submit\"", StringComparison.Ordinal);

        using var body = JsonDocument.Parse(await (await _host.PostActivityAsync(json)).Content.ReadAsStringAsync());

        Assert.Equal(400, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("NotSupported", body.RootElement.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Invoke_UnknownVerb_AnswersAClearError()
    {
        var json = ActivityFixtures.Load("invoke.adaptiveCardAction.personal", _connector.BaseUrl)
            .Replace("\"verb\": \"help.show\"", "\"verb\": \"no.such.verb\"", StringComparison.Ordinal);

        using var body = JsonDocument.Parse(await (await _host.PostActivityAsync(json)).Content.ReadAsStringAsync());

        Assert.Equal(400, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Contains("does not recognise", body.RootElement.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_UnknownName_Is501()
    {
        Assert.Equal(HttpStatusCode.NotImplemented, (await PostAsync("invoke.unknown")).StatusCode);
    }

    [Fact]
    public async Task Message_SubmitFallback_ReplacesTheCardItCameFrom()
    {
        await PostAsync("message.submit.personal");

        var sent = Assert.Single(await _connector.WaitForSentAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal(ConnectorOperation.Update, sent.Operation);
        Assert.Equal("1731399999000", sent.ActivityId);
        Assert.Equal(HelpCard.Title, CardOf(sent.Activity).GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task UnknownActivityType_Is200AndIgnored()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("event.unknownType")).StatusCode);
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task MessageReaction_Is200()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("messageReaction.added.channel")).StatusCode);
    }

    [Fact]
    public async Task MalformedBody_Is400WithAClearError()
    {
        var response = await _host.PostActivityAsync("{\"type\": \"message\", \"text\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a valid activity", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyWithoutType_Is400()
    {
        var response = await _host.PostActivityAsync("{\"text\": \"help\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no type", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyOver256KB_Is413()
    {
        var padding = new string('x', 300 * 1024);
        var json = ActivityFixtures.Load("message.personal", _connector.BaseUrl).Replace("\"text\": \"help\"", $"\"text\": \"{padding}\"", StringComparison.Ordinal);

        var response = await _host.PostActivityAsync(json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task BodyOver256KB_SentChunkedWithoutLength_Is413()
    {
        var json = ActivityFixtures.Load("message.personal", _connector.BaseUrl)
            .Replace("\"text\": \"help\"", $"\"text\": \"{new string('y', 300 * 1024)}\"", StringComparison.Ordinal);
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");

        var response = await _host.Client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PersonalInstall_StoresTheReferenceAndSendsTheWelcomeCard()
    {
        await PostAsync("installationUpdate.add.personal");
        await PostAsync("conversationUpdate.membersAdded.personal");

        var sent = Assert.Single(await _connector.WaitForSentAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal(WelcomeCard.Title, CardOf(sent.Activity).GetProperty("body")[0].GetProperty("text").GetString());
        var stored = await Conversations.GetAsync(TenantId, PersonalChat, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(ConversationKind.Personal, stored.Kind);
        Assert.Equal("29:1pQ7fakeUserRuth0a9d", stored.UserId);
        Assert.Equal("Europe/Berlin", stored.TimeZone);
        Assert.Equal(_connector.BaseUrl, stored.ServiceUrl);

        // FocusBot sends what an activity causes before it answers the activity's POST: once the reply to a message typed
        // after the install is there, a second welcome from the install's conversationUpdate would be there before it.
        await PostAsync("message.personal");
        var all = await _connector.WaitForSentAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(HelpCard.Title, CardOf(all[1].Activity).GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal(2, _connector.Sent.Count); // the conversationUpdate of the same install does not welcome twice
    }

    [Fact]
    public async Task PersonalUninstall_ForgetsTheReference()
    {
        await PostAsync("installationUpdate.add.personal");

        await PostAsync("installationUpdate.remove.personal");

        Assert.Null(await Conversations.GetAsync(TenantId, PersonalChat, CancellationToken.None));
    }

    [Fact]
    public async Task BotAddedToTeam_StoresTheChannelWithItsTeam_AndRemovalForgetsIt()
    {
        await PostAsync("conversationUpdate.botAdded.team");

        var stored = await Conversations.GetAsync(TenantId, Channel, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(ConversationKind.Channel, stored.Kind);
        Assert.Equal("19:teamfakeid9000@thread.tacv2", stored.TeamId);
        Assert.Equal("Service Desk", stored.TeamName);

        await PostAsync("conversationUpdate.botRemoved.team");

        Assert.Null(await Conversations.GetAsync(TenantId, Channel, CancellationToken.None));
    }

    [Fact]
    public async Task DevelopmentWithoutAppId_RefusesActivitiesAimingRepliesOffThisMachine()
    {
        var json = ActivityFixtures.Load("message.personal", "https://smba.trafficmanager.net/amer/");

        var response = await _host.PostActivityAsync(json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_ReportsStorageReachable()
    {
        var response = await _host.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("storage").GetString());
    }

    private static JsonElement CardOf(JsonElement activity)
    {
        var attachment = activity.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        return attachment.GetProperty("content");
    }
}
