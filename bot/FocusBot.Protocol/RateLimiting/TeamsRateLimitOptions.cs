using FocusBot.Protocol.Connector;

namespace FocusBot.Protocol.RateLimiting;

/// <summary>At most <paramref name="Count"/> calls in any window of <paramref name="Period"/>.</summary>
public sealed record RateWindow(int Count, TimeSpan Period);

/// <summary>Teams' documented bot rate limits (learn.microsoft.com "Optimize your bot: rate limiting"), configurable.</summary>
public sealed class TeamsRateLimitOptions
{
    public const string Section = "Teams:RateLimits";

    /// <summary>Per app per tenant, all operations together.</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>
    /// Fraction of the global limit we aim for: calls leave one slot of 1/(limit × headroom) apart. At 0.97, the 50
    /// slots of a second span 1,031 ms, and those 31 ms are split between the two ways a request lands later than its
    /// slot: 21 ms are the guard's margin (no 1,021 ms holds more than the limit of requests as they really left, so one
    /// that reaches Teams up to 21 ms later than another still counts in the right second), 10 ms let a released caller
    /// start that much late before the guard holds the next one back. Each 0.01 less costs 1% of throughput.
    /// </summary>
    public double GlobalHeadroom { get; set; } = 0.97;

    /// <summary>
    /// Added to every per-thread window: a call that reaches Teams late must not share a window with the call allowed
    /// exactly one period after it. It costs a fan-out nothing (each chat gets one message), so it can be generous.
    /// </summary>
    public TimeSpan WindowMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    public IReadOnlyList<RateWindow> SendPerConversation { get; set; } = Standard(7, 8, 60, 1800);

    public IReadOnlyList<RateWindow> CreatePerUser { get; set; } = Standard(7, 8, 60, 1800);

    public IReadOnlyList<RateWindow> MembersPerConversation { get; set; } = Standard(14, 16, 120, 3600);

    public IReadOnlyList<RateWindow> ConversationsPerTeam { get; set; } = Standard(14, 16, 120, 3600);

    public IReadOnlyList<RateWindow> WindowsFor(ConnectorOperation operation) => operation switch
    {
        ConnectorOperation.SendMessage => SendPerConversation,
        ConnectorOperation.CreateConversation => CreatePerUser,
        ConnectorOperation.GetMembers => MembersPerConversation,
        _ => ConversationsPerTeam,
    };

    private static RateWindow[] Standard(int perSecond, int perTwoSeconds, int perThirtySeconds, int perHour) =>
    [
        new(perSecond, TimeSpan.FromSeconds(1)),
        new(perTwoSeconds, TimeSpan.FromSeconds(2)),
        new(perThirtySeconds, TimeSpan.FromSeconds(30)),
        new(perHour, TimeSpan.FromHours(1)),
    ];
}
