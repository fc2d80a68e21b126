namespace FocusBot.ConnectorSimulator.RateLimiting;

/// <summary>
/// The limits the simulator enforces. Defaults are Teams' published per-bot-per-thread table and the global
/// 50 requests per second per app per tenant (teams-protocol-notes.md §4.3).
/// </summary>
public sealed record RateLimitTable
{
    /// <summary>Send, reply and update, keyed by conversation id.</summary>
    public IReadOnlyList<RateLimitWindow> SendPerConversation { get; init; } = PerThread(7, 8, 60, 1800);

    /// <summary>Create conversation, keyed by tenant + user.</summary>
    public IReadOnlyList<RateLimitWindow> CreateConversationPerUser { get; init; } = PerThread(7, 8, 60, 1800);

    /// <summary>Paged members, keyed by conversation id.</summary>
    public IReadOnlyList<RateLimitWindow> GetMembersPerConversation { get; init; } = PerThread(14, 16, 120, 3600);

    /// <summary>Team details and team channels ("get conversations" in the Teams table), keyed by team id.</summary>
    public IReadOnlyList<RateLimitWindow> GetTeamPerTeam { get; init; } = PerThread(14, 16, 120, 3600);

    /// <summary>Every served operation, keyed by tenant.</summary>
    public IReadOnlyList<RateLimitWindow> GlobalPerTenant { get; init; } = [new(50, TimeSpan.FromSeconds(1))];

    /// <summary>The Teams limits.</summary>
    public static RateLimitTable Teams { get; } = new();

    private static RateLimitWindow[] PerThread(int perSecond, int perTwoSeconds, int perThirtySeconds, int perHour) =>
    [
        new(perSecond, TimeSpan.FromSeconds(1)),
        new(perTwoSeconds, TimeSpan.FromSeconds(2)),
        new(perThirtySeconds, TimeSpan.FromSeconds(30)),
        new(perHour, TimeSpan.FromHours(1)),
    ];
}
