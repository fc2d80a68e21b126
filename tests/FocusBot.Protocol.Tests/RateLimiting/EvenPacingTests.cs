using FocusBot.Protocol.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Protocol.Tests.RateLimiting;

/// <summary>
/// A fan-out must reach Teams as a steady stream. Here at 50 per second (one slot = 20 ms), on a clock that
/// fires timers on time and on one that fires them late, as a busy thread pool does.
/// </summary>
public sealed class EvenPacingTests
{
    private static readonly TimeSpan Slot = TimeSpan.FromMilliseconds(20);

    private static TeamsRateLimiter Create(TimeProvider clock) =>
        new(Options.Create(new TeamsRateLimitOptions { GlobalRequestsPerSecond = 50, GlobalHeadroom = 1.0, WindowMargin = TimeSpan.Zero }), clock);

    [Fact]
    public void AcquireAsync_200WaitersOnTime_LeaveOneSlotApart()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var departures = new Departures(Create(clock), clock);

        for (var i = 0; i < 200; i++)
            departures.Start($"a:chat-{i}");
        TeamsRateLimiterTests.RunUntilDone(clock, departures, TimeSpan.FromSeconds(10));

        var gaps = Gaps(departures);
        Assert.All(gaps, gap => Assert.Equal(Slot, gap));
    }

    [Fact]
    public void AcquireAsync_TimersFiringLate_NeverLetCallersGoTogether()
    {
        // Every timer fires up to 50 ms late (2.5 slots): a timer per call would let two or three calls go at once.
        var clock = new LateTimerClock();
        var departures = new Departures(Create(clock), clock);

        for (var i = 0; i < 200; i++)
            departures.Start($"a:chat-{i}");
        AdvanceUntilDone(clock, departures, TimeSpan.FromMilliseconds(50));

        var gaps = Gaps(departures);
        Assert.True(gaps.Min() >= Slot / 2, $"two calls left {gaps.Min().TotalMilliseconds} ms apart; {gaps.Count(g => g < Slot / 2)} of {gaps.Length} gaps under half a slot");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(50)]
    [InlineData(130)]
    public void AcquireAsync_TimersFiringLate_NoSecondHoldsMoreThanTheLimit(int lateMilliseconds)
    {
        var clock = new LateTimerClock();
        var departures = new Departures(Create(clock), clock);

        for (var i = 0; i < 300; i++)
        {
            departures.Start($"a:chat-{i}");
            if (i % 10 == 0)
                departures.Start("a:busy-chat"); // 30 sends to one chat among them
        }

        AdvanceUntilDone(clock, departures, TimeSpan.FromMilliseconds(lateMilliseconds));

        var left = departures.Left;
        Assert.Equal(330, left.Count);
        TeamsRateLimiterTests.AssertWindow([.. left.Select(d => d.At)], TimeSpan.FromSeconds(1), 50);
        var busy = left.Where(d => d.ThreadKey == "a:busy-chat").Select(d => d.At).ToArray();
        TeamsRateLimiterTests.AssertWindow(busy, TimeSpan.FromSeconds(1), 7);
        TeamsRateLimiterTests.AssertWindow(busy, TimeSpan.FromSeconds(2), 8);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWaiters_AreFreedAtOnceAndHoldNobodyUp()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var departures = new Departures(Create(clock), clock);
        using var second = new CancellationTokenSource();
        using var fourth = new CancellationTokenSource();

        _ = departures.Start("a:1");
        var cancelled2 = departures.Start("a:2", cancellationToken: second.Token);
        _ = departures.Start("a:3");
        var cancelled4 = departures.Start("a:4", cancellationToken: fourth.Token);
        _ = departures.Start("a:5");
        await second.CancelAsync();
        await fourth.CancelAsync();

        // Freed without the clock moving: a caller that gives up does not wait for its slot to come round.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled2.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled4.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System));

        TeamsRateLimiterTests.RunUntilDone(clock, departures, TimeSpan.FromSeconds(1));
        var left = departures.Left;
        Assert.Equal(["a:1", "a:3", "a:5"], left.Select(d => d.ThreadKey));
        // The others leave no later than they would have with everyone still waiting.
        Assert.True(left[1].At <= 2 * Slot && left[2].At <= 4 * Slot, string.Join(", ", left.Select(d => d.At.TotalMilliseconds)));
    }

    private static void AdvanceUntilDone(LateTimerClock clock, Departures departures, TimeSpan step)
    {
        for (var i = 0; i < 100_000 && !departures.AllDone; i++)
            clock.Advance(step);
        Assert.True(departures.AllDone, "not every call left");
    }

    private static TimeSpan[] Gaps(Departures departures)
    {
        var times = departures.Left.Select(d => d.At).ToArray();
        return [.. times.Zip(times.Skip(1), (earlier, later) => later - earlier)];
    }
}
