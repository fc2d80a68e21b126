namespace FocusBot.Domain.Conversations;

/// <summary>
/// What FocusBot must remember about a conversation to message it proactively later: where the Connector lives
/// (ServiceUrl), who the bot is there, and for a personal chat whose chat it is.
/// </summary>
public sealed record ConversationRecord
{
    public required string TenantId { get; init; }

    public required string ConversationId { get; init; }

    public required ConversationKind Kind { get; init; }

    public required string ServiceUrl { get; init; }

    public string ChannelId { get; init; } = "msteams";

    public required string BotId { get; init; }

    public string? BotName { get; init; }

    /// <summary>The Teams user id ("29:...") of a personal chat's user.</summary>
    public string? UserId { get; init; }

    public string? UserAadObjectId { get; init; }

    public string? UserName { get; init; }

    public string? TeamId { get; init; }

    public string? TeamName { get; init; }

    public string? ChannelName { get; init; }

    /// <summary>IANA time zone, as Teams reports it on each activity.</summary>
    public string? TimeZone { get; init; }

    public string? Locale { get; init; }

    public required DateTimeOffset InstalledAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
