namespace FocusBot.Domain.Deliveries;

/// <summary>
/// One recipient's row in a delivery ledger. Each thing sent to many people has a ledger (a pulse, an insight, a
/// recognition; see <see cref="LedgerIds"/>) with one row per recipient, so a restart skips no one. Delivery is at least
/// once: a send whose outcome is unknown is repeated and counted in <see cref="UncertainSends"/>.
/// </summary>
public sealed record Delivery
{
    /// <summary>
    /// The ledger this row belongs to, "{kind}:{id}" (<see cref="LedgerIds"/>): a pulse's, an insight's or a recognition's.
    /// Both stores keep it under its first name, PulseId (the SQLite column pulse_id), from when only pulses had ledgers.
    /// </summary>
    public required string LedgerId { get; init; }

    /// <summary>Identifies the recipient within the ledger; build it with <see cref="RecipientKeys.For"/>.</summary>
    public required string RecipientKey { get; init; }

    public required string TenantId { get; init; }

    public required string UserId { get; init; }

    public string? ConversationId { get; init; }

    public required DeliveryStatus Status { get; init; }

    /// <summary>Id of the sent card activity, so it can be updated or refreshed later.</summary>
    public string? ActivityId { get; init; }

    public string? FailureReason { get; init; }

    public int Attempts { get; init; }

    /// <summary>The recipient's local send time, in UTC.</summary>
    public required DateTimeOffset SendAfter { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the card actually left (Teams accepted it); reminders count from here. Null until then.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>
    /// Times the message was sent again after an attempt whose outcome was unknown (a timeout, 412, 502 or 504, or a
    /// sender that died mid-send): each may have reached the person, so each is a possible duplicate.
    /// </summary>
    public int UncertainSends { get; init; }

    /// <summary>Scheduled reminders sent so far (Pulse:Reminders); "Remind me later" does not count here.</summary>
    public int RemindersSent { get; init; }

    /// <summary>When the one reminder the person asked for with "Remind me later" falls due; null when none is pending.</summary>
    public DateTimeOffset? RemindLaterAt { get; init; }

    /// <summary>Opaque version of the stored delivery; null before it is stored.</summary>
    public string? ETag { get; init; }

    /// <summary>
    /// A row addressed to a conversation itself (a post in a team channel) rather than to a person: such a row names the
    /// conversation as its <see cref="UserId"/> too, and is sent there or nowhere.
    /// </summary>
    public bool IsToConversation => ConversationId is not null && string.Equals(UserId, ConversationId, StringComparison.Ordinal);
}
