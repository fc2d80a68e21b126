using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Storage;
using FocusBot.Messaging;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;
using Microsoft.Extensions.Options;

namespace FocusBot.Pulses;

/// <summary>
/// Someone who installs FocusBot while a pulse is open gets that pulse too. Its ledger was written when it opened, before
/// they could be reached, so they join it: at their own local send time, or at once if that has passed. Someone the
/// pulse could not reach (they had blocked or removed FocusBot, or every attempt failed) gets it when they install
/// FocusBot again or write to it: their row goes back to Pending once, and from then on it is sent, or fails, as any other.
/// </summary>
public sealed partial class PulseLateJoiner(PulseBank bank, FanOut fanOut, IDeliveryStore deliveries, IOptions<PulseOptions> options,
    TimeProvider timeProvider, ILogger<PulseLateJoiner> logger) : IConversationChangeHandler, IMessageObserver
{
    private readonly PulseCalendar _calendar = new(options.Value.ToSchedule());

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity is not { Type: ActivityTypes.InstallationUpdate, Action: InstallationActions.Add, From.Id: { } userId }
            || !IsPersonal(activity)
            || await bank.OpenPulseAsync(turn.TenantId, timeProvider.GetUtcNow(), cancellationToken) is not { } pulse)
            return;

        // The pulse opens at its cycle's first send instant, so that instant names the cycle. One opened at another
        // instant was opened for everyone at once (PulseNow): a late joiner gets it at once too.
        var cycle = _calendar.CycleAt(pulse.OpensAt);
        var onCalendar = pulse.OpensAt == cycle.FirstSend;
        var recipient = new Recipient(turn.TenantId, userId, activity.From.AadObjectId, turn.Conversation.ServiceUrl,
            turn.Conversation.ConversationId, activity.SenderTimeZone);
        var added = await fanOut.EnqueueAsync(PulseContent.LedgerOf(pulse), [recipient],
            r => onCalendar ? _calendar.SendTimeFor(cycle, r.TimeZone) : pulse.OpensAt, cancellationToken);
        if (added > 0)
        {
            fanOut.Wake();
            LogJoined(logger);
            return;
        }

        await ReopenIfUnreachableAsync(turn, pulse, userId, cancellationToken);
    }

    public async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.From?.Id is not { } userId || !IsPersonal(turn.Activity)
            || await bank.OpenPulseAsync(turn.TenantId, timeProvider.GetUtcNow(), cancellationToken) is not { } pulse)
            return;
        await ReopenIfUnreachableAsync(turn, pulse, userId, cancellationToken);
    }

    private async Task ReopenIfUnreachableAsync(TurnContext turn, Pulse pulse, string userId, CancellationToken cancellationToken)
    {
        var row = await deliveries.GetAsync(PulseContent.LedgerOf(pulse), RecipientKeys.For(turn.TenantId, userId), cancellationToken);
        if (row is not { Status: DeliveryStatus.Blocked or DeliveryStatus.Failed })
            return;
        var now = timeProvider.GetUtcNow();
        try
        {
            await deliveries.UpdateAsync(row with
            {
                Status = DeliveryStatus.Pending,
                ConversationId = turn.Conversation.ConversationId,
                SendAfter = now,
                FailureReason = null,
                UpdatedAt = now,
            }, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            return; // the install and a message arrived together: the other one reopened it
        }

        fanOut.Wake();
        LogReachableAgain(logger);
    }

    private static bool IsPersonal(Activity activity) => activity.Conversation?.ConversationType is ConversationTypes.Personal or null;

    [LoggerMessage(Level = LogLevel.Information, Message = "A new installation joined the open pulse")]
    private static partial void LogJoined(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "A person the open pulse could not reach is reachable again; sending it")]
    private static partial void LogReachableAgain(ILogger logger);
}
