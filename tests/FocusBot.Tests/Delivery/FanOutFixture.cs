using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.RateLimiting;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using static FocusBot.Tests.Support.TeamsActivities;

namespace FocusBot.Tests.Delivery;

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
        foreach (var user in users)
            simulator.AddConversation(ChatOf(user), TenantId);
        await store.SeedAsync(users, simulator.BaseUrl, PulseDueNow.TimeZone);

        var all = new Dictionary<string, string?>(store.Settings);
        foreach (var (key, value) in PulseDueNow.Settings())
            all[key] = value;
        all["Teams:RateLimits:GlobalRequestsPerSecond"] = requestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
            all[key] = value;
        return new FanOutFixture(simulator, store, users, new FocusBotInstances(all));
    }

    /// <summary>
    /// The instance that is sending: the one with connections open to the simulator (an instance that has sent nothing has
    /// none), the one with most when several have. Throws when none has any within 10 s.
    /// </summary>
    public async Task<FocusBotChildProcess> SenderAsync(IReadOnlyList<FocusBotChildProcess> candidates)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var connections = candidates.Where(c => !c.HasExited).Select(c => (Process: c, Count: LoopbackConnections.CountTo(c.Id, Simulator.BaseUri.Port)))
                .OrderByDescending(c => c.Count).ToList();
            if (connections.FirstOrDefault() is { Count: > 0 } sender)
                return sender.Process;
            if (DateTimeOffset.UtcNow >= deadline)
                throw new InvalidOperationException($"No instance has a connection to the simulator although cards arrive: {Tally.Describe()}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Instances.DisposeAsync();
        await Store.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
