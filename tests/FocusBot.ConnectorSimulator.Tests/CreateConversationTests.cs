using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.ConnectorSimulator.Tests;

public sealed class CreateConversationTests
{
    [Fact]
    public async Task CreateConversation_OneUserWithTenant_Returns201WithPersonalIdAndRecordsIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var simulator = await ConnectorSimulator.StartAsync(new() { TimeProvider = time }, TestContext.Current.CancellationToken);
        using var client = new ConnectorTestClient(simulator);

        var id = await ConnectorTestClient.ReadIdAsync(await client.CreateConversationAsync("29:user-1"));

        Assert.StartsWith("a:", id, StringComparison.Ordinal);
        Assert.Equal(ConversationIds.Personal(ConnectorTestClient.TenantId, "29:user-1"), id);
        var created = Assert.Single(simulator.CreatedConversations);
        Assert.Equal((id, ConnectorTestClient.TenantId, "29:user-1", "28:bot", time.GetUtcNow()),
            (created.ConversationId, created.TenantId, created.UserId, created.BotId, created.Time));
    }

    [Fact]
    public async Task CreateConversation_SameUserAndTenantTwice_ReturnsSameId()
    {
        await using var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new ConnectorTestClient(simulator);

        var first = await ConnectorTestClient.ReadIdAsync(await client.CreateConversationAsync("29:user-1"));
        var again = await ConnectorTestClient.ReadIdAsync(await client.CreateConversationAsync("29:user-1"));
        var otherUser = await ConnectorTestClient.ReadIdAsync(await client.CreateConversationAsync("29:user-2"));
        var otherTenant = await ConnectorTestClient.ReadIdAsync(await client.CreateConversationAsync("29:user-1", "tenant-b"));

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherUser);
        Assert.NotEqual(first, otherTenant);
        Assert.Equal(4, simulator.CreatedConversations.Count);
    }

    [Theory]
    [InlineData("""{"isGroup":false,"members":[{"id":"29:a"},{"id":"29:b"}],"tenantId":"t"}""")]
    [InlineData("""{"isGroup":false,"members":[{"id":"29:a"}]}""")]
    [InlineData("""{"isGroup":false,"members":[{"id":"29:a"}],"tenantId":"  "}""")]
    [InlineData("""{"isGroup":false,"members":[{"id":"28:another-bot"}],"tenantId":"t"}""")]
    [InlineData("""{"isGroup":true,"members":[{"id":"29:a"}],"tenantId":"t"}""")]
    [InlineData("""{"isGroup":false,"members":[],"tenantId":"t"}""")]
    [InlineData("""{"isGroup":false,"tenantId":"t"}""")]
    [InlineData("""not json""")]
    [InlineData("""[1,2]""")]
    public async Task CreateConversation_NotAOneToOneRequest_Returns400BadSyntax(string body)
    {
        await using var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.PostAsync("v3/conversations", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadSyntax", await ConnectorTestClient.ReadErrorCodeAsync(response));
        Assert.Empty(simulator.CreatedConversations);
    }

    [Fact]
    public async Task CreateConversation_WithActivity_RecordsItAsTheFirstMessage()
    {
        await using var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new ConnectorTestClient(simulator);

        var id = await ConnectorTestClient.ReadIdAsync(await client.PostAsync(
            "v3/conversations",
            """{"members":[{"id":"29:u"}],"tenantId":"t","activity":{"type":"message","text":"welcome"}}"""));

        var sent = Assert.Single(simulator.SentTo(id));
        Assert.Equal(("welcome", ConnectorOperation.Send), (sent.Text, sent.Operation));
    }

    [Fact]
    public async Task CreateConversation_ThenSendToIt_IsAccepted()
    {
        await using var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new ConnectorTestClient(simulator);
        var id = await ConnectorTestClient.ReadIdAsync(await client.CreateConversationAsync("29:user-1"));

        using var response = await client.SendAsync(id, "your weekly pulse");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("your weekly pulse", Assert.Single(simulator.SentTo(id)).Text);
    }
}
