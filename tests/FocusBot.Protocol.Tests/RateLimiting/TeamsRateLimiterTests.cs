using FocusBot.Protocol.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Protocol.Tests.RateLimiting;

/// <summary>Teams' windows and the per-tenant rate, on a fake clock moved on in steps of 10 ms.</summary>
public sealed class TeamsRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private TeamsRateLimiter Create(int globalPerSecond = 50) =>
        new(Options.Create(new TeamsRateLimitOptions { GlobalRequestsPerSecond = globalPerSecond, GlobalHeadroom = 1.0, WindowMargin = TimeSpan.Zero }), _clock);

    [Fact]
    public void AcquireAsync_BurstToOneConversation_KeepsEverySlidingWindow()
    {
        var departures = new Departures(Create(), _clock);

        for (var i = 0; i < 70; i++)
            departures.Start("a:chat");
        RunUntilDone(_clock, departures, TimeSpan.FromSeconds(100));

        var times = departures.Left.Select(d => d.At).ToArray();
        Assert.All(times.Take(7), t => Assert.True(t < TimeSpan.FromSeconds(0.2), $"{t}"));
        AssertWindow(times, TimeSpan.FromSeconds(1), 7);
        AssertWindow(times, TimeSpan.FromSeconds(2), 8);
        AssertWindow(times, TimeSpan.FromSeconds(30), 60);
        Assert.True(times[60] >= TimeSpan.FromSeconds(30), $"61st send must wait for the 30 s window, got {times[60]}");
    }

    [Fact]
    public void AcquireAsync_FanOutToManyConversations_IsPacedAtTheGlobalRate()
    {
        var departures = new Departures(Create(globalPerSecond: 50), _clock);

        for (var i = 0; i < 500; i++)
            departures.Start($"a:{i}");
        RunUntilDone(_clock, departures, TimeSpan.FromSeconds(20));

        var times = departures.Left.Select(d => d.At).ToArray();
        AssertWindow(times, TimeSpan.FromSeconds(1), 50);
        Assert.InRange(times[^1].TotalSeconds, 9.9, 10.1); // 500 calls at 50 per second
    }

    [Fact]
    public void AcquireAsync_TenantsAreLimitedSeparately()
    {
        var departures = new Departures(Create(globalPerSecond: 10), _clock);

        for (var i = 0; i < 10; i++)
            departures.Start($"a:{i}", tenant: "tenant-a");
        var other = departures.Start("a:x", tenant: "tenant-b");

        Assert.True(other.IsCompletedSuccessfully, "the other tenant's first call must not wait behind tenant-a");
    }

    [Fact]
    public void AcquireAsync_AfterTheWindowHasPassed_IsImmediateAgain()
    {
        var departures = new Departures(Create(), _clock);
        for (var i = 0; i < 8; i++)
            departures.Start("a:chat");
        RunUntilDone(_clock, departures, TimeSpan.FromSeconds(5));

        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(departures.Start("a:chat").IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AcquireAsync_WaitsOnTheInjectedClock()
    {
        var limiter = Create();

        var calls = Enumerable.Range(0, 9).Select(_ => limiter.LeaveOnTurnAsync("t", "a:chat", CancellationToken.None)).ToArray();

        Assert.False(calls[8].IsCompleted); // the 9th send to one chat must wait for the 2 s window
        // In steps, as time passes: the fake clock fires a timer once per step, and calls leave at most one per timer.
        for (var i = 0; i < 300; i++)
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System);
    }

    internal static void RunUntilDone(FakeTimeProvider clock, Departures departures, TimeSpan limit)
    {
        for (var waited = TimeSpan.Zero; !departures.AllDone && waited < limit; waited += TimeSpan.FromMilliseconds(10))
            clock.Advance(TimeSpan.FromMilliseconds(10));
        Assert.True(departures.AllDone, $"not every call left within {limit}");
    }

    internal static void AssertWindow(TimeSpan[] departures, TimeSpan period, int max)
    {
        var sorted = departures.Order().ToArray();
        for (var i = max; i < sorted.Length; i++)
            Assert.True(sorted[i] - sorted[i - max] >= period, $"{max + 1} calls within {period} at #{i}");
    }
}
