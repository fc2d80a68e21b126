using System.Net;
using System.Net.Http.Headers;

namespace FocusBot.ConnectorSimulator.Tests;

public sealed class RecordingTests
{
    private const string Conversation = "a:recorded";

    [Fact]
    public async Task StartAsync_DefaultOptions_ListensOnLoopbackWithTrailingSlash()
    {
        await using var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.StartsWith("http://127.0.0.1:", simulator.BaseUrl, StringComparison.Ordinal);
        Assert.EndsWith("/", simulator.BaseUrl, StringComparison.Ordinal);
        Assert.NotEqual(0, simulator.BaseUri.Port);
    }

    [Fact]
    public async Task WarmUpAsync_LeavesNothingRecorded_AndSendsWorkAfter()
    {
        await using var simulator = await StartAsync();

        await simulator.WarmUpAsync(TestContext.Current.CancellationToken);

        Assert.Empty(simulator.Requests);
        Assert.Empty(simulator.Sent);
        Assert.Equal(0, simulator.ThrottledCount);
        using var client = new ConnectorTestClient(simulator);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Conversation)).StatusCode);
    }

    [Fact]
    public async Task Requests_WithAndWithoutBearer_RecordAuthorizationStatusAndOperation()
    {
        await using var simulator = await StartAsync();
        using var client = new ConnectorTestClient(simulator);

        await client.SendAsync(Conversation);
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "token-1");
        await client.SendAsync("a:unknown");

        var requests = simulator.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(("POST", null, 201, ConnectorOperation.Send, Conversation), (requests[0].Method, requests[0].Authorization, requests[0].StatusCode, requests[0].Operation, requests[0].ConversationId));
        Assert.Equal(("Bearer token-1", 404), (requests[1].Authorization, requests[1].StatusCode));
        Assert.Equal("/v3/conversations/a:unknown/activities", requests[1].Path);
    }

    [Fact]
    public async Task RequireBearer_MissingOrWrongToken_Returns401AndRecordsNothing()
    {
        await using var simulator = await StartAsync();
        simulator.RequireBearer("secret-token");
        using var client = new ConnectorTestClient(simulator);

        using var missing = await client.SendAsync(Conversation);
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "other-token");
        using var wrong = await client.SendAsync(Conversation);
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "secret-token");
        using var right = await client.SendAsync(Conversation);

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Created],
            new[] { missing.StatusCode, wrong.StatusCode, right.StatusCode });
        Assert.Single(simulator.Sent);
    }

    [Fact]
    public async Task WaitForSentAsync_ConcurrentSends_CompletesOnceCountIsReached()
    {
        await using var simulator = await StartAsync(enforceRateLimits: false);
        using var client = new ConnectorTestClient(simulator);

        var waiting = simulator.WaitForSentAsync(20, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.SendAsync(Conversation, $"m{i}")));
        var sent = await waiting;

        Assert.Equal(20, sent.Count);
        Assert.Equal(20, sent.Select(a => a.ActivityId).Distinct().Count());
    }

    [Fact]
    public async Task WaitForSentAsync_TooFewSent_ThrowsTimeoutNamingTheCount()
    {
        await using var simulator = await StartAsync();
        using var client = new ConnectorTestClient(simulator);
        await client.SendAsync(Conversation);

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => simulator.WaitForSentAsync(2, TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken));

        Assert.Contains("got 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_AfterTraffic_ClearsRecordingsCountsAndRateLimitHistory()
    {
        await using var simulator = await StartAsync();
        using var client = new ConnectorTestClient(simulator);
        for (var i = 0; i < 8; i++)
        {
            await client.SendAsync(Conversation);
        }

        await client.CreateConversationAsync("29:user");
        Assert.Equal(1, simulator.ThrottledCount);

        simulator.Reset();
        using var afterReset = await client.SendAsync(Conversation);

        Assert.Equal(HttpStatusCode.Created, afterReset.StatusCode);
        Assert.Equal((1, 0, 1), (simulator.Sent.Count, simulator.ThrottledCount, simulator.Requests.Count));
        Assert.Empty(simulator.CreatedConversations);
    }

    [Fact]
    public async Task Requests_RecordTheClientPortTheyCameFrom()
    {
        await using var simulator = await StartAsync();
        var localPort = 0;
        using var handler = new SocketsHttpHandler
        {
            // The client's end of the connection, as the operating system chose it.
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                localPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = simulator.BaseUri };

        using var response = await http.PostAsync($"v3/conversations/{Conversation}/activities",
            new StringContent("""{"type":"message","text":"hi"}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(0, localPort);
        Assert.Equal(localPort, Assert.Single(simulator.Requests).ClientPort);
    }

    private static async Task<ConnectorSimulator> StartAsync(bool enforceRateLimits = true)
    {
        var simulator = await ConnectorSimulator.StartAsync(
            new() { EnforceRateLimits = enforceRateLimits }, TestContext.Current.CancellationToken);
        simulator.AddConversation(Conversation);
        return simulator;
    }
}
