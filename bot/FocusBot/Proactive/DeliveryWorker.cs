using FocusBot.Domain.Leases;
using FocusBot.Domain.Pulses;
using Microsoft.Extensions.Options;

namespace FocusBot.Proactive;

/// <summary>
/// The proactive sender. Among several FocusBot instances over one store only the holder of the "delivery" lease sends;
/// it renews the lease while it works, and another instance takes over when a holder dies. On shutdown it finishes the
/// sends in flight, then releases the lease.
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

    private readonly string _holderId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly IReadOnlyList<IDeliveryContent> _contents = [.. contents];
    private Lease? _lease;

    /// <summary>Lets other parts (reminders, close) run only while this instance holds the lease.</summary>
    public bool HoldsLease => _lease is not null && _lease.ExpiresAt > timeProvider.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
            return;
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
                await fanOut.WaitForWakeAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await LeaseRelease.TryReleaseAsync(leases, _lease);
        _lease = null;
    }

    /// <summary>One pass: take or renew the lease, then send every due row of every open ledger. Returns rows sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken stoppingToken)
    {
        if (!await HoldLeaseAsync(stoppingToken))
            return 0;
        var sent = 0;
        foreach (var content in _contents)
        {
            await foreach (var ledgerId in content.ListOpenLedgersAsync(stoppingToken))
                sent += await SendDueAsync(ledgerId, content, stoppingToken);
        }

        return sent;
    }

    private async Task<int> SendDueAsync(string ledgerId, IDeliveryContent content, CancellationToken stoppingToken)
    {
        var now = timeProvider.GetUtcNow();
        await GiveUpOnInterruptedAsync(ledgerId, now, stoppingToken);
        var due = new List<Delivery>();
        await foreach (var delivery in deliveries.ListAsync(ledgerId, DeliveryStatus.Pending, stoppingToken))
        {
            if (delivery.SendAfter <= now)
                due.Add(delivery);
        }

        if (due.Count == 0)
            return 0;
        LogSending(logger, due.Count, ledgerId);
        var sent = 0;
        var lastRenewal = timeProvider.GetUtcNow();
        // Stopping ends the loop before the next row is claimed; rows already claimed finish (their token is not stopping's).
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency }, async (delivery, _) =>
        {
            if (stoppingToken.IsCancellationRequested || !HoldsLease)
                return;
            if (await sender.SendAsync(delivery, content, CancellationToken.None) == DeliveryStatus.Sent)
                Interlocked.Increment(ref sent);
            if (timeProvider.GetUtcNow() - lastRenewal > options.Value.LeaseDuration / 3)
            {
                lastRenewal = timeProvider.GetUtcNow();
                await HoldLeaseAsync(CancellationToken.None);
            }
        });
        return sent;
    }

    // A row left in Sending by a sender that died may or may not have reached the person. Sending it again could make a
    // duplicate, so it is closed as failed with that reason (at most once, never twice).
    private async Task GiveUpOnInterruptedAsync(string ledgerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await foreach (var stuck in deliveries.ListAsync(ledgerId, DeliveryStatus.Sending, cancellationToken))
        {
            if (now - stuck.UpdatedAt <= options.Value.LeaseDuration)
                continue;
            try
            {
                await deliveries.UpdateAsync(stuck with { Status = DeliveryStatus.Failed, FailureReason = "interrupted while sending; outcome unknown", UpdatedAt = now },
                    cancellationToken);
            }
            catch (Domain.Storage.ConcurrencyException)
            {
                // its sender finished it after all
            }
        }
    }

    private async Task<bool> HoldLeaseAsync(CancellationToken cancellationToken)
    {
        var duration = options.Value.LeaseDuration;
        _lease = _lease is null
            ? await leases.TryAcquireAsync(LeaseName, _holderId, duration, cancellationToken)
            : await leases.RenewAsync(_lease, duration, cancellationToken) ?? await leases.TryAcquireAsync(LeaseName, _holderId, duration, cancellationToken);
        return _lease is not null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending {Count} due messages of {Ledger}")]
    private static partial void LogSending(ILogger logger, int count, string ledger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery pass failed ({Error}); retrying at the next poll")]
    private static partial void LogPassFailed(ILogger logger, string error);
}
