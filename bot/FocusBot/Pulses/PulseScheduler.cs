using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Leases;
using FocusBot.Domain.Notices;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Settings;
using FocusBot.Domain.Storage;
using FocusBot.Leases;
using FocusBot.People;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace FocusBot.Pulses;

/// <summary>
/// The weekly rhythm: opens each cycle's pulse (questions chosen, rosters refreshed, one ledger row per person at their
/// local send time), sends at most two reminders to those who have not answered (counted from when each person's card
/// was sent), and closes the pulse, turning every
/// delivered card to "closed". Only the holder of the "pulse-scheduler" lease acts, so several instances never double up.
/// </summary>
public sealed partial class PulseScheduler(
    IOptions<PulseOptions> options,
    IPulseStore pulses,
    IQuestionStore questions,
    IDeliveryStore deliveries,
    IAnsweredMarkStore answeredMarks,
    Privacy.Pseudonyms pseudonyms,
    IConversationStore conversations,
    TeamRosterSync rosterSync,
    ISettingsStore settings,
    ILeaseStore leases,
    FanOut fanOut,
    ConnectorClient connector,
    Notices.NoticeBoard notices,
    TimeProvider timeProvider,
    ILogger<PulseScheduler> logger) : BackgroundService
{
    public const string LeaseName = "pulse-scheduler";

    // Renewed by every once-a-minute pass. A crashed holder is replaced within these five minutes (a stopped one releases
    // at once): opening, reminders and closing are measured in hours, so a few minutes late is unnoticed, while a longer
    // lease rides out a slow pass or a brief store outage without two instances acting.
    private static readonly TimeSpan s_leaseDuration = TimeSpan.FromMinutes(5);

    private readonly PulseCalendar _calendar = new(options.Value.ToSchedule());
    private readonly LeaseHolder _lease = new(leases, LeaseName, s_leaseDuration, timeProvider);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), timeProvider);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _lease.ReleaseAsync();
    }

    public override void Dispose()
    {
        _lease.Dispose();
        base.Dispose();
    }

    /// <summary>One pass over every tenant: open, remind, close. Tests call it after moving the clock.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await _lease.HoldAsync(cancellationToken))
            return;

        var now = timeProvider.GetUtcNow();
        // Each tenant's opening and each pulse's reminders or closing on its own: one that fails (its store rows, a Connector
        // that will not answer) holds up no other and is tried again on the next pass.
        if (options.Value.Enabled)
        {
            foreach (var tenantId in await TenantsAsync(cancellationToken))
                await AloneAsync("open", () => OpenAsync(tenantId, now, cancellationToken));
        }

        foreach (var pulse in await pulses.ListActiveAsync(cancellationToken))
        {
            if (now >= pulse.ClosesAt)
                await AloneAsync("close", () => CloseAsync(pulse, cancellationToken));
            else if (pulse.Status is PulseStatus.Sending or PulseStatus.Open)
                await AloneAsync("remind", () => RemindAsync(pulse, now, cancellationToken));
        }
    }

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

    private async Task OpenAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cycle = _calendar.CycleAt(now);
        // Open an hour before the first person's send time so the ledger is ready when their morning comes.
        if (!cycle.OnCadence || now < cycle.FirstSend - TimeSpan.FromHours(1) || now >= cycle.ClosesAt)
            return;
        var pulseId = PulseIds.Weekly(cycle.Week, tenantId);
        var pulse = await pulses.GetAsync(pulseId, cancellationToken);
        if (pulse is null)
        {
            var chosen = await ChooseQuestionsAsync(tenantId, cycle.Week, cancellationToken);
            if (chosen.Count == 0)
            {
                LogEmptyBank(logger);
                // One notice a day while it lasts: this pass runs every minute of the opening window.
                await notices.RecordAsync(tenantId, NoticeKind.PulseNotOpened, $"{cycle.Week}:{now.UtcDateTime:yyyy-MM-dd}",
                    $"The pulse of {cycle.Week} could not open: the question bank has no active questions. Import or reactivate questions with the questions command; FocusBot tries again every minute until the pulse would have closed.",
                    cancellationToken);
                return;
            }

            pulse = await pulses.CreateAsync(new Pulse
            {
                Id = pulseId,
                TenantId = tenantId,
                QuestionIds = chosen,
                OpensAt = cycle.FirstSend,
                ClosesAt = cycle.ClosesAt,
                Status = PulseStatus.Scheduled,
            }, cancellationToken) ?? await pulses.GetAsync(pulseId, cancellationToken);
        }

        // Scheduled means the ledger may be incomplete (a crash between creating the pulse and writing its rows): write it
        // again; rows that exist are left alone.
        if (pulse is not { Status: PulseStatus.Scheduled })
            return;
        await RefreshRostersAsync(tenantId, cancellationToken);
        var recipients = await fanOut.ListStaffAsync(tenantId, cancellationToken);
        var added = await fanOut.EnqueueAsync(PulseContent.LedgerOf(pulse), recipients, r => _calendar.SendTimeFor(cycle, r.TimeZone), cancellationToken);
        await pulses.UpdateAsync(pulse with { Status = PulseStatus.Sending }, cancellationToken);
        fanOut.Wake();
        LogOpened(logger, pulse.Id, added);
    }

    /// <summary>This cycle's questions for the tenant, avoiding those asked recently; <see cref="PulseNow"/> asks the same way.</summary>
    internal async Task<IReadOnlyList<string>> ChooseQuestionsAsync(string tenantId, string week, CancellationToken cancellationToken)
    {
        var bank = await questions.ListAsync(includeInactive: false, cancellationToken);
        var recent = (await pulses.ListRecentAsync(options.Value.NoRepeatWeeks * 4, cancellationToken))
            .Where(p => p.TenantId == tenantId).Take(options.Value.NoRepeatWeeks).Select(p => p.QuestionIds).ToList();
        var chosen = QuestionRotation.Choose(bank, recent, options.Value.Size, options.Value.NoRepeatWeeks, week);
        return chosen.Count == 0 ? chosen : await PulseBank.WithVoiceAsync(pulses, tenantId, chosen, bank, options.Value.VoiceEvery, cancellationToken);
    }

    private async Task RefreshRostersAsync(string tenantId, CancellationToken cancellationToken)
    {
        var teams = new Dictionary<string, ConversationRecord>(StringComparer.Ordinal);
        await foreach (var channel in conversations.ListTeamsAsync(cancellationToken))
        {
            if (channel.TenantId == tenantId && channel.TeamId is { } teamId)
                teams.TryAdd(teamId, channel);
        }

        // A team Teams cannot list keeps its stored roster and holds up nobody else's pulse.
        foreach (var install in teams.Values)
            _ = await rosterSync.RefreshAsync(install, cancellationToken);
    }

    private async Task RemindAsync(Pulse pulse, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reminders = options.Value.Reminders.Take(2).ToArray();
        var answered = await answeredMarks.ListAsync(pulse.Id, cancellationToken);
        await foreach (var delivery in deliveries.ListAsync(PulseContent.LedgerOf(pulse), DeliveryStatus.Sent, cancellationToken))
        {
            var askedFor = delivery.RemindLaterAt is { } later && now >= later;
            var scheduled = delivery.RemindersSent < reminders.Length && now >= SentAt(delivery) + reminders[delivery.RemindersSent];
            // A scheduled reminder falling due while the person's "Remind me later" is pending waits for it: they asked for later.
            if (scheduled && delivery.RemindLaterAt is { } pending && now < pending)
                scheduled = false;
            if (!(askedFor || scheduled) || await settings.IsPausedAsync(delivery.TenantId, delivery.UserId, cancellationToken))
                continue;

            // One message at a time: the asked-for reminder also stands for scheduled ones that fell due while it was pending;
            // scheduled reminders due later still come.
            var remindersSent = delivery.RemindersSent;
            if (!askedFor)
                remindersSent++;
            while (askedFor && remindersSent < reminders.Length && now >= SentAt(delivery) + reminders[remindersSent])
                remindersSent++;

            Delivery claimed;
            try
            {
                // Count the reminder first: a crash after this loses one reminder rather than sending it twice.
                claimed = await deliveries.UpdateAsync(delivery with
                {
                    RemindersSent = remindersSent,
                    RemindLaterAt = askedFor ? null : delivery.RemindLaterAt,
                    UpdatedAt = now,
                }, cancellationToken);
            }
            catch (ConcurrencyException)
            {
                continue; // answered meanwhile
            }

            // Those who answered have their reminder slot counted like everyone else's, just not sent: a ledger where only
            // non-answerers' rows moved would tell who answered.
            if (HasAnswered(answered, pulse, delivery) || await TargetAsync(claimed, cancellationToken) is not { } target)
                continue;
            try
            {
                var opening = askedFor ? "A reminder, as you asked" : "A reminder";
                await connector.SendToConversationAsync(target, Activity.CreateTextMessage(
                    $"{opening}: your weekly customer pulse is waiting above. It takes a minute and closes on {pulse.ClosesAt:dddd d MMMM}."), cancellationToken);
            }
            catch (Exception ex) when (ConnectorFailure.IsFailedCall(ex))
            {
                LogReminderFailed(logger, ConnectorFailure.Describe(ex));
            }
        }
    }

    private async Task CloseAsync(Pulse pulse, CancellationToken cancellationToken)
    {
        var closed = await pulses.UpdateAsync(pulse with { Status = PulseStatus.Closed }, cancellationToken);
        var answered = await answeredMarks.ListAsync(pulse.Id, cancellationToken);
        var updated = 0;
        foreach (var status in new[] { DeliveryStatus.Sent, DeliveryStatus.Answered })
        {
            await foreach (var delivery in deliveries.ListAsync(PulseContent.LedgerOf(closed), status, cancellationToken))
            {
                if (delivery.ActivityId is null || await TargetAsync(delivery, cancellationToken) is not { } target)
                    continue;
                try
                {
                    // Answered rows are from before answered markers; they still mean what they said.
                    var card = PulseCard.Closed(closed.ClosesAt, status == DeliveryStatus.Answered || HasAnswered(answered, closed, delivery)).ToJsonElement();
                    await connector.UpdateActivityAsync(target, delivery.ActivityId, Activity.CreateCardMessage(card), cancellationToken);
                    updated++;
                }
                catch (Exception ex) when (ConnectorFailure.IsFailedCall(ex))
                {
                    LogReminderFailed(logger, ConnectorFailure.Describe(ex));
                }
            }
        }

        LogClosed(logger, closed.Id, updated);
    }

    // Reminders count from when the person's card really left: someone sent late (a late joiner, a long fan-out, catch-up
    // after an outage) is not reminded minutes after their card. Rows sent before SentAt was kept fall back to their send time.
    private static DateTimeOffset SentAt(Delivery delivery) => delivery.SentAt ?? delivery.SendAfter;

    private bool HasAnswered(IReadOnlySet<string> answered, Pulse pulse, Delivery delivery) =>
        answered.Contains(pseudonyms.AnsweredMarker(pulse.Id, delivery.RecipientKey));

    private async Task<ConversationTarget?> TargetAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var chat = delivery.ConversationId is { } id
            ? await conversations.GetAsync(delivery.TenantId, id, cancellationToken)
            : await conversations.GetPersonalForUserAsync(delivery.TenantId, delivery.UserId, cancellationToken);
        return chat is null ? null : new ConversationTarget(chat.ServiceUrl, chat.TenantId, chat.ConversationId);
    }

    private async Task<IReadOnlySet<string>> TenantsAsync(CancellationToken cancellationToken)
    {
        var tenants = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var chat in conversations.ListPersonalAsync(null, cancellationToken))
            tenants.Add(chat.TenantId);
        await foreach (var team in conversations.ListTeamsAsync(cancellationToken))
            tenants.Add(team.TenantId);
        return tenants;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pulse {PulseId} opened: {Count} recipients queued")]
    private static partial void LogOpened(ILogger logger, string pulseId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pulse {PulseId} closed: {Count} cards updated")]
    private static partial void LogClosed(ILogger logger, string pulseId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No active questions: no pulse opened")]
    private static partial void LogEmptyBank(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder or close update failed ({Error})")]
    private static partial void LogReminderFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pulse scheduler could not {Step} a pulse ({Error}); trying again on the next pass")]
    private static partial void LogStepFailed(ILogger logger, string step, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pulse scheduler pass failed ({Error}); retrying in a minute")]
    private static partial void LogPassFailed(ILogger logger, string error);
}
