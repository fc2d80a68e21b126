namespace FocusBot.ConnectorSimulator.RateLimiting;

/// <summary>
/// Admits or rejects requests against the per-key and per-tenant sliding windows. A rejected request consumes no
/// capacity. One lock guards all logs: the work under it is a few array reads, so it cannot become a bottleneck at
/// the rates Teams allows, and it keeps the per-key and global checks atomic together.
/// </summary>
internal sealed class ConnectorRateLimiter(RateLimitTable table, bool enforce, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(RateLimitBucket Bucket, string Key), SlidingWindowLog> _logs = [];

    /// <summary>Null when admitted (and counted); otherwise how long until the request would be admitted.</summary>
    public TimeSpan? TryAcquire(RateLimitBucket bucket, string key, string tenantId)
    {
        if (!enforce)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow().UtcTicks;
        var windows = WindowsFor(bucket);
        lock (_gate)
        {
            var tenantLog = LogFor(RateLimitBucket.GlobalOnly, tenantId, table.GlobalPerTenant);
            var keyLog = bucket == RateLimitBucket.GlobalOnly ? null : LogFor(bucket, key, windows);
            var wait = Math.Max(
                tenantLog.TicksUntilAdmitted(now, table.GlobalPerTenant),
                keyLog?.TicksUntilAdmitted(now, windows) ?? 0);
            if (wait > 0)
            {
                return TimeSpan.FromTicks(wait);
            }

            tenantLog.Add(now);
            keyLog?.Add(now);
            return null;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _logs.Clear();
        }
    }

    private SlidingWindowLog LogFor(RateLimitBucket bucket, string key, IReadOnlyList<RateLimitWindow> windows)
    {
        if (!_logs.TryGetValue((bucket, key), out var log))
        {
            var capacity = windows.Count == 0 ? 1 : Math.Max(1, windows.Max(w => w.Limit));
            log = new SlidingWindowLog(capacity);
            _logs[(bucket, key)] = log;
        }

        return log;
    }

    private IReadOnlyList<RateLimitWindow> WindowsFor(RateLimitBucket bucket) => bucket switch
    {
        RateLimitBucket.Send => table.SendPerConversation,
        RateLimitBucket.CreateConversation => table.CreateConversationPerUser,
        RateLimitBucket.GetMembers => table.GetMembersPerConversation,
        RateLimitBucket.GetTeam => table.GetTeamPerTeam,
        _ => table.GlobalPerTenant,
    };
}
