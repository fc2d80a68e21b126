using FocusBot.Domain.Deliveries;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using SimOperation = FocusBot.ConnectorSimulator.ConnectorOperation;

namespace FocusBot.Tests.Proactive;

/// <summary>
/// Several FocusBot processes over one Azure Table store (Azurite), as a scaled-out App Service runs: together they send
/// one fan-out at Teams' real limit (50 requests a second per tenant) without going over it (the simulator's 429s stay
/// within 5% of the sends, where two senders at once would draw one for every other send) and without sending anyone the card twice, also when the sending one crashes mid-way (then at
/// most one duplicate).
/// </summary>
[Collection(DeliveryRunsAlone.Name)]
public sealed class AzureSharedFanOutTests : IAsyncLifetime
{
    private const int TeamsLimit = 50;
    private AzuriteServer _azurite = null!;
    private FanOutFixture? _fanOut;

    public async ValueTask InitializeAsync() => _azurite = await AzuriteServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_fanOut is not null)
            await _fanOut.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task TwoInstances_OneFanOut_EveryoneOnce_WithinTheTenantLimit()
    {
        const int people = 300;
        _fanOut = await FanOutFixture.StartAsync(SharedStore.AzureTables(_azurite), people, TeamsLimit, new Dictionary<string, string?>
        {
            // Whichever instance opens the pulse, the one holding the send lease finds it within half a second.
            ["Delivery:PollInterval"] = "00:00:00.500",
        });

        await _fanOut.Instances.StartTogetherAsync("a", "b");
        var ledger = await _fanOut.Store.WaitUntilSettledAsync(people, TimeSpan.FromSeconds(120));

        AssertDelivered(people, ledger, maxDuplicates: 0, "");
    }

    [Fact]
    public async Task ThreeInstances_SenderKilledMidway_EveryoneGetsTheCard_WithinTheTenantLimit()
    {
        const int people = 300;
        _fanOut = await FanOutFixture.StartAsync(SharedStore.AzureTables(_azurite), people, TeamsLimit, new Dictionary<string, string?>
        {
            // A crashed holder's lease lapses in 10 s and the others look every second: the takeover is quick. Much shorter,
            // and a holder on a busy machine whose Azurite calls are slow loses the lease while it still sends.
            ["Delivery:LeaseDuration"] = "00:00:10",
            ["Delivery:PollInterval"] = "00:00:01",
        });

        var all = await _fanOut.Instances.StartTogetherAsync("a", "b", "c");
        Assert.True(await _fanOut.Tally.WaitUntilAsync(t => t.Cards >= people / 5, TimeSpan.FromSeconds(90)),
            $"The fan-out did not start: {_fanOut.Tally.Describe()}");
        // Killed while it has rows claimed, which is what a crash mid-fan-out means; a holder between passes (it may be
        // re-taking its lease) has none, so wait a little for one.
        await WaitForRowsInFlightAsync(TimeSpan.FromSeconds(5));
        var sender = _fanOut.Sender(all);
        var cardsAtKill = _fanOut.Tally.Update().Cards;
        await sender.KillAsync();
        var ledger = await _fanOut.Store.WaitUntilSettledAsync(people, TimeSpan.FromSeconds(120));

        var story = $"{sender.Name}, the one sending, was killed at {cardsAtKill} cards. ";
        AssertDelivered(people, ledger, maxDuplicates: null, story);
        await _fanOut.AssertRepeatsAreCountedAsync(crashes: 1);
    }

    private async Task WaitForRowsInFlightAsync(TimeSpan patience)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        while (DateTimeOffset.UtcNow < deadline && (await _fanOut!.Store.LedgerAsync()).GetValueOrDefault(DeliveryStatus.Sending) == 0)
            await Task.Delay(TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken);
    }

    // maxDuplicates null after a kill: the repeats are then the cards in flight, checked by AssertRepeatsAreCountedAsync.
    private void AssertDelivered(int people, IReadOnlyDictionary<DeliveryStatus, int> ledger, int? maxDuplicates, string story)
    {
        var tally = _fanOut!.Tally.Update();
        Assert.True(tally.Lost.Count == 0, $"{story}Nobody may be lost. {tally.Describe()}. Ledger: {PulseLedger.Describe(ledger)}");
        if (maxDuplicates is { } max)
            Assert.True(tally.Duplicates <= max, $"{story}At most {max} duplicate(s). {tally.Describe()}");
        var sends = _fanOut.Simulator.Requests.Count(r => r.Operation == SimOperation.Send);
        var throttled = _fanOut.Simulator.ThrottledCount;
        // Two senders at once would draw a 429 for about every other send. The bound leaves room for the arrival jitter of
        // a loaded test machine; the 1% goal for pacing itself is measured by the benchmark (tests/FocusBot.Bench, proactive).
        Assert.True(throttled <= Math.Max(1, sends / 20),
            $"{story}Together the instances went over Teams' {TeamsLimit} requests a second: {throttled} 429s for {sends} sends to {people} people (at most 5%).");
    }
}
