using System.Net;
using FocusBot.ConnectorSimulator.Faults;

namespace FocusBot.ConnectorSimulator.Tests;

/// <summary>Standing faults that hit a seeded share of the matching requests, for soak-style tests of a client's retries.</summary>
public sealed class RandomFaultTests
{
    private const string Conversation = "a:random";
    private const int Requests = 400;

    [Fact]
    public async Task EnqueueRandom_HitsAboutTheGivenShare_AndRecordsEachHit()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.EnqueueRandom(InjectedFault.Status(502), 0.25, seed: 7);

        var statuses = await SendManyAsync(simulator);

        var failed = statuses.Count(s => s == HttpStatusCode.BadGateway);
        Assert.InRange(failed, Requests / 4 - 40, Requests / 4 + 40);
        Assert.Equal(Requests - failed, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(failed, simulator.Faults.Applied.Count);
        Assert.Equal(Requests - failed, simulator.SentCount);
    }

    [Fact]
    public async Task EnqueueRandom_SameSeedAndRequests_HitsTheSameRequests()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync();
        first.Faults.EnqueueRandom(InjectedFault.Status(504), 0.1, seed: 42);
        second.Faults.EnqueueRandom(InjectedFault.Status(504), 0.1, seed: 42);

        Assert.Equal(await SendManyAsync(first), await SendManyAsync(second));
    }

    [Fact]
    public async Task EnqueueRandom_StaysUntilCleared_AndOnlyHitsMatchingRequests()
    {
        await using var simulator = await StartAsync();
        simulator.AddConversation("a:other");
        simulator.Faults.EnqueueRandom(InjectedFault.Status(502) with { ConversationId = Conversation }, 1, seed: 1);
        using var client = new ConnectorTestClient(simulator);

        using var hit = await client.SendAsync(Conversation);
        using var hitAgain = await client.SendAsync(Conversation);
        using var other = await client.SendAsync("a:other");
        simulator.Faults.Clear();
        using var cleared = await client.SendAsync(Conversation);

        Assert.Equal(
            [HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.Created, HttpStatusCode.Created],
            new[] { hit.StatusCode, hitAgain.StatusCode, other.StatusCode, cleared.StatusCode });
        Assert.Equal(0, simulator.Faults.PendingCount);
    }

    [Fact]
    public async Task EnqueueRandom_QueuedFaultsComeFirst()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.EnqueueRandom(InjectedFault.Status(502), 1, seed: 1);
        simulator.Faults.Enqueue(InjectedFault.Status(412));
        using var client = new ConnectorTestClient(simulator);

        using var first = await client.SendAsync(Conversation);
        using var second = await client.SendAsync(Conversation);

        Assert.Equal([HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway], new[] { first.StatusCode, second.StatusCode });
    }

    [Fact]
    public async Task EnqueueRandom_DeliveredThenStatus_RecordsTheActivitiesItFails()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.EnqueueRandom(InjectedFault.DeliveredThenStatus(502), 0.5, seed: 3);

        var statuses = await SendManyAsync(simulator);

        Assert.Contains(HttpStatusCode.BadGateway, statuses);
        Assert.Equal(Requests, simulator.SentCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void EnqueueRandom_ProbabilityOutsideZeroToOne_IsRefused(double probability)
    {
        var faults = new FaultInjector();

        Assert.Throws<ArgumentOutOfRangeException>(() => faults.EnqueueRandom(InjectedFault.Status(502), probability, seed: 1));
    }

    private static async Task<List<HttpStatusCode>> SendManyAsync(ConnectorSimulator simulator)
    {
        using var client = new ConnectorTestClient(simulator);
        var statuses = new List<HttpStatusCode>(Requests);
        // One at a time: the draw order is then the request order.
        for (var i = 0; i < Requests; i++)
        {
            using var response = await client.SendAsync(Conversation);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static async Task<ConnectorSimulator> StartAsync()
    {
        // Limits off: 400 sends to one chat would otherwise be throttled per conversation.
        var simulator = await ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { EnforceRateLimits = false }, TestContext.Current.CancellationToken);
        simulator.AddConversation(Conversation);
        return simulator;
    }
}
