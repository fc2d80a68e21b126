using FocusBot.Domain.Pulses;
using FocusBot.Proactive;
using Microsoft.Extensions.Options;

namespace FocusBot.Pulses;

/// <summary>
/// Opens a pulse for a tenant at once, for everyone FocusBot can reach, instead of at each person's local send time:
/// this week's pulse, under the id the scheduler gives it (so the scheduler does not open a second one this week), or,
/// when this week's is already there, a further pulse, so that everyone gets a card now (a card sent earlier may be in a
/// chat the person no longer sees: the Agents Playground forgets its chat on every page load). The cards leave through
/// the same ledger, fan-out and sender as the weekly pulse; people who install FocusBot while it is open get it at once
/// too (<see cref="PulseLateJoiner"/>).
/// </summary>
/// <remarks>
/// Kept apart from <see cref="PulseOpener"/>, whose question choice (<see cref="PulseQuestions"/>) it shares, so the weekly
/// rhythm stays one piece. Rosters are not refreshed first: opening now should not wait on Teams for every team.
/// </remarks>
public sealed partial class PulseNow(
    IOptions<PulseOptions> options,
    IPulseStore pulses,
    PulseQuestions questions,
    FanOut fanOut,
    TimeProvider timeProvider,
    ILogger<PulseNow> logger)
{
    private readonly PulseCalendar _calendar = new(options.Value.ToSchedule());

    /// <summary>Opens the pulse and queues a card for everyone at once; returns the pulse and how many were queued.</summary>
    public async Task<PulseNowResult?> OpenAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var cycle = _calendar.CycleAt(now);
        var weekly = PulseIds.Weekly(cycle.Week, tenantId);
        var id = await pulses.GetAsync(weekly, cancellationToken) is null
            ? weekly
            : PulseIds.OpenedNow(cycle.Week, now, tenantId);
        var chosen = await questions.ChooseAsync(tenantId, cycle.Week, cancellationToken);
        if (chosen.Count == 0)
        {
            LogEmptyBank(logger);
            return null;
        }

        var opened = new Pulse
        {
            Id = id,
            TenantId = tenantId,
            QuestionIds = chosen,
            OpensAt = now,
            ClosesAt = now.AddDays(options.Value.CloseAfterDays),
            // Sending at once, not Scheduled: the scheduler would take a Scheduled pulse as its own to finish.
            Status = PulseStatus.Sending,
        };
        // Should the scheduler open this week's pulse at this very moment, that one is used: it is as new to everyone.
        var pulse = await pulses.CreateAsync(opened, cancellationToken) ?? await pulses.GetAsync(id, cancellationToken) ?? opened;

        // A Scheduled pulse is the scheduler's, busy writing its ledger: rows written here first go at once, and it marks
        // the pulse Sending.
        var recipients = await fanOut.ListStaffAsync(tenantId, cancellationToken);
        var added = await fanOut.EnqueueAsync(PulseContent.LedgerOf(pulse), recipients, now, cancellationToken);
        LogOpened(logger, pulse.Id, added);
        return new PulseNowResult(pulse, added);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pulse {PulseId} opened now: {Count} recipients queued to be sent at once")]
    private static partial void LogOpened(ILogger logger, string pulseId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No active questions: no pulse opened")]
    private static partial void LogEmptyBank(ILogger logger);
}

/// <summary>The pulse <see cref="PulseNow"/> opened and how many cards it queued.</summary>
public sealed record PulseNowResult(Pulse Pulse, int Queued);
