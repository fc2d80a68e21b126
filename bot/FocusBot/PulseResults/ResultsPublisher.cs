using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Trends;
using FocusBot.People;
using FocusBot.Proactive;
using FocusBot.Trends;
using Microsoft.Extensions.Options;

namespace FocusBot.PulseResults;

/// <summary>
/// Once the week of a tenant's latest closed pulse is sealed, queues its results card for everyone the pulse reached, in
/// a ledger of its own ("results:{pulse id}") that the proactive sender works through within Teams' rate limits. Runs
/// after each sealing pass, under the tenant's trends lease.
/// </summary>
public sealed partial class ResultsPublisher(
    IOptions<ResultsCardOptions> options,
    PrivacyGate gate,
    IDeliveryStore deliveries,
    TeamRosterSync rosters,
    FanOut fanOut,
    ContentTenants tenants,
    LatestResults latest,
    TimeProvider timeProvider,
    ILogger<ResultsPublisher> logger) : ISealingListener
{
    /// <summary>Who the pulse reached: its card was delivered (rows marked Answered predate the answered markers).</summary>
    private static readonly DeliveryStatus[] s_reached = [DeliveryStatus.Sent, DeliveryStatus.Answered];

    public async Task AfterSealingAsync(string tenantId, IReadOnlyList<Pulse> tenantPulses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantPulses);
        if (!options.Value.Enabled)
            return;
        var now = timeProvider.GetUtcNow();
        // Only the latest pulse, and only while its results are news: a backlog of older pulses (a first deployment, an
        // outage, the card turned back on) is never sent.
        var pulse = tenantPulses.Where(p => p.TenantId == tenantId && p.Status == PulseStatus.Closed && p.ClosesAt >= now - ResultsContent.OpenFor)
            .MaxBy(p => p.OpensAt);
        if (pulse is null || (await latest.GetAsync(tenantId, cancellationToken))?.PulseId == pulse.Id)
            return;
        if ((await gate.SealedAmongAsync(tenantId, [TrendPeriod.AllFor(pulse.OpensAt)[0]], cancellationToken)).Count == 0)
            return;

        var reached = new List<Delivery>();
        foreach (var status in s_reached)
        {
            await foreach (var delivery in deliveries.ListAsync(LedgerIds.Of(pulse), status, cancellationToken))
                reached.Add(delivery);
        }

        var queued = 0;
        if (reached.Count > 0)
        {
            // Each card is built from the roster when it is sent: someone who has left every team since the pulse opened
            // gets none, and the others see the teams they are in now.
            await rosters.RefreshTenantAsync(tenantId, cancellationToken);
            // The tenant is listed before the ledger is named, so the sender can always find a ledger that has been named.
            await tenants.AddAsync(tenantId, cancellationToken);
            queued = await fanOut.EnqueueFollowUpAsync(ResultsContent.LedgerOf(pulse.Id), reached, now, cancellationToken);
        }

        // Written last: a pass that stops before this queues the same rows again, and rows that exist are left alone.
        await latest.SetAsync(tenantId, new QueuedResults(pulse.Id, now), cancellationToken);
        LogQueued(logger, queued);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pulse results queued for {Count} people")]
    private static partial void LogQueued(ILogger logger, int count);
}
