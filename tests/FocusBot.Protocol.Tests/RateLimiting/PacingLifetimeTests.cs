using FocusBot.Protocol.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Protocol.Tests.RateLimiting;

/// <summary>
/// The pacing thread that serves the system clock, and what a limiter keeps once tenants go quiet. These run on real
/// time but assert no speed: only that everyone is let go, cancelling works, and nothing is left running.
/// </summary>
public sealed class PacingLifetimeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static TeamsRateLimiter OnSystemClock(int perSecond) =>
        new(Options.Create(new TeamsRateLimitOptions { GlobalRequestsPerSecond = perSecond }), TimeProvider.System);

    [Fact]
    public async Task AcquireAsync_OnTheSystemClock_LetsEveryoneGoThenEndsItsThread()
    {
        var limiter = OnSystemClock(perSecond: 100);

        var calls = Enumerable.Range(0, 60)
            .Select(i => limiter.LeaveOnTurnAsync("t", $"a:chat-{i}", CancellationToken.None))
            .ToArray();
        Assert.Equal(1, limiter.PacingThreads);
        await Task.WhenAll(calls).WaitAsync(Patience, TimeProvider.System);

        await WaitUntilAsync(() => limiter.PacingThreads == 0);
    }

    [Fact]
    public async Task AcquireAsync_OnTheSystemClock_CancelledWaitersAreFreed()
    {
        var limiter = OnSystemClock(perSecond: 10);
        using var cancel = new CancellationTokenSource();

        var kept = Enumerable.Range(0, 5)
            .Select(i => limiter.LeaveOnTurnAsync("t", $"a:kept-{i}", CancellationToken.None))
            .ToArray();
        var given = Enumerable.Range(0, 20)
            .Select(i => limiter.LeaveOnTurnAsync("t", $"a:given-{i}", cancel.Token))
            .ToArray();
        await cancel.CancelAsync();

        foreach (var call in given)
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Patience, TimeProvider.System));
        await Task.WhenAll(kept).WaitAsync(Patience, TimeProvider.System);
        await WaitUntilAsync(() => limiter.PacingThreads == 0);
    }

    [Fact]
    public void AcquireAsync_QuietTenantsAreForgotten()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var limiter = new TeamsRateLimiter(Options.Create(new TeamsRateLimitOptions()), clock);
        var departures = new Departures(limiter, clock);
        for (var i = 0; i < 20; i++)
            departures.Start($"a:{i}", tenant: $"tenant-{i % 4}");
        TeamsRateLimiterTests.RunUntilDone(clock, departures, TimeSpan.FromSeconds(5));
        Assert.Equal(4, limiter.TenantsKept);

        clock.Advance(TimeSpan.FromHours(2));
        departures.Start("a:new", tenant: "tenant-new");

        Assert.Equal(1, limiter.TenantsKept);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < Patience, "still not true after " + Patience);
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }
}
