using System.Globalization;
using FocusBot.Domain.Deliveries;
using FocusBot.Proactive;

namespace FocusBot.Insights;

/// <summary>
/// The delivery ledgers of an insight: its personal chats ("insight:{id}", as before targeting), its channel posts
/// ("insight-channel:{id}", one row per channel, addressed to the channel itself), the messages each edit replaces
/// ("insight-edit:{id}.{revision}") and those a recall deletes ("insight-recall:{id}"). People and channels have ledgers
/// of their own so that reach counts people, and a notice about people unreachable counts nothing else.
/// </summary>
public static class InsightLedgers
{
    public const string PeopleKind = "insight";
    public const string ChannelKind = "insight-channel";
    public const string EditKind = "insight-edit";
    public const string RecallKind = "insight-recall";

    public static string People(string insightId) => LedgerIds.For(PeopleKind, insightId);

    public static string Channels(string insightId) => LedgerIds.For(ChannelKind, insightId);

    public static string Edit(string insightId, int revision) => LedgerIds.For(EditKind, string.Create(CultureInfo.InvariantCulture, $"{insightId}.{revision}"));

    public static string Recall(string insightId) => LedgerIds.For(RecallKind, insightId);

    /// <summary>The insight a ledger belongs to, and the revision an edit ledger carries (0 for the others).</summary>
    public static (string InsightId, int Revision) Parse(string ledgerId)
    {
        var id = LedgerIds.IdOf(ledgerId);
        if (LedgerIds.KindOf(ledgerId) != EditKind)
            return (id, 0);
        var dot = id.LastIndexOf('.');
        return dot > 0 && int.TryParse(id.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? (id[..dot], revision) : (id, 0);
    }

    /// <summary>What the rows of a ledger do in their chat.</summary>
    public static DeliveryOperation OperationOf(string ledgerId) => LedgerIds.KindOf(ledgerId) switch
    {
        EditKind => DeliveryOperation.Update,
        RecallKind => DeliveryOperation.Delete,
        _ => DeliveryOperation.Send,
    };
}
