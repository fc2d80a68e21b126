using FocusBot.Domain.Notices;
using FocusBot.Domain.Pulses;
using FocusBot.Notices;
using FocusBot.People;
using FocusBot.Proactive;
using Microsoft.Extensions.Options;

namespace FocusBot.Pulses;

/// <summary>
/// Opens a tenant's pulse of the cycle: an hour before the first person's send time it chooses the questions, refreshes
/// the team rosters and writes one ledger row per person at their local send time.
/// </summary>
public sealed partial class PulseOpener(
    IOptions<PulseOptions> options,
    IPulseStore pulses,
    PulseQuestions questions,
    TeamRosterSync rosters,
    FanOut fanOut,
    NoticeBoard notices,
    ILogger<PulseOpener> logger)
{
    private readonly PulseCalendar _calendar = new(options.Value.ToSchedule());

    /// <summary>Opens the pulse when it is due and not open yet; finishes a ledger that a crash left half written.</summary>
    public async Task OpenAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cycle = _calendar.CycleAt(now);
        // Open an hour before the first person's send time so the ledger is ready when their morning comes.
        if (!cycle.OnCadence || now < cycle.FirstSend - TimeSpan.FromHours(1) || now >= cycle.ClosesAt)
            return;
        var pulseId = PulseIds.Weekly(cycle.Week, tenantId);
        var pulse = await pulses.GetAsync(pulseId, cancellationToken);
        if (pulse is null)
        {
            var chosen = await questions.ChooseAsync(tenantId, cycle.Week, cancellationToken);
            if (chosen.Count == 0)
            {
                LogEmptyBank(logger);
                // One notice a day while it lasts: the scheduler tries every minute of the opening window.
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
        await rosters.RefreshTenantAsync(tenantId, cancellationToken);
        var recipients = await fanOut.ListStaffAsync(tenantId, cancellationToken);
        var added = await fanOut.EnqueueAsync(PulseContent.LedgerOf(pulse), recipients, r => _calendar.SendTimeFor(cycle, r.TimeZone), cancellationToken);
        await pulses.UpdateAsync(pulse with { Status = PulseStatus.Sending }, cancellationToken);
        fanOut.Wake();
        LogOpened(logger, pulse.Id, added);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pulse {PulseId} opened: {Count} recipients queued")]
    private static partial void LogOpened(ILogger logger, string pulseId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No active questions: no pulse opened")]
    private static partial void LogEmptyBank(ILogger logger);
}
