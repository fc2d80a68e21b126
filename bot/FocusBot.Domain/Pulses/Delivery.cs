namespace FocusBot.Domain.Pulses;

/// <summary>The fan-out ledger: one row per pulse and recipient, so a restart neither skips nor repeats anyone.</summary>
public sealed record Delivery
{
    public required string PulseId { get; init; }

    /// <summary>Identifies the recipient within the pulse; build it with <see cref="RecipientKeys.For"/>.</summary>
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

    /// <summary>Scheduled reminders sent so far (Pulse:Reminders); "Remind me later" does not count here.</summary>
    public int RemindersSent { get; init; }

    /// <summary>When the one reminder the person asked for with "Remind me later" falls due; null when none is pending.</summary>
    public DateTimeOffset? RemindLaterAt { get; init; }

    /// <summary>Opaque version of the stored delivery; null before it is stored.</summary>
    public string? ETag { get; init; }
}
