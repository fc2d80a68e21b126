using System.Net;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Faults;
using FocusBot.ConnectorSimulator.Roster;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;
using FocusBot.Protocol.RateLimiting;
using Microsoft.Extensions.Options;
using SimOperation = FocusBot.ConnectorSimulator.ConnectorOperation;

namespace FocusBot.Protocol.Tests.Connector;

/// <summary>The Connector client against the local Teams Connector simulator: calls, retries and pacing.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string Tenant = "00000000-0000-0000-0000-00000000a11c";
    private const string Chat = "a:chat-1";
    private ConnectorSimulator.ConnectorSimulator _sim = null!;
    private HttpClient _http = null!;
    private ConnectorClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _sim = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = Tenant });
        _sim.AddConversation(Chat);
        _http = new HttpClient();
        _client = CreateClient(_http);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    internal static ConnectorClient CreateClient(HttpClient http, TeamsRateLimitOptions? limits = null, TimeProvider? clock = null) => new(
        http,
        new NoBotTokenProvider(),
        new TeamsRateLimiter(Options.Create(limits ?? new TeamsRateLimitOptions()), TimeProvider.System),
        new ServiceUrlGuard(Options.Create(new BotFrameworkOptions { DevelopmentWithoutAppId = true })),
        Options.Create(new ConnectorOptions { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromSeconds(3), AttemptTimeout = TimeSpan.FromSeconds(2.5) }),
        clock ?? TimeProvider.System);

    private ConversationTarget Target => new(_sim.BaseUrl, Tenant, Chat);

    private static Activity Text(string text) => Activity.CreateTextMessage(text);

    [Fact]
    public async Task Send_RecordsTheActivityAndReturnsItsId()
    {
        var response = await _client.SendToConversationAsync(Target, Text("hello"), CancellationToken.None);

        var sent = Assert.Single(_sim.Sent);
        Assert.Equal(sent.ActivityId, response.Id);
        Assert.Equal("hello", sent.Text);
    }

    [Fact]
    public async Task ReplyUpdateDelete_ReachTheirEndpoints()
    {
        var first = await _client.SendToConversationAsync(Target, Text("card"), CancellationToken.None);

        await _client.ReplyToActivityAsync(Target, first.Id!, Text("reply"), CancellationToken.None);
        await _client.UpdateActivityAsync(Target, first.Id!, Text("card v2"), CancellationToken.None);
        await _client.DeleteActivityAsync(Target, first.Id!, CancellationToken.None);

        Assert.Equal([SimOperation.Send, SimOperation.Reply, SimOperation.Update, SimOperation.Delete], _sim.Sent.Select(s => s.Operation));
        Assert.Equal(first.Id, _sim.Sent[1].ReplyToId);
    }

    [Fact]
    public async Task CreatePersonalConversation_IsIdempotentAndSendable()
    {
        var first = await _client.CreatePersonalConversationAsync(_sim.BaseUrl, Tenant, "29:user-a", "28:bot", CancellationToken.None);
        var again = await _client.CreatePersonalConversationAsync(_sim.BaseUrl, Tenant, "29:user-a", "28:bot", CancellationToken.None);

        Assert.Equal(first.Id, again.Id);
        await _client.SendToConversationAsync(new ConversationTarget(_sim.BaseUrl, Tenant, first.Id!), Text("hi"), CancellationToken.None);
        Assert.Equal(first.Id, Assert.Single(_sim.Sent).ConversationId);
    }

    [Fact]
    public async Task GetAllMembers_FollowsContinuationTokens()
    {
        var members = Enumerable.Range(0, 1203).Select(i => new SimulatedMember($"29:m{i}") { Name = $"Member {i}" }).ToArray();
        _sim.AddTeam("19:team@thread.tacv2", ["19:general@thread.tacv2"], members);

        var all = new List<ChannelAccount>();
        await foreach (var member in _client.GetAllMembersAsync(new ConversationTarget(_sim.BaseUrl, Tenant, "19:team@thread.tacv2"), CancellationToken.None))
            all.Add(member);

        Assert.Equal(1203, all.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public async Task GetTeamChannels_ListsThem()
    {
        _sim.AddTeam("19:team2@thread.tacv2", ["19:wins@thread.tacv2"], []);

        var channels = await _client.GetTeamChannelsAsync(_sim.BaseUrl, Tenant, "19:team2@thread.tacv2", CancellationToken.None);

        Assert.Contains(channels, c => c.Id == "19:wins@thread.tacv2");
    }

    [Fact]
    public async Task Send_429_HonoursRetryAfterThenSucceeds()
    {
        var clock = new TimerWatchingClock();
        var client = CreateClient(_http, clock: clock);
        _sim.Faults.Enqueue(InjectedFault.Status(429, TimeSpan.FromSeconds(1)));

        await client.SendToConversationAsync(Target, Text("after throttle"), CancellationToken.None);

        // The wait before the second try is Teams' Retry-After, not the 20 ms backoff the client would choose itself.
        Assert.Contains(TimeSpan.FromSeconds(1), clock.DueTimes);
        Assert.Single(_sim.Sent);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(503)]
    public async Task Send_TransientRejection_IsRetried(int status)
    {
        _sim.Faults.Enqueue(InjectedFault.Status(status) with { Times = 2 });

        await _client.SendToConversationAsync(Target, Text("eventually"), CancellationToken.None);

        Assert.Single(_sim.Sent);
        Assert.Equal(3, _sim.Requests.Count(r => r.Operation == SimOperation.Send));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(500)]
    public async Task Send_OtherErrors_AreNotRetried(int status)
    {
        _sim.Faults.Enqueue(InjectedFault.Status(status));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => _client.SendToConversationAsync(Target, Text("x"), CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Single(_sim.Requests, r => r.Operation == SimOperation.Send);
    }

    [Fact]
    public async Task Send_BlockedByTheUser_Is403AndMarksTheRecipientUnreachable()
    {
        _sim.Faults.BlockConversation(Chat);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => _client.SendToConversationAsync(Target, Text("x"), CancellationToken.None));

        Assert.True(error.RecipientUnreachable);
        Assert.Single(_sim.Requests, r => r.Operation == SimOperation.Send);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task Send_GatewayErrorBeforeDelivery_IsSentAgainAndArrivesOnce(int status)
    {
        _sim.Faults.Enqueue(InjectedFault.Status(status));
        var departures = new List<SendDeparture>();

        await _client.SendToConversationAsync(Target, Text("arrives"), Record(departures), CancellationToken.None);

        Assert.Single(_sim.Sent);
        Assert.Equal([new SendDeparture(1, false), new SendDeparture(2, true)], departures);
    }

    [Fact]
    public async Task Send_DeliveredButAnswered502_IsSentAgainAndTheRepeatIsReported()
    {
        _sim.Faults.Enqueue(InjectedFault.DeliveredThenStatus(502));
        var departures = new List<SendDeparture>();

        await _client.SendToConversationAsync(Target, Text("twice"), Record(departures), CancellationToken.None);

        // At least once: the person may see it twice, and the caller is told the second send may be a repeat.
        Assert.Equal(2, _sim.Sent.Count);
        Assert.True(departures[^1].RepeatsUnknownOutcome);
    }

    [Fact]
    public async Task Send_Timeout_IsSentAgainAndTheRepeatIsReported()
    {
        _sim.Faults.Enqueue(InjectedFault.Timeout());
        var departures = new List<SendDeparture>();

        await _client.SendToConversationAsync(Target, Text("after a timeout"), Record(departures), CancellationToken.None);

        Assert.Single(_sim.Sent);
        Assert.Equal([new SendDeparture(1, false), new SendDeparture(2, true)], departures);
    }

    [Fact]
    public async Task Send_ThrottledThenSent_TheRetryIsNotAPossibleRepeat()
    {
        _sim.Faults.Enqueue(InjectedFault.Status(429, TimeSpan.FromSeconds(1)));
        var departures = new List<SendDeparture>();

        await _client.SendToConversationAsync(Target, Text("x"), Record(departures), CancellationToken.None);

        Assert.Equal([new SendDeparture(1, false), new SendDeparture(2, false)], departures);
    }

    [Fact]
    public async Task Send_502EveryTime_GivesUpReportingTheOutcomeUnknown()
    {
        _sim.Faults.Enqueue(InjectedFault.Status(502) with { Times = 100 });

        await Assert.ThrowsAsync<DeliveryUncertainException>(() => _client.SendToConversationAsync(Target, Text("x"), CancellationToken.None));

        Assert.Equal(6, _sim.Requests.Count(r => r.Operation == SimOperation.Send)); // 1 try + 5 retries
    }

    [Fact]
    public async Task Send_DepartureRefused_NothingLeaves()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _client.SendToConversationAsync(Target, Text("x"),
            (_, _) => throw new InvalidOperationException("not our turn"), CancellationToken.None));

        Assert.DoesNotContain(_sim.Requests, r => r.Operation == SimOperation.Send);
    }

    private static Func<SendDeparture, CancellationToken, ValueTask> Record(List<SendDeparture> departures) => (departure, _) =>
    {
        departures.Add(departure);
        return ValueTask.CompletedTask;
    };

    [Fact]
    public async Task UpdateAndDelete_ThrottledOnce_TellTheCallerBeforeEachAttemptLeaves()
    {
        var sent = await _client.SendToConversationAsync(Target, Text("v1"), CancellationToken.None);
        _sim.Faults.Enqueue(InjectedFault.Status(429, TimeSpan.FromSeconds(1)) with { Operation = SimOperation.Update });
        var updates = new List<SendDeparture>();
        var deletes = new List<SendDeparture>();

        await _client.UpdateActivityAsync(Target, sent.Id!, Text("v2"), Record(updates), CancellationToken.None);
        await _client.DeleteActivityAsync(Target, sent.Id!, Record(deletes), CancellationToken.None);

        Assert.Equal([new SendDeparture(1, false), new SendDeparture(2, false)], updates);
        Assert.Equal([new SendDeparture(1, false)], deletes);
        Assert.Equal([SimOperation.Send, SimOperation.Update, SimOperation.Delete], _sim.Sent.Select(s => s.Operation));
    }

    [Fact]
    public async Task Delete_DepartureRefused_NothingLeaves()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _client.DeleteActivityAsync(Target, "1700000000001",
            (_, _) => throw new InvalidOperationException("not our turn"), CancellationToken.None));

        Assert.DoesNotContain(_sim.Requests, r => r.Operation == SimOperation.Delete);
    }

    [Fact]
    public async Task Update_502AndTimeout_AreRetriedBecauseRepeatingIsHarmless()
    {
        var sent = await _client.SendToConversationAsync(Target, Text("v1"), CancellationToken.None);
        _sim.Faults.Enqueue(InjectedFault.Status(502));
        _sim.Faults.Enqueue(InjectedFault.Timeout());

        await _client.UpdateActivityAsync(Target, sent.Id!, Text("v2"), CancellationToken.None);

        Assert.Equal("v2", _sim.Sent.Last(s => s.Operation == SimOperation.Update).Text);
    }

    [Fact]
    public async Task Send_PersistentThrottling_GivesUpAfterBoundedRetries()
    {
        _sim.Faults.Enqueue(InjectedFault.Status(503) with { Times = 100 });

        await Assert.ThrowsAsync<ConnectorException>(() => _client.SendToConversationAsync(Target, Text("x"), CancellationToken.None));

        Assert.Equal(6, _sim.Requests.Count(r => r.Operation == SimOperation.Send)); // 1 try + 5 retries
    }

    [Fact]
    public async Task Send_BurstToOneChat_StaysInsideTeamsLimits()
    {
        var sends = Enumerable.Range(0, 16).Select(i => _client.SendToConversationAsync(Target, Text($"m{i}"), CancellationToken.None));

        await Task.WhenAll(sends);

        // Unpaced, 16 sends at once draw at least 8 429s; paced, a loaded machine's timer jitter may cost one or two.
        Assert.Equal(16, _sim.Sent.Count);
        Assert.InRange(_sim.ThrottledCount, 0, 2);
    }

    [Fact]
    public async Task Send_FanOutAcrossChats_StaysInsideTheGlobalLimit()
    {
        var chats = Enumerable.Range(0, 120).Select(i => $"a:fan-{i}").ToArray();
        foreach (var chat in chats)
            _sim.AddConversation(chat);

        await Task.WhenAll(chats.Select(c => _client.SendToConversationAsync(new ConversationTarget(_sim.BaseUrl, Tenant, c), Text("pulse"), CancellationToken.None)));

        // Unpaced, 120 sends at once draw about 70 429s; paced, only timer jitter on a loaded machine can cost a few.
        Assert.Equal(120, _sim.Sent.Select(s => s.ConversationId).Distinct().Count());
        Assert.InRange(_sim.ThrottledCount, 0, 6);
    }

    [Fact]
    public async Task Send_FanOutWhileTheLedgerStallsBeforeRequestsLeave_StaysInsideTheGlobalLimit()
    {
        var chats = Enumerable.Range(0, 120).Select(i => $"a:stall-{i}").ToArray();
        foreach (var chat in chats)
            _sim.AddConversation(chat);
        // Warm: a process's first requests open connections and reach Teams late whatever the pacing.
        await Task.WhenAll(chats.Take(3).Select(c => _client.SendToConversationAsync(new ConversationTarget(_sim.BaseUrl, Tenant, c), Text("hi"), CancellationToken.None)));
        await Task.Delay(TimeSpan.FromSeconds(1.1), TestContext.Current.CancellationToken);
        // A delivery ledger marks each message in flight between its turn and its request; here its store stalls for the
        // first ten, so their requests leave 150 ms after their turns, among the requests of the turns after them.
        var marked = 0;
        async ValueTask MarkInFlight(SendDeparture departure, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref marked) <= 10)
                await Task.Delay(150, cancellationToken);
        }

        await Task.WhenAll(chats.Select(c => _client.SendToConversationAsync(new ConversationTarget(_sim.BaseUrl, Tenant, c), Text("pulse"),
            MarkInFlight, CancellationToken.None)));

        // Counted from their turns, the stalled ten let the turns a second later go while they still fill Teams' second:
        // six or seven 429s in runs here. Counted from when each request really leaves, none or one; the bound leaves
        // room for the jitter of a loaded machine.
        Assert.Equal(120, _sim.Sent.Where(s => s.Text == "pulse").Select(s => s.ConversationId).Distinct().Count());
        Assert.InRange(_sim.ThrottledCount, 0, 2);
    }

    [Fact]
    public async Task Send_ToAServiceUrlOffLoopbackWithoutAppId_IsRefusedBeforeAnyCall()
    {
        var target = new ConversationTarget("https://smba.trafficmanager.net/amer/", Tenant, Chat);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _client.SendToConversationAsync(target, Text("x"), CancellationToken.None));
    }
}
