using FocusBot.Tests.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Proactive;

/// <summary>
/// Two FocusBot processes over one SQLite store with the default Delivery settings, as deployed: when the one sending
/// goes away mid-fan-out, the other carries on within 15 s, and everyone gets the card. A crash may cost one duplicate;
/// an orderly stop none.
/// </summary>
[Collection(DeliveryRunsAlone.Name)]
public sealed class SenderHandoverTests : IAsyncLifetime
{
    private const int People = 1_200;
    private static readonly TimeSpan TakeoverBound = TimeSpan.FromSeconds(15);

    // A process that has just died may still have a request that reached the simulator being recorded; later cards can
    // only be the other instance's.
    private static readonly TimeSpan Settling = TimeSpan.FromMilliseconds(200);
    private FanOutFixture _fanOut = null!;

    // 100 a second rather than Teams' 50 keeps the run short; Delivery settings stay at their defaults.
    public async ValueTask InitializeAsync() =>
        _fanOut = await FanOutFixture.StartAsync(SharedStore.Sqlite(), People, requestsPerSecond: 100, new Dictionary<string, string?>());

    public async ValueTask DisposeAsync() => await _fanOut.DisposeAsync();

    [Fact]
    public async Task SenderIsKilled_TheOtherInstanceSendsWithin15Seconds_AndEveryoneGetsTheCard()
    {
        var (sender, survivor) = await StartBothAndFindSenderAsync();

        var killedAt = DateTimeOffset.UtcNow;
        await sender.KillAsync();
        var resumedAfter = await WaitForNextCardAsync(killedAt, DateTimeOffset.UtcNow + Settling);

        Assert.True(resumedAfter is not null,
            $"{survivor.Name} was running all along but sent no card within {TakeoverBound.TotalSeconds:0} s of {sender.Name} being killed. {_fanOut.Tally.Describe()}");
        await AssertEveryoneGotTheCardAsync(maxDuplicates: null);
    }

    [Fact]
    public async Task SenderStopsGracefully_TheOtherInstanceSendsWithin15Seconds_NobodyLostNoDuplicate()
    {
        var (sender, survivor) = await StartBothAndFindSenderAsync();

        var stoppedAt = DateTimeOffset.UtcNow;
        await sender.StopAsync();
        var resumedAfter = await WaitForNextCardAsync(stoppedAt, DateTimeOffset.UtcNow);

        Assert.True(resumedAfter is not null,
            $"{survivor.Name} sent no card within {TakeoverBound.TotalSeconds:0} s of {sender.Name} stopping (it released its lease). {_fanOut.Tally.Describe()}");
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

    /// <summary>How long after <paramref name="start"/> the first card later than <paramref name="after"/> came; null if none within the bound.</summary>
    private async Task<TimeSpan?> WaitForNextCardAsync(DateTimeOffset start, DateTimeOffset after)
    {
        var remaining = start + TakeoverBound - DateTimeOffset.UtcNow;
        await _fanOut.Tally.WaitUntilAsync(t => t.FirstCardAfter(after) is not null, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        var first = _fanOut.Tally.FirstCardAfter(after);
        return first is { } at && at - start <= TakeoverBound ? at - start : null;
    }

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
