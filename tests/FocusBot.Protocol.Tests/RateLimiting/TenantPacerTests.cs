using FocusBot.Protocol.Connector;
using FocusBot.Protocol.RateLimiting;

namespace FocusBot.Protocol.Tests.RateLimiting;

/// <summary>
/// The guard on real departures, asked directly: released callers that start running late must never put more than
/// the limit into any one second. Times are in milliseconds (frequency 1,000).
/// </summary>
public sealed class TenantPacerTests
{
    private static TenantPacer Create(int perSecond) =>
        new(new TeamsRateLimitOptions { GlobalRequestsPerSecond = perSecond, GlobalHeadroom = 1.0, WindowMargin = TimeSpan.Zero }, frequency: 1000);

    [Fact]
    public void ReleaseDue_CallersNotYetRunning_HoldTheNextOnes()
    {
        var pacer = Create(perSecond: 3);
        for (var i = 0; i < 5; i++)
            pacer.Enqueue(ConnectorOperation.SendMessage, $"a:{i}", now: 0, continueInline: false);

        Assert.NotNull(Release(pacer, 0));
        Assert.NotNull(Release(pacer, 334));
        Assert.NotNull(Release(pacer, 668));

        // Three released, none running yet: the fourth may not go, whenever asked, until one of them runs.
        Assert.Null(Release(pacer, 5000));
        Assert.True(pacer.WaitsForResume);
    }

    [Fact]
    public void ReleaseDue_CallersThatRanLate_CountFromWhenTheyRan()
    {
        var pacer = Create(perSecond: 3);
        for (var i = 0; i < 5; i++)
            pacer.Enqueue(ConnectorOperation.SendMessage, $"a:{i}", now: 0, continueInline: false);
        Release(pacer, 0);
        Release(pacer, 334);
        Release(pacer, 668);

        // All three only got to run at 990 ms (a busy machine): they leave together then, so the next must wait a second.
        pacer.Resumed(990);
        pacer.Resumed(990);
        pacer.Resumed(990);

        Assert.Null(Release(pacer, 1989));
        Assert.NotNull(Release(pacer, 1990));
    }

    private static PacedWaiter? Release(TenantPacer pacer, long now)
    {
        pacer.ReleaseDue(now, out var released);
        return released;
    }
}
