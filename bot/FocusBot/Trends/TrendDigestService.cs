using FocusBot.Domain.Leases;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Trends;
using FocusBot.Leases;
using Microsoft.Extensions.Options;

namespace FocusBot.Trends;

/// <summary>
/// After each pulse closes: seals the periods that are now complete (the privacy gate decides what to hide), then sends
/// the tenant's organisation digest (<see cref="TrendDigest"/>) and the Managers' team digests (<see cref="TeamDigest"/>),
/// and tells the <see cref="ISealingListener"/>s (the results card for staff). Holds the tenant's trends lease, so with
/// several instances only one seals and sends.
/// </summary>
public sealed partial class TrendDigestService(
    IPulseStore pulses,
    PrivacyGate gate,
    TrendDigest digest,
    TeamDigest teamDigest,
    IEnumerable<ISealingListener> listeners,
    ILeaseStore leases,
    IOptions<ReportOptions> options,
    TimeProvider timeProvider,
    ILogger<TrendDigestService> logger) : BackgroundService
{
    private static readonly TimeSpan s_leaseDuration = TimeSpan.FromMinutes(10);

    private readonly string _holderId = LeaseHolder.NewId();
    private readonly IReadOnlyList<ISealingListener> _listeners = [.. listeners];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            await Task.Delay(options.Value.DigestCheckInterval, timeProvider, stoppingToken);
        }
    }

    /// <summary>One pass over every tenant with pulses. Returns how many digests were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var all = await pulses.ListRecentAsync(TrendRebuilder.MaxPulses, cancellationToken);
        var sent = 0;
        foreach (var tenant in all.GroupBy(p => p.TenantId, StringComparer.Ordinal))
        {
            // Someone else holding the tenant's lease is sealing, sending or rebuilding: the next pass looks again.
            await LeaseHolder.TryRunAsync(leases, TrendRebuildService.LeaseName(tenant.Key), _holderId, s_leaseDuration, async () =>
            {
                var sealing = await gate.SealAsync(tenant.Key, [.. tenant], cancellationToken);
                if (sealing.Sealed.Count > 0)
                    LogSealed(logger, sealing.Sealed.Count, sealing.HiddenFigures);
                sent += await digest.SendAsync(tenant.Key, [.. tenant], cancellationToken);
                sent += await teamDigest.SendAsync(tenant.Key, [.. tenant], cancellationToken);
                await TellListenersAsync(tenant.Key, [.. tenant], cancellationToken);
            }, cancellationToken);
        }

        return sent;
    }

    // A listener that fails holds up neither the others nor the next tenant; it tries again on the next pass.
    private async Task TellListenersAsync(string tenantId, IReadOnlyList<Pulse> tenantPulses, CancellationToken cancellationToken)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.AfterSealingAsync(tenantId, tenantPulses, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogListenerFailed(logger, listener.GetType().Name, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sealed {Periods} trend period(s); {Hidden} figure(s) hidden for privacy")]
    private static partial void LogSealed(ILogger logger, int periods, int hidden);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Listener} failed after sealing; it runs again on the next pass")]
    private static partial void LogListenerFailed(ILogger logger, string listener, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Trend sealing or digest pass failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
