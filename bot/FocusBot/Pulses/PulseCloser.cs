using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;

namespace FocusBot.Pulses;

/// <summary>Closes a pulse whose time is up and turns every card it delivered to "closed" (answered or not).</summary>
public sealed partial class PulseCloser(
    IPulseStore pulses,
    IDeliveryStore deliveries,
    PulseRespondents respondents,
    DeliveryChats chats,
    ConnectorClient connector,
    ILogger<PulseCloser> logger)
{
    public async Task CloseAsync(Pulse pulse, CancellationToken cancellationToken)
    {
        var closed = await pulses.UpdateAsync(pulse with { Status = PulseStatus.Closed }, cancellationToken);
        var hasAnswered = await respondents.ReadAsync(closed, cancellationToken);
        var updated = 0;
        foreach (var status in new[] { DeliveryStatus.Sent, DeliveryStatus.Answered })
        {
            await foreach (var delivery in deliveries.ListAsync(PulseContent.LedgerOf(closed), status, cancellationToken))
            {
                if (delivery.ActivityId is null || await chats.FindAsync(delivery, cancellationToken) is not { } target)
                    continue;
                try
                {
                    // Answered rows are from before answered markers; they still mean what they said.
                    var card = PulseCard.Closed(closed.ClosesAt, status == DeliveryStatus.Answered || hasAnswered(delivery)).ToJsonElement();
                    await connector.UpdateActivityAsync(target, delivery.ActivityId, Activity.CreateCardMessage(card), cancellationToken);
                    updated++;
                }
                catch (Exception ex) when (ConnectorFailure.IsFailedCall(ex))
                {
                    LogUpdateFailed(logger, ConnectorFailure.Describe(ex));
                }
            }
        }

        LogClosed(logger, closed.Id, updated);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pulse {PulseId} closed: {Count} cards updated")]
    private static partial void LogClosed(ILogger logger, string pulseId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder or close update failed ({Error})")]
    private static partial void LogUpdateFailed(ILogger logger, string error);
}
