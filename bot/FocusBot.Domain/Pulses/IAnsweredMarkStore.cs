namespace FocusBot.Domain.Pulses;

/// <summary>
/// Who answered a pulse, in a form only the bot can read: one opaque marker per answering recipient (a keyed hash of
/// pulse and recipient computed outside storage), with no user id and no time. Reminders and the close pass check it;
/// answering never touches the delivery ledger, whose rows hold the user id in clear.
/// </summary>
public interface IAnsweredMarkStore
{
    /// <summary>Records the marker; recording it again changes nothing.</summary>
    Task AddAsync(string pulseId, string marker, CancellationToken cancellationToken);

    /// <summary>Every marker of the pulse.</summary>
    Task<IReadOnlySet<string>> ListAsync(string pulseId, CancellationToken cancellationToken);
}
