namespace FocusBot.Leases;

/// <summary>
/// A hosted service that works in passes under a lease: a pass at start, then one every interval; each pass asks
/// <see cref="Lease"/> when it is ready to act, so with several instances only one acts. A pass that throws is reported
/// and the next comes as usual. Stopping gives the lease back, so another instance takes over at once rather than when
/// the lease runs out.
/// </summary>
public abstract class LeasedPassService(LeaseHolder lease, TimeSpan interval, TimeProvider clock) : BackgroundService
{
    protected LeaseHolder Lease => lease;

    protected TimeProvider Clock => clock;

    /// <summary>Off leaves the passes to whoever calls <see cref="RunOnceAsync"/> (tests that move the clock).</summary>
    protected abstract bool RunsInBackground { get; }

    /// <summary>One pass. Tests call it after moving the clock.</summary>
    public abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Logs a pass that threw, in the service's own words; the next pass tries again.</summary>
    protected abstract void OnPassFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!RunsInBackground)
            return;
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                OnPassFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await lease.ReleaseAsync();
    }

    public override void Dispose()
    {
        lease.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
