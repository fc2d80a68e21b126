using FocusBot.Tests.Support;

namespace FocusBot.Tests.Proactive;

/// <summary>
/// One fan-out whose only FocusBot process is crashed (SIGKILL) five times mid-way and started again over the same SQLite
/// store each time. Whatever was in flight at each crash is sent again by the next process: everyone gets the card, and a
/// crash costs at most one duplicate (the card that had reached Teams when the process died before recording it).
/// </summary>
[Collection(DeliveryRunsAlone.Name)]
public sealed class CrashSeriesTests : IAsyncLifetime
{
    private const int People = 600;
    private const int Crashes = 5;
    private FanOutFixture _fanOut = null!;

    // 100 a second rather than Teams' 50 keeps the run short; what is under test is the crash, not the pace.
    public async ValueTask InitializeAsync() => _fanOut = await FanOutFixture.StartAsync(SharedStore.Sqlite(), People, requestsPerSecond: 100,
        new Dictionary<string, string?>
        {
            // A crashed holder's lease lapses in 3 s and the next process looks every half second, so restarts resume at once.
            ["Delivery:LeaseDuration"] = "00:00:03",
            ["Delivery:PollInterval"] = "00:00:00.500",
        });

    public async ValueTask DisposeAsync() => await _fanOut.DisposeAsync();

    [Fact]
    public async Task FanOut_CrashedFiveTimesMidway_EveryoneGetsTheCard_EveryRepeatCounted()
    {
        var tally = _fanOut.Tally;
        var running = await _fanOut.Instances.StartAsync("run-1");
        for (var crash = 1; crash <= Crashes; crash++)
        {
            // Crash points spread over the fan-out, the last well before its end.
            var mark = People * crash / (Crashes + 2);
            Assert.True(await tally.WaitUntilAsync(t => t.Cards >= mark, TimeSpan.FromSeconds(60)),
                $"{running.Name} did not get to {mark} cards: {tally.Describe()}");
            await running.KillAsync();
            running = await _fanOut.Instances.StartAsync($"run-{crash + 1}");
        }

        var ledger = await _fanOut.Store.WaitUntilSettledAsync(People, TimeSpan.FromSeconds(90));

        tally.Update();
        Assert.True(tally.Lost.Count == 0, $"After {Crashes} crashes nobody may be lost. {tally.Describe()}. Ledger: {PulseLedger.Describe(ledger)}");
        await _fanOut.AssertRepeatsAreCountedAsync(Crashes);
    }
}
