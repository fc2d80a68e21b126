using FocusBot.Domain.Pulses;

namespace FocusBot.Domain.Deliveries;

/// <summary>
/// Ids of delivery ledgers, "{kind}:{id}": one ledger per thing sent to many people (a pulse, an insight, a recognition),
/// the <see cref="Delivery.LedgerId"/> of each of its deliveries.
/// </summary>
public static class LedgerIds
{
    /// <summary>The kind of a pulse's ledger.</summary>
    public const string PulseKind = "pulse";

    /// <summary>The kind of a pulse's results ledger: the results card everyone the pulse reached gets once its week is sealed.</summary>
    public const string ResultsKind = "results";

    public static string For(string kind, string id) => $"{kind}:{id}";

    /// <summary>The ledger of a pulse's results cards. It names the people the pulse reached, so it goes when the pulse's own does.</summary>
    public static string ResultsOf(string pulseId) => For(ResultsKind, pulseId);

    /// <summary>The ledger of a pulse's deliveries.</summary>
    public static string Of(Pulse pulse)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        return For(PulseKind, pulse.Id);
    }

    public static string KindOf(string ledgerId) => ledgerId[..Math.Max(0, ledgerId.IndexOf(':', StringComparison.Ordinal))];

    public static string IdOf(string ledgerId) => ledgerId[(ledgerId.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
