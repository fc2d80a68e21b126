using FocusBot.Conversations;
using FocusBot.Domain.Leases;
using FocusBot.Domain.Pulses;
using FocusBot.Leases;
using Microsoft.Extensions.Options;

namespace FocusBot.Pulses;

/// <summary>
/// The weekly rhythm, once a minute: opens each tenant's pulse of the cycle (<see cref="PulseOpener"/>), reminds those
/// who have not answered an open pulse (<see cref="PulseReminder"/>) and closes a pulse whose time is up
/// (<see cref="PulseCloser"/>). Only the holder of the "pulse-scheduler" lease acts, so several instances never double up.
/// </summary>
public sealed partial class PulseScheduler(
    IOptions<PulseOptions> options,
    IPulseStore pulses,
    InstalledTenants tenants,
    PulseOpener opener,
    PulseReminder reminder,
    PulseCloser closer,
    ILeaseStore leases,
    TimeProvider timeProvider,
    ILogger<PulseScheduler> logger)
    : LeasedPassService(new LeaseHolder(leases, LeaseName, s_leaseDuration, timeProvider), TimeSpan.FromMinutes(1), timeProvider)
{
    public const string LeaseName = "pulse-scheduler";

    // Renewed by every once-a-minute pass. A crashed holder is replaced within these five minutes (a stopped one releases
    // at once): opening, reminders and closing are measured in hours, so a few minutes late is unnoticed, while a longer
    // lease rides out a slow pass or a brief store outage without two instances acting.
    private static readonly TimeSpan s_leaseDuration = TimeSpan.FromMinutes(5);

    protected override bool RunsInBackground => options.Value.RunInBackground;

    /// <summary>One pass over every tenant: open, remind, close. Tests call it after moving the clock.</summary>
    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await Lease.HoldAsync(cancellationToken))
            return;

        var now = Clock.GetUtcNow();
        // Each tenant's opening and each pulse's reminders or closing on its own: one that fails (its store rows, a Connector
        // that will not answer) holds up no other and is tried again on the next pass.
        if (options.Value.Enabled)
        {
            foreach (var tenantId in await tenants.ListAsync(cancellationToken))
                await AloneAsync("open", () => opener.OpenAsync(tenantId, now, cancellationToken));
        }

        foreach (var pulse in await pulses.ListActiveAsync(cancellationToken))
        {
            if (now >= pulse.ClosesAt)
                await AloneAsync("close", () => closer.CloseAsync(pulse, cancellationToken));
            else if (pulse.Status is PulseStatus.Sending or PulseStatus.Open)
                await AloneAsync("remind", () => reminder.RemindAsync(pulse, now, cancellationToken));
        }
    }

    protected override void OnPassFailed(Exception exception) => LogPassFailed(logger, exception.GetType().Name);

    private async Task AloneAsync(string step, Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStepFailed(logger, step, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Pulse scheduler could not {Step} a pulse ({Error}); trying again on the next pass")]
    private static partial void LogStepFailed(ILogger logger, string step, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pulse scheduler pass failed ({Error}); retrying in a minute")]
    private static partial void LogPassFailed(ILogger logger, string error);
}
