using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.RateLimiting;
using FocusBot.Proactive;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.Proactive;

/// <summary>
/// What the process tests share: a Connector simulator that knows every person's chat (at a chosen per-tenant limit), a
/// store seeded with those people and the question bank, and the FocusBot processes started over it with a pulse due now.
/// </summary>
internal sealed class FanOutFixture : IAsyncDisposable
{
    private FanOutFixture(ConnectorSimulator.ConnectorSimulator simulator, SharedStore store, IReadOnlyList<string> people, FocusBotInstances instances)
    {
        Simulator = simulator;
        Store = store;
        People = people;
        Chats = [.. people.Select(ChatOf)];
        Instances = instances;
        Tally = new PulseCardTally(simulator, Chats);
    }

    public ConnectorSimulator.ConnectorSimulator Simulator { get; }

    public SharedStore Store { get; }

    public IReadOnlyList<string> People { get; }

    public IReadOnlyList<string> Chats { get; }

    public FocusBotInstances Instances { get; }

    public PulseCardTally Tally { get; }

    /// <summary>
    /// Seeds <paramref name="people"/> people into <paramref name="store"/> before any process starts (the scheduler's first
    /// pass then opens the pulse for all of them). The bot and the simulator both allow <paramref name="requestsPerSecond"/>
    /// per tenant (Teams: 50).
    /// </summary>
    public static async Task<FanOutFixture> StartAsync(SharedStore store, int people, int requestsPerSecond, IReadOnlyDictionary<string, string?> settings)
    {
        var simulator = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions
        {
            DefaultTenantId = TenantId,
            RateLimits = RateLimitTable.Teams with { GlobalPerTenant = [new RateLimitWindow(requestsPerSecond, TimeSpan.FromSeconds(1))] },
        });
        var users = Enumerable.Range(0, people).Select(i => $"29:staff-{i:00000}").ToList();
        try
        {
            await simulator.WarmUpAsync();
            foreach (var user in users)
                simulator.AddConversation(ChatOf(user), TenantId);
            await store.SeedAsync(users, simulator.BaseUrl, PulseDueNow.TimeZone);
        }
        catch
        {
            await store.DisposeAsync();
            await simulator.DisposeAsync();
            throw;
        }

        var all = new Dictionary<string, string?>(store.Settings);
        foreach (var (key, value) in PulseDueNow.Settings())
            all[key] = value;
        all["Teams:RateLimits:GlobalRequestsPerSecond"] = requestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
            all[key] = value;
        return new FanOutFixture(simulator, store, users, new FocusBotInstances(all));
    }

    /// <summary>
    /// The instance sending now: the one that sent the latest cards, found by the port each request came from (a process
    /// keeps its connections, so the port names it). Throws when none of the candidates sent any of the last cards.
    /// </summary>
    public FocusBotChildProcess Sender(IReadOnlyList<FocusBotChildProcess> candidates)
    {
        var simulatorPort = Simulator.BaseUri.Port;
        var latest = Simulator.Requests.Where(r => r.Operation == ConnectorOperation.Send).TakeLast(20).Reverse();
        foreach (var request in latest)
        {
            if (candidates.FirstOrDefault(c => !c.HasExited && LoopbackConnections.Owns(c.Id, request.ClientPort, simulatorPort)) is { } sender)
                return sender;
        }

        throw new InvalidOperationException($"None of {string.Join(", ", candidates.Select(c => c.Name))} holds the connections the latest cards came over. {Tally.Describe()}");
    }

    /// <summary>
    /// The repeats <paramref name="crashes"/> killed senders may cause. Delivery is at least once: a card in flight when
    /// its sender died is sent again, and how many are in flight depends on how fast Teams (here the simulator, on a
    /// shared machine) answers. So what is checked is what FocusBot promises whatever the machine: every repeated card is
    /// one it counted as a possible duplicate, and a crash repeats no more than one sender can have in flight.
    /// </summary>
    public async Task AssertRepeatsAreCountedAsync(int crashes)
    {
        var tally = Tally.Update();
        var counted = await Store.PossibleDuplicatesAsync();
        Assert.True(tally.Duplicates <= counted,
            $"Every repeated card must be one FocusBot counted as a possible duplicate: {tally.Duplicates} repeated, {counted} counted. {tally.Describe()}");
        var inFlightPerSender = new DeliveryOptions().Concurrency;
        Assert.True(counted <= crashes * inFlightPerSender,
            $"{crashes} crash(es) of a sender with at most {inFlightPerSender} sends in flight counted {counted} possible duplicates. {tally.Describe()}");
    }

    public async ValueTask DisposeAsync()
    {
        await Instances.DisposeAsync();
        await Store.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
