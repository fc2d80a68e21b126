using FocusBot.Proactive;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Proactive;

/// <summary>
/// Two FocusBot processes over one SQLite store with the default Delivery settings, as deployed: when the one sending
/// goes away mid-fan-out, the other carries on, and everyone gets the card. A crash may cost one duplicate; an orderly
/// stop none. How soon the other carries on is a figure for the crash benchmark (tests/FocusBot.Bench), not a test.
/// </summary>
[Collection(DeliveryRunsAlone.Name)]
public sealed class SenderHandoverTests : IAsyncLifetime
{
    private const int People = 600;

    /// <summary>Room for the default lease to lapse and be taken over on a loaded machine: a guard against a hang, not a goal.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private FanOutFixture _fanOut = null!;

    // 100 a second rather than Teams' 50 keeps the run short; Delivery settings stay at their defaults.
    public async ValueTask InitializeAsync() =>
        _fanOut = await FanOutFixture.StartAsync(SharedStore.Sqlite(), People, requestsPerSecond: 100, new Dictionary<string, string?>());

    public async ValueTask DisposeAsync() => await _fanOut.DisposeAsync();

    [Fact]
    public async Task SenderIsKilled_TheOtherInstanceCarriesOn_AndEveryoneGetsTheCard()
    {
        var (sender, survivor) = await StartBothAndFindSenderAsync();

        await sender.KillAsync();
        // What the killed sender had in flight may still be recorded after its death, at most one card per send slot;
        // a card beyond those can only be the survivor's.
        var carriedOn = await CardsBeyondAsync(_fanOut.Tally.Update().Cards + new DeliveryOptions().Concurrency);

        Assert.True(carriedOn, $"{survivor.Name} was running all along but sent no card after {sender.Name} was killed. {_fanOut.Tally.Describe()}");
        await AssertEveryoneGotTheCardAsync(maxDuplicates: null);
    }

    [Fact]
    public async Task SenderStopsGracefully_TheOtherInstanceCarriesOn_NobodyLostNoDuplicate()
    {
        var (sender, survivor) = await StartBothAndFindSenderAsync();

        await sender.StopAsync();
        // A stopped sender had every send it started answered, and so recorded, before it exited: later cards are the survivor's.
        var carriedOn = await CardsBeyondAsync(_fanOut.Tally.Update().Cards);

        Assert.True(carriedOn, $"{survivor.Name} sent no card after {sender.Name} stopped (it released its lease). {_fanOut.Tally.Describe()}");
        await AssertEveryoneGotTheCardAsync(maxDuplicates: 0);
    }

    private async Task<(FocusBotChildProcess Sender, FocusBotChildProcess Survivor)> StartBothAndFindSenderAsync()
    {
        var both = await _fanOut.Instances.StartTogetherAsync("a", "b");
        Assert.True(await _fanOut.Tally.WaitUntilAsync(t => t.Cards >= People / 10, TimeSpan.FromSeconds(90)),
            $"The fan-out did not start: {_fanOut.Tally.Describe()}");
        var sender = _fanOut.Sender(both);
        return (sender, both.Single(p => p != sender));
    }

    /// <summary>Whether the cards in all chats come to more than <paramref name="cards"/>.</summary>
    private Task<bool> CardsBeyondAsync(int cards) => _fanOut.Tally.WaitUntilAsync(t => t.Cards > cards, Patience);

    // Null after a kill: the repeats are then the cards in flight, each counted (FanOutFixture.AssertRepeatsAreCountedAsync).
    private async Task AssertEveryoneGotTheCardAsync(int? maxDuplicates)
    {
        var ledger = await _fanOut.Store.WaitUntilSettledAsync(People, TimeSpan.FromSeconds(120));
        var tally = _fanOut.Tally.Update();
        Assert.True(tally.Lost.Count == 0, $"Nobody may be lost when the sender changes. {tally.Describe()}. Ledger: {PulseLedger.Describe(ledger)}");
        if (maxDuplicates is { } max)
            Assert.True(tally.Duplicates <= max, $"At most {max} duplicate(s). {tally.Describe()}");
        else
            await _fanOut.AssertRepeatsAreCountedAsync(crashes: 1);
    }
}
