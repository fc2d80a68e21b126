using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Settings;
using FocusBot.Domain.Storage;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace FocusBot.Pulses;

/// <summary>
/// Reminds those who have not answered an open pulse, at most twice (<see cref="PulseOptions.Reminders"/>) and once more
/// when they asked with "Remind me later" (<see cref="ReminderSchedule"/>); nobody who paused their pulses.
/// </summary>
public sealed partial class PulseReminder(
    IOptions<PulseOptions> options,
    IDeliveryStore deliveries,
    PulseRespondents respondents,
    ISettingsStore settings,
    DeliveryChats chats,
    ConnectorClient connector,
    ILogger<PulseReminder> logger)
{
    public async Task RemindAsync(Pulse pulse, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reminders = options.Value.Reminders.Take(2).ToArray();
        var hasAnswered = await respondents.ReadAsync(pulse, cancellationToken);
        await foreach (var delivery in deliveries.ListAsync(PulseContent.LedgerOf(pulse), DeliveryStatus.Sent, cancellationToken))
        {
            if (ReminderSchedule.DueAt(delivery, reminders, now) is not { } due || await settings.IsPausedAsync(delivery.TenantId, delivery.UserId, cancellationToken))
                continue;

            Delivery claimed;
            try
            {
                // Count the reminder first: a crash after this loses one reminder rather than sending it twice.
                claimed = await deliveries.UpdateAsync(delivery with
                {
                    RemindersSent = due.RemindersSent,
                    RemindLaterAt = due.AskedFor ? null : delivery.RemindLaterAt,
                    UpdatedAt = now,
                }, cancellationToken);
            }
            catch (ConcurrencyException)
            {
                continue; // answered meanwhile
            }

            // Those who answered have their reminder slot counted like everyone else's, just not sent: a ledger where only
            // non-answerers' rows moved would tell who answered.
            if (hasAnswered(delivery) || await chats.FindAsync(claimed, cancellationToken) is not { } target)
                continue;
            try
            {
                var opening = due.AskedFor ? "A reminder, as you asked" : "A reminder";
                await connector.SendToConversationAsync(target, Activity.CreateTextMessage(
                    $"{opening}: your weekly customer pulse is waiting above. It takes a minute and closes on {pulse.ClosesAt:dddd d MMMM}."), cancellationToken);
            }
            catch (Exception ex) when (ConnectorFailure.IsFailedCall(ex))
            {
                LogReminderFailed(logger, ConnectorFailure.Describe(ex));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder or close update failed ({Error})")]
    private static partial void LogReminderFailed(ILogger logger, string error);
}
