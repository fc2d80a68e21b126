using FocusBot.ConnectorSimulator.RateLimiting;

namespace FocusBot.ConnectorSimulator.Tests;

public sealed class SlidingWindowLogTests
{
    private static readonly RateLimitWindow[] ThreePerSecond = [new(3, TimeSpan.FromSeconds(1))];

    [Fact]
    public void TicksUntilAdmitted_LimitReached_WaitsUntilOldestCountedRequestLeavesWindow()
    {
        var log = new SlidingWindowLog(3);
        log.Add(Ms(0));
        log.Add(Ms(200));
        log.Add(Ms(400));

        Assert.Equal(Ms(500), log.TicksUntilAdmitted(Ms(500), ThreePerSecond));
        Assert.Equal(0, log.TicksUntilAdmitted(Ms(1000), ThreePerSecond));
    }

    [Fact]
    public void TicksUntilAdmitted_AfterRingWraps_UsesMostRecentRequests()
    {
        var log = new SlidingWindowLog(3);
        for (var i = 0; i < 20; i++)
        {
            log.Add(Ms(i * 1000));
        }

        log.Add(Ms(20100));
        log.Add(Ms(20200));

        // Last three: 19, 20.1, 20.2 — the one at 19 leaves the 1 s window at 20.
        Assert.Equal(0, log.TicksUntilAdmitted(Ms(20300), ThreePerSecond));
        log.Add(Ms(20300));
        Assert.Equal(Ms(800), log.TicksUntilAdmitted(Ms(20300), ThreePerSecond));
    }

    [Fact]
    public void TicksUntilAdmitted_SeveralWindows_ReportsTheLongestWait()
    {
        RateLimitWindow[] windows = [new(2, TimeSpan.FromSeconds(1)), new(3, TimeSpan.FromSeconds(10))];
        var log = new SlidingWindowLog(3);
        log.Add(Ms(0));
        log.Add(Ms(1000));
        log.Add(Ms(2000));

        Assert.Equal(Ms(7000), log.TicksUntilAdmitted(Ms(3000), windows));
    }

    private static long Ms(long milliseconds) => milliseconds * TimeSpan.TicksPerMillisecond;
}
