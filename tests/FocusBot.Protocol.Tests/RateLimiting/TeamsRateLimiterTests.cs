using FocusBot.Protocol.Connector;
using FocusBot.Protocol.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Protocol.Tests.RateLimiting;

public sealed class TeamsRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private TeamsRateLimiter Create(int globalPerSecond = 50) =>
        new(Options.Create(new TeamsRateLimitOptions { GlobalRequestsPerSecond = globalPerSecond, GlobalHeadroom = 1.0, WindowMargin = TimeSpan.Zero }), _clock);

    [Fact]
    public void Reserve_BurstToOneConversation_KeepsEverySlidingWindow()
    {
        var limiter = Create();

        var departures = Enumerable.Range(0, 70).Select(_ => limiter.Reserve("t", ConnectorOperation.SendMessage, "a:chat")).ToArray();

        Assert.All(departures.Take(7), d => Assert.True(d < TimeSpan.FromSeconds(0.2), $"{d}"));
        AssertWindow(departures, TimeSpan.FromSeconds(1), 7);
        AssertWindow(departures, TimeSpan.FromSeconds(2), 8);
        AssertWindow(departures, TimeSpan.FromSeconds(30), 60);
        Assert.True(departures[60] >= TimeSpan.FromSeconds(30), $"61st send must wait for the 30 s window, got {departures[60]}");
    }

    [Fact]
    public void Reserve_FanOutToManyConversations_IsPacedAtTheGlobalRate()
    {
        var limiter = Create(globalPerSecond: 50);

        var departures = Enumerable.Range(0, 500).Select(i => limiter.Reserve("t", ConnectorOperation.SendMessage, $"a:{i}")).ToArray();

        AssertWindow(departures, TimeSpan.FromSeconds(1), 50);
        Assert.InRange(departures[^1].TotalSeconds, 9.9, 10.1); // 500 calls at 50 per second
    }

    [Fact]
    public void Reserve_TenantsAreLimitedSeparately()
    {
        var limiter = Create(globalPerSecond: 10);

        for (var i = 0; i < 10; i++)
            limiter.Reserve("tenant-a", ConnectorOperation.SendMessage, $"a:{i}");
        var other = limiter.Reserve("tenant-b", ConnectorOperation.SendMessage, "a:x");

        Assert.True(other < TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Reserve_AfterTheWindowHasPassed_IsImmediateAgain()
    {
        var limiter = Create();
        for (var i = 0; i < 8; i++)
            limiter.Reserve("t", ConnectorOperation.SendMessage, "a:chat");

        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(limiter.Reserve("t", ConnectorOperation.SendMessage, "a:chat") < TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task AcquireAsync_WaitsOnTheInjectedClock()
    {
        var limiter = Create();

        var calls = Enumerable.Range(0, 9).Select(_ => limiter.AcquireAsync("t", ConnectorOperation.SendMessage, "a:chat", CancellationToken.None).AsTask()).ToArray();

        Assert.False(calls[8].IsCompleted); // the 9th send to one chat must wait for the 2 s window
        _clock.Advance(TimeSpan.FromSeconds(3));
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System);
    }

    private static void AssertWindow(TimeSpan[] departures, TimeSpan period, int max)
    {
        var sorted = departures.Order().ToArray();
        for (var i = max; i < sorted.Length; i++)
            Assert.True(sorted[i] - sorted[i - max] >= period, $"{max + 1} calls within {period} at #{i}");
    }
}
