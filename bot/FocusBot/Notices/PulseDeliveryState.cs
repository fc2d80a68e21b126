using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;

namespace FocusBot.Notices;

/// <summary>Where the tenant's current pulse stands, in counts only: nothing here says who was sent it or who answered.</summary>
public sealed record PulseDeliveryState(Pulse Pulse, int Sent, int Waiting, int Blocked, int Failed, int Paused, int Answered)
{
    /// <summary>What FocusBot calls a failure it skipped on purpose (the person paused FocusBot), set by the delivery sender.</summary>
    private const string Skipped = "skipped";

    public static async Task<PulseDeliveryState> ReadAsync(Pulse pulse, IDeliveryStore deliveries, IAnsweredMarkStore answeredMarks,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(answeredMarks);
        var ledger = LedgerIds.Of(pulse);
        var counts = await deliveries.CountByStatusAsync(ledger, cancellationToken);
        int Count(DeliveryStatus status) => counts.TryGetValue(status, out var n) ? n : 0;
        var paused = 0;
        if (Count(DeliveryStatus.Failed) > 0)
        {
            await foreach (var failed in deliveries.ListAsync(ledger, DeliveryStatus.Failed, cancellationToken))
            {
                if (failed.FailureReason == Skipped)
                    paused++;
            }
        }

        // Rows marked Answered predate answered markers; they still mean sent and answered.
        var answered = (await answeredMarks.ListAsync(pulse.Id, cancellationToken)).Count + Count(DeliveryStatus.Answered);
        return new PulseDeliveryState(pulse, Count(DeliveryStatus.Sent) + Count(DeliveryStatus.Answered), Count(DeliveryStatus.Pending) + Count(DeliveryStatus.Sending),
            Count(DeliveryStatus.Blocked), Count(DeliveryStatus.Failed) - paused, paused, answered);
    }
}
