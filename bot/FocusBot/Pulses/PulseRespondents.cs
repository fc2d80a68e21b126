using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Privacy;

namespace FocusBot.Pulses;

/// <summary>
/// Who has answered a pulse, as reminders and the close pass ask it: the pulse's answered markers (an HMAC of pulse and
/// recipient, no user id), since answering leaves the delivery row alone.
/// </summary>
public sealed class PulseRespondents(IAnsweredMarkStore answeredMarks, Pseudonyms pseudonyms)
{
    /// <summary>Reads the pulse's markers once; the result tells, row by row, whose card was answered.</summary>
    public async Task<Func<Delivery, bool>> ReadAsync(Pulse pulse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        var markers = await answeredMarks.ListAsync(pulse.Id, cancellationToken);
        return delivery => markers.Contains(pseudonyms.AnsweredMarker(pulse.Id, delivery.RecipientKey));
    }
}
