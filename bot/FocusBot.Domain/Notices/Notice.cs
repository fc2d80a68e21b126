namespace FocusBot.Domain.Notices;

/// <summary>
/// Something that went wrong which an Admin or HR person should know about (a digest not delivered, a pulse that could
/// not open). The text is written by FocusBot and holds no personal data and no answer content: counts, weeks, times.
/// </summary>
public sealed record Notice
{
    /// <summary>The tenant of notices about the whole installation (the store, for instance) rather than one tenant.</summary>
    public const string AllTenants = "focusbot-global";

    /// <summary>
    /// Names the occurrence, so recording the same one again (a check that runs every minute) keeps one notice: e.g.
    /// "pulse-not-opened:2026-W49".
    /// </summary>
    public required string Id { get; init; }

    /// <summary>The tenant it concerns, or <see cref="AllTenants"/>.</summary>
    public required string TenantId { get; init; }

    public required NoticeKind Kind { get; init; }

    public required string Text { get; init; }

    public required DateTimeOffset At { get; init; }
}
