namespace FocusBot.Domain.Pulses;

/// <summary>One round of questions sent to staff, e.g. the pulse of ISO week 2026-W48.</summary>
public sealed record Pulse
{
    /// <summary>Unique id that sorts by time, e.g. "2026-W48".</summary>
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required IReadOnlyList<string> QuestionIds { get; init; }

    public required DateTimeOffset OpensAt { get; init; }

    public required DateTimeOffset ClosesAt { get; init; }

    public required PulseStatus Status { get; init; }

    public int RemindersSent { get; init; }

    /// <summary>Opaque version of the stored pulse; null before it is stored.</summary>
    public string? ETag { get; init; }
}
