using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.ConnectorSimulator.Tests;

public sealed class ActivityEndpointTests
{
    private const string Conversation = "a:registered";

    [Fact]
    public async Task Send_KnownConversation_Returns201WithNewIdsAndRecordsRawActivity()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var simulator = await StartWithConversationAsync(new() { TimeProvider = time });
        using var client = new ConnectorTestClient(simulator);

        var first = await ConnectorTestClient.ReadIdAsync(await client.SendAsync(Conversation, "one"));
        var second = await ConnectorTestClient.ReadIdAsync(await client.SendAsync(Conversation, "two"));

        Assert.NotEqual(first, second);
        var sent = simulator.SentTo(Conversation);
        Assert.Equal(["one", "two"], sent.Select(a => a.Text));
        Assert.Equal([first, second], sent.Select(a => a.ActivityId));
        Assert.All(sent, a => Assert.Equal((ConnectorOperation.Send, "message", time.GetUtcNow()), (a.Operation, a.Type, a.Time)));
        Assert.Equal(JsonValueKind.Object, sent[0].Activity.ValueKind);
    }

    [Fact]
    public async Task Send_UnknownConversation_Returns404ConversationNotFoundAndRecordsNothing()
    {
        await using var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.SendAsync("a:never-created");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ConversationNotFound", await ConnectorTestClient.ReadErrorCodeAsync(response));
        Assert.Empty(simulator.Sent);
    }

    [Theory]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""not json""")]
    public async Task Send_NotAnActivity_Returns400(string body)
    {
        await using var simulator = await StartWithConversationAsync();
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.PostAsync($"v3/conversations/{ConnectorTestClient.Escape(Conversation)}/activities", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(simulator.Sent);
    }

    [Fact]
    public async Task Reply_ToAnActivity_Returns201AndRecordsReplyToId()
    {
        await using var simulator = await StartWithConversationAsync();
        using var client = new ConnectorTestClient(simulator);

        var replyId = await ConnectorTestClient.ReadIdAsync(await client.ReplyAsync(Conversation, "1700000000123"));

        var reply = Assert.Single(simulator.Sent);
        Assert.Equal((replyId, "1700000000123", ConnectorOperation.Reply), (reply.ActivityId, reply.ReplyToId, reply.Operation));
        Assert.NotEqual("1700000000123", replyId);
    }

    [Fact]
    public async Task Update_Activity_Returns200WithSameIdAndRecordsNewContent()
    {
        await using var simulator = await StartWithConversationAsync();
        using var client = new ConnectorTestClient(simulator);
        var id = await ConnectorTestClient.ReadIdAsync(await client.SendAsync(Conversation, "card"));

        var updatedId = await ConnectorTestClient.ReadIdAsync(await client.UpdateAsync(Conversation, id, "Your answer: 4"), HttpStatusCode.OK);

        Assert.Equal(id, updatedId);
        var update = simulator.Sent[^1];
        Assert.Equal((id, ConnectorOperation.Update, "Your answer: 4"), (update.ActivityId, update.Operation, update.Text));
    }

    [Fact]
    public async Task Delete_Activity_Returns200AndRecordsDeletion()
    {
        await using var simulator = await StartWithConversationAsync();
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.DeleteAsync(Conversation, "1700000000123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deletion = Assert.Single(simulator.Sent);
        Assert.Equal(("1700000000123", ConnectorOperation.Delete), (deletion.ActivityId, deletion.Operation));
    }

    [Fact]
    public async Task Send_ReplyThreadInRegisteredChannel_IsAccepted()
    {
        await using var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        simulator.AddTeam("19:team@thread.tacv2", ["19:pulse@thread.tacv2"], []);
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.SendAsync("19:pulse@thread.tacv2;messageid=1700000000001", "well done!");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(simulator.SentTo("19:pulse@thread.tacv2;messageid=1700000000001"));
    }

    [Theory]
    [InlineData("v3/conversations/a:registered/members")]
    [InlineData("v3/attachments/x")]
    [InlineData("api/messages")]
    public async Task Get_UnsupportedPath_Returns404(string path)
    {
        await using var simulator = await StartWithConversationAsync();
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ConnectorOperation.Unknown, Assert.Single(simulator.Requests).Operation);
    }

    private static async Task<ConnectorSimulator> StartWithConversationAsync(ConnectorSimulatorOptions? options = null)
    {
        var simulator = await ConnectorSimulator.StartAsync(options, TestContext.Current.CancellationToken);
        simulator.AddConversation(Conversation);
        return simulator;
    }
}
