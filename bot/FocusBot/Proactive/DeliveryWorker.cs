using System.Collections.Concurrent;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Leases;
using FocusBot.Domain.Storage;
using FocusBot.Leases;
using Microsoft.Extensions.Options;

namespace FocusBot.Proactive;

/// <summary>
/// The proactive sender. Among several FocusBot instances over one store only the holder of the "delivery" lease sends,
/// so together they never exceed a tenant's rate limit and never send a row twice. Every instance tries for the lease
/// every third of its duration and the holder renews it as often, so a crashed holder is replaced within about
/// 4/3 of the duration; on shutdown the holder finishes the sends in flight and releases the lease for an at-once takeover.
/// </summary>
public sealed partial class DeliveryWorker(
    IEnumerable<IDeliveryContent> contents,
    IDeliveryStore deliveries,
    ILeaseStore leases,
    DeliverySender sender,
    FanOut fanOut,
    IOptions<DeliveryOptions> options,
    TimeProvider timeProvider,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    public const string LeaseName = "delivery";

    private readonly LeaseHolder _lease = new(leases, LeaseName, options.Value.LeaseDuration, timeProvider);
    private readonly IReadOnlyList<IDeliveryContent> _contents = [.. contents];
    private readonly ConcurrentDictionary<(string Ledger, string Recipient), byte> _inFlight = new();
    private DateTimeOffset? _nextDue;

    /// <summary>Whether this instance may send now.</summary>
    public bool HoldsLease => _lease.IsHeld;

    private TimeSpan LeaseCheckInterval => options.Value.LeaseDuration / 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
            return;
        var keeping = KeepLeaseAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex.GetType().Name);
            }

            try
            {
                await fanOut.WaitForWakeAsync(UntilNextPass(), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await keeping;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _lease.ReleaseAsync();
    }

    /// <summary>One pass: take or renew the lease, then send every due row of every open ledger. Returns rows sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken stoppingToken)
    {
        if (!await _lease.HoldAsync(stoppingToken))
            return 0;
        _nextDue = null;
        var sent = 0;
        foreach (var content in _contents)
        {
            await foreach (var ledgerId in content.ListOpenLedgersAsync(stoppingToken))
                sent += await SendDueAsync(ledgerId, content, stoppingToken);
        }

        return sent;
    }

    // Until the poll, the next row's send time, or (without the lease) the next try for it, whichever comes first.
    private TimeSpan UntilNextPass()
    {
        if (!HoldsLease)
            return LeaseCheckInterval;
        var wait = options.Value.PollInterval;
        if (_nextDue is { } due)
            wait = TimeSpan.FromTicks(Math.Clamp((due - timeProvider.GetUtcNow()).Ticks, 0, wait.Ticks));
        return wait;
    }

    // Every instance keeps trying for the lease, and the holder keeps renewing it, whether or not a pass is running; an
    // instance that has just taken it over starts sending at once rather than at its next poll.
    private async Task KeepLeaseAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(LeaseCheckInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var held = HoldsLease;
                try
                {
                    if (await _lease.HoldAsync(stoppingToken) && !held)
                        fanOut.Wake();
                }
                catch (StorageUnavailableException)
                {
                    // The lease runs out on its own if the store stays away; the next tick tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private async Task<int> SendDueAsync(string ledgerId, IDeliveryContent content, CancellationToken stoppingToken)
    {
        var now = timeProvider.GetUtcNow();
        await RequeueInterruptedAsync(ledgerId, now, stoppingToken);
        var due = new List<Delivery>();
        await foreach (var delivery in deliveries.ListAsync(ledgerId, DeliveryStatus.Pending, stoppingToken))
        {
            if (delivery.SendAfter <= now)
                due.Add(delivery);
            else if (_nextDue is null || delivery.SendAfter < _nextDue)
                _nextDue = delivery.SendAfter;
        }

        if (due.Count == 0)
            return 0;
        LogSending(logger, due.Count, ledgerId);
        var sent = 0;
        // Rows waiting for their turn are not claimed yet: stopping, or losing the lease, leaves them Pending for the next
        // sender. Rows already claimed finish (their token is not stopping's).
        bool MayClaim() => !stoppingToken.IsCancellationRequested && HoldsLease;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency }, async (delivery, _) =>
        {
            if (!MayClaim())
                return;
            var key = (delivery.LedgerId, delivery.RecipientKey);
            _inFlight[key] = 0;
            try
            {
                if (await sender.SendAsync(delivery, content, MayClaim, CancellationToken.None) == DeliveryStatus.Sent)
                    Interlocked.Increment(ref sent);
            }
            finally
            {
                _inFlight.TryRemove(key, out var _);
            }
        });
        return sent;
    }

    // A row in Sending that no send of this instance holds was claimed by a sender that then died, just as its message
    // left. The message may have arrived; a person missing their pulse is worse than one seeing it twice, so the row goes
    // back to Pending and the repeat is counted. Such a row is at least two thirds of a lease old when its lease can be
    // taken over (its sender renewed every third and claimed only while holding), so a younger one is not touched.
    private async Task RequeueInterruptedAsync(string ledgerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await foreach (var stuck in deliveries.ListAsync(ledgerId, DeliveryStatus.Sending, cancellationToken))
        {
            if (_inFlight.ContainsKey((stuck.LedgerId, stuck.RecipientKey)) || now - stuck.UpdatedAt < options.Value.LeaseDuration / 2)
                continue;
            try
            {
                await deliveries.UpdateAsync(stuck with
                {
                    Status = DeliveryStatus.Pending,
                    UncertainSends = stuck.UncertainSends + 1,
                    FailureReason = "interrupted while sending; sent again",
                    UpdatedAt = now,
                }, cancellationToken);
                LogRequeued(logger, ledgerId);
            }
            catch (ConcurrencyException)
            {
                // its sender finished it after all
            }
        }
    }

    public override void Dispose()
    {
        _lease.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending {Count} due messages of {Ledger}")]
    private static partial void LogSending(ILogger logger, int count, string ledger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message of {Ledger} was interrupted mid-send by a sender that stopped; sending it again")]
    private static partial void LogRequeued(ILogger logger, string ledger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery pass failed ({Error}); retrying at the next poll")]
    private static partial void LogPassFailed(ILogger logger, string error);
}
