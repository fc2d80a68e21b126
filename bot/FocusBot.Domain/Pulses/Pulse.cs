namespace FocusBot.Domain.Pulses;

/// <summary>One round of questions sent to staff, e.g. the pulse of ISO week 2026-W48.</summary>
public sealed record Pulse
{
    /// <summary>
    /// Unique across tenants and starting with the ISO week, e.g. "2026-W48.{tenant}" for a week's pulse; built only by
    /// <see cref="PulseIds"/>.
    /// </summary>
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required IReadOnlyList<string> QuestionIds { get; init; }

    public required DateTimeOffset OpensAt { get; init; }

    public required DateTimeOffset ClosesAt { get; init; }

    public required PulseStatus Status { get; init; }

    /// <summary>Opaque version of the stored pulse; null before it is stored.</summary>
    public string? ETag { get; init; }
}
