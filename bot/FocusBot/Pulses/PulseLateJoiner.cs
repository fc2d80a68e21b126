using FocusBot.Messaging;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;
using Microsoft.Extensions.Options;

namespace FocusBot.Pulses;

/// <summary>
/// Someone who installs FocusBot while a pulse is open gets that pulse too. Its ledger was written when it opened, before
/// they could be reached, so they join it: at their own local send time, or at once if that has passed.
/// </summary>
public sealed partial class PulseLateJoiner(PulseBank bank, FanOut fanOut, IOptions<PulseOptions> options, TimeProvider timeProvider,
    ILogger<PulseLateJoiner> logger) : IConversationChangeHandler
{
    private readonly PulseCalendar _calendar = new(options.Value);

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity is not { Type: ActivityTypes.InstallationUpdate, Action: InstallationActions.Add, From.Id: { } userId }
            || activity.Conversation?.ConversationType is not (ConversationTypes.Personal or null)
            || await bank.OpenPulseAsync(turn.TenantId, timeProvider.GetUtcNow(), cancellationToken) is not { } pulse)
            return;

        // The pulse opens at its cycle's first send instant, so that instant names the cycle.
        var cycle = _calendar.CycleAt(pulse.OpensAt);
        var recipient = new Recipient(turn.TenantId, userId, activity.From.AadObjectId, turn.Conversation.ServiceUrl,
            turn.Conversation.ConversationId, activity.SenderTimeZone);
        var added = await fanOut.EnqueueAsync(PulseContent.LedgerOf(pulse), [recipient], r => _calendar.SendTimeFor(cycle, r.TimeZone), cancellationToken);
        if (added > 0)
        {
            fanOut.Wake();
            LogJoined(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A new installation joined the open pulse")]
    private static partial void LogJoined(ILogger logger);
}
