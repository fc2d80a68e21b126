using FocusBot.Domain.Insights;
using FocusBot.Domain.Leases;
using FocusBot.Leases;
using FocusBot.Proactive;
using Microsoft.Extensions.Options;

namespace FocusBot.Insights;

/// <summary>
/// Sends each scheduled insight when its time comes (<see cref="InsightRelease"/>), once a check interval. Only the
/// holder of the "insight-scheduler" lease acts, so several instances never send one twice; a restart finds what is
/// still waiting in the store.
/// </summary>
public sealed partial class InsightScheduler(
    IOptions<InsightOptions> options,
    IInsightStore insights,
    ContentTenants tenants,
    InsightRelease release,
    ILeaseStore leases,
    TimeProvider timeProvider,
    ILogger<InsightScheduler> logger)
    : LeasedPassService(new LeaseHolder(leases, LeaseName, LeaseDurationFor(options.Value), timeProvider), options.Value.CheckInterval, timeProvider)
{
    public const string LeaseName = "insight-scheduler";

    /// <summary>
    /// An insight sent at once goes out from the request that posted it; the scheduler finishes it only if it is still
    /// waiting this long afterwards (that request was cut short), so the two do not race.
    /// </summary>
    public static readonly TimeSpan AtOnceGrace = TimeSpan.FromMinutes(1);

    protected override bool RunsInBackground => options.Value.RunInBackground;

    /// <summary>One pass over every tenant with posted content. Tests call it after moving the clock.</summary>
    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await Lease.HoldAsync(cancellationToken))
            return;
        var now = Clock.GetUtcNow();
        foreach (var tenantId in await tenants.ListAsync(cancellationToken))
        {
            foreach (var insight in await insights.ListScheduledAsync(tenantId, cancellationToken))
            {
                var due = insight.SendAt + (insight.SendAt == insight.CreatedAt ? AtOnceGrace : TimeSpan.Zero);
                if (now < due)
                    continue;
                // Each on its own: one that fails (a store row, a Connector that will not answer) holds up no other and is tried again next pass.
                try
                {
                    await release.ReleaseAsync(insight, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogReleaseFailed(logger, ex.GetType().Name);
                }
            }
        }
    }

    protected override void OnPassFailed(Exception exception) => LogPassFailed(logger, exception.GetType().Name);

    // Renewed every pass; a crashed holder is replaced once it runs out. Never shorter than three passes, so a slow pass
    // or a brief store outage does not let a second instance in.
    private static TimeSpan LeaseDurationFor(InsightOptions options) => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(5).Ticks, options.CheckInterval.Ticks * 3));

    [LoggerMessage(Level = LogLevel.Error, Message = "Insight scheduler could not send an insight ({Error}); trying again on the next pass")]
    private static partial void LogReleaseFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Insight scheduler pass failed ({Error}); retrying at the next pass")]
    private static partial void LogPassFailed(ILogger logger, string error);
}
