using System.Net;
using FocusBot.ConnectorSimulator.RateLimiting;
using FocusBot.ConnectorSimulator.Roster;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.ConnectorSimulator.Tests;

public sealed class RateLimitTests
{
    private const string Conversation = "a:limited";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Send_NineInOneSecondToOneConversation_LastTwoGet429WithRetryAfterAndAreNotRecorded()
    {
        await using var simulator = await StartAsync();
        simulator.AddConversation(Conversation);
        using var client = new ConnectorTestClient(simulator);

        var responses = await SendManyAsync(client, Conversation, 9);

        Assert.Equal(Repeat(HttpStatusCode.Created, 7).Concat(Repeat(HttpStatusCode.TooManyRequests, 2)), responses.Select(r => r.StatusCode));
        Assert.All(responses.Skip(7), r => Assert.Equal("1", RetryAfter(r)));
        Assert.Equal("Throttled", await ConnectorTestClient.ReadErrorCodeAsync(responses[^1]));
        Assert.Equal(7, simulator.SentTo(Conversation).Count);
        Assert.Equal(2, simulator.ThrottledCount);
    }

    [Fact]
    public async Task Send_OneSecondAfterSevenSends_TwoSecondWindowAllowsOnlyOneMore()
    {
        await using var simulator = await StartAsync();
        simulator.AddConversation(Conversation);
        using var client = new ConnectorTestClient(simulator);
        await SendManyAsync(client, Conversation, 7);

        _time.Advance(TimeSpan.FromSeconds(1));
        var responses = await SendManyAsync(client, Conversation, 2);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.TooManyRequests], responses.Select(r => r.StatusCode));
        Assert.Equal("1", RetryAfter(responses[1]));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Conversation)).StatusCode);
    }

    [Fact]
    public async Task Send_SixtyWithinThirtySeconds_NextWaitsUntilFirstLeavesTheWindow()
    {
        await using var simulator = await StartAsync();
        simulator.AddConversation(Conversation);
        using var client = new ConnectorTestClient(simulator);
        for (var second = 0; second < 15; second++)
        {
            Assert.All(await SendManyAsync(client, Conversation, 4), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        using var sixtyFirst = await client.SendAsync(Conversation);

        // The first four went at t=0 and free the 30 s window at t=30; it is now t=15.
        Assert.Equal(HttpStatusCode.TooManyRequests, sixtyFirst.StatusCode);
        Assert.Equal("15", RetryAfter(sixtyFirst));
    }

    [Fact]
    public async Task Send_FiftyOneInOneSecondAcrossConversations_TheFiftyFirstIsThrottledForThatTenantOnly()
    {
        await using var simulator = await StartAsync();
        var conversations = Enumerable.Range(1, 51).Select(i => $"a:user-{i}").ToList();
        conversations.ForEach(id => simulator.AddConversation(id, "tenant-a"));
        simulator.AddConversation("a:elsewhere", "tenant-b");
        using var client = new ConnectorTestClient(simulator);

        var statuses = new List<HttpStatusCode>();
        foreach (var id in conversations)
        {
            using var response = await client.SendAsync(id);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("1", RetryAfter(response));
            }
        }

        using var otherTenant = await client.SendAsync("a:elsewhere");

        Assert.Equal(Repeat(HttpStatusCode.Created, 50).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal(HttpStatusCode.Created, otherTenant.StatusCode);
        Assert.Equal(51, simulator.SentCount);
    }

    [Fact]
    public async Task GlobalLimit_CountsEveryOperationOfTheTenant()
    {
        await using var simulator = await StartAsync();
        simulator.AddTeam(new SimulatedTeam("19:team") { TenantId = ConnectorTestClient.TenantId, Members = SimulatedMember.NumberedRoster(3, "t") });
        simulator.AddConversation(Conversation, ConnectorTestClient.TenantId);
        simulator.AddConversation("a:untouched", ConnectorTestClient.TenantId);
        using var client = new ConnectorTestClient(simulator);
        for (var i = 0; i < 14; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("v3/conversations/19%3Ateam/pagedmembers")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("v3/teams/19%3Ateam")).StatusCode);
        }

        Assert.All(await SendManyAsync(client, Conversation, 7), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync(Conversation, "1")).StatusCode);
        for (var i = 0; i < 14; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.CreateConversationAsync($"29:user-{i}")).StatusCode);
        }

        // 28 reads + 7 sends + 1 delete + 14 creates = 50 requests this second.
        using var fiftyFirst = await client.SendAsync("a:untouched");

        Assert.Equal(HttpStatusCode.TooManyRequests, fiftyFirst.StatusCode);
    }

    [Fact]
    public async Task CreateConversation_EighthForSameUserInOneSecond_IsThrottledButOtherUsersAreNot()
    {
        await using var simulator = await StartAsync();
        using var client = new ConnectorTestClient(simulator);
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.CreateConversationAsync("29:user-1")).StatusCode);
        }

        using var eighth = await client.CreateConversationAsync("29:user-1");
        using var otherUser = await client.CreateConversationAsync("29:user-2");

        Assert.Equal(HttpStatusCode.TooManyRequests, eighth.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherUser.StatusCode);
        Assert.Equal(8, simulator.CreatedConversations.Count);
    }

    [Fact]
    public async Task GetPagedMembers_FifteenthInOneSecond_IsThrottled()
    {
        await using var simulator = await StartAsync();
        simulator.AddConversation(Conversation);
        using var client = new ConnectorTestClient(simulator);
        var path = $"v3/conversations/{ConnectorTestClient.Escape(Conversation)}/pagedmembers";
        for (var i = 0; i < 14; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }

        using var fifteenth = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.TooManyRequests, fifteenth.StatusCode);
    }

    [Fact]
    public async Task EnforceRateLimitsOff_HundredSendsInOneInstant_AreAllAccepted()
    {
        await using var simulator = await ConnectorSimulator.StartAsync(
            new() { TimeProvider = _time, EnforceRateLimits = false }, TestContext.Current.CancellationToken);
        simulator.AddConversation(Conversation);
        using var client = new ConnectorTestClient(simulator);

        var responses = await SendManyAsync(client, Conversation, 100);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(0, simulator.ThrottledCount);
    }

    [Fact]
    public async Task CustomTable_TwoPerSecond_ThrottlesTheThirdSend()
    {
        var table = RateLimitTable.Teams with { SendPerConversation = [new(2, TimeSpan.FromSeconds(1))] };
        await using var simulator = await ConnectorSimulator.StartAsync(
            new() { TimeProvider = _time, RateLimits = table }, TestContext.Current.CancellationToken);
        simulator.AddConversation(Conversation);
        using var client = new ConnectorTestClient(simulator);

        var responses = await SendManyAsync(client, Conversation, 3);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], responses.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Send_RealClockNineInOneSecond_IsThrottledAndRecoversAfterRetryAfter()
    {
        await using var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        simulator.AddConversation(Conversation);
        using var client = new ConnectorTestClient(simulator);

        var responses = await SendManyAsync(client, Conversation, 9);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(RetryAfter(responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests))!, System.Globalization.CultureInfo.InvariantCulture);
        await Task.Delay(TimeSpan.FromSeconds(retryAfter), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Conversation)).StatusCode);
    }

    private Task<ConnectorSimulator> StartAsync() =>
        ConnectorSimulator.StartAsync(new() { TimeProvider = _time }, TestContext.Current.CancellationToken);

    private static async Task<List<HttpResponseMessage>> SendManyAsync(ConnectorTestClient client, string conversationId, int count)
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < count; i++)
        {
            responses.Add(await client.SendAsync(conversationId, $"message {i}"));
        }

        return responses;
    }

    private static IEnumerable<HttpStatusCode> Repeat(HttpStatusCode status, int count) => Enumerable.Repeat(status, count);

    private static string? RetryAfter(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null;
}
