using FocusBot.Protocol.Connector;
using FocusBot.Protocol.RateLimiting;

namespace FocusBot.Protocol.Tests.RateLimiting;

/// <summary>
/// The guard on real departures, asked directly: callers whose requests leave late after their turn must never put more
/// than the limit into any one second. Times are in milliseconds (frequency 1,000).
/// </summary>
public sealed class TenantPacerTests
{
    private static TenantPacer Create(int perSecond) =>
        new(new TeamsRateLimitOptions { GlobalRequestsPerSecond = perSecond, GlobalHeadroom = 1.0, WindowMargin = TimeSpan.Zero }, frequency: 1000);

    [Fact]
    public void ReleaseDue_TurnsWhoseRequestsHaveNotLeft_HoldTheNextOnes()
    {
        var pacer = Create(perSecond: 3);
        for (var i = 0; i < 5; i++)
            pacer.Enqueue(ConnectorOperation.SendMessage, $"a:{i}", now: 0, continueInline: false);

        Assert.NotNull(Release(pacer, 0));
        Assert.NotNull(Release(pacer, 334));
        Assert.NotNull(Release(pacer, 668));

        // Three released, no request sent yet: the fourth may not go, whenever asked, until one of them leaves.
        Assert.Null(Release(pacer, 5000));
        Assert.True(pacer.WaitsForLeaving);
    }

    [Fact]
    public void ReleaseDue_RequestsThatLeftLate_CountFromWhenTheyLeft()
    {
        var pacer = Create(perSecond: 3);
        for (var i = 0; i < 5; i++)
            pacer.Enqueue(ConnectorOperation.SendMessage, $"a:{i}", now: 0, continueInline: false);
        Release(pacer, 0);
        Release(pacer, 334);
        Release(pacer, 668);

        // All three requests only left at 990 ms (a busy store before them): together then, so the next must wait a second.
        pacer.Left(990);
        pacer.Left(990);
        pacer.Left(990);

        Assert.Null(Release(pacer, 1989));
        Assert.NotNull(Release(pacer, 1990));
    }

    [Fact]
    public void TryDepartNow_ATurnGivenAtOnce_CountsFromWhenItsRequestLeft()
    {
        var pacer = Create(perSecond: 3);
        Assert.True(pacer.TryDepartNow(ConnectorOperation.SendMessage, "a:first", now: 0));
        for (var i = 0; i < 3; i++)
            pacer.Enqueue(ConnectorOperation.SendMessage, $"a:{i}", now: 0, continueInline: false);

        // The next two leave on their turns; the first had its turn at once, but its request only left at 900 ms.
        Assert.NotNull(Release(pacer, 334));
        pacer.Left(334);
        Assert.NotNull(Release(pacer, 668));
        pacer.Left(668);
        pacer.Left(900);

        // Counted from the turn, the fourth could go at 1,000 ms; three requests really left between 334 and 900 ms.
        Assert.Null(Release(pacer, 1333));
        Assert.NotNull(Release(pacer, 1334));
    }

    private static PacedWaiter? Release(TenantPacer pacer, long now)
    {
        pacer.ReleaseDue(now, out var released);
        return released;
    }
}
