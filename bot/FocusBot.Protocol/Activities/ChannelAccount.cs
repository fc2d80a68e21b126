using System.Text.Json;
using System.Text.Json.Serialization;

namespace FocusBot.Protocol.Activities;

/// <summary>A user or bot on a channel; the members APIs add the Teams fields.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? Email { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? TenantId { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A conversation: personal chat, group chat or channel (thread).</summary>
public sealed record ConversationAccount
{
    public bool? IsGroup { get; init; }
    public string? ConversationType { get; init; }
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? TenantId { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>What to persist to message a conversation proactively (spec A7550).</summary>
public sealed record ConversationReference
{
    public string? ActivityId { get; init; }
    public ChannelAccount? User { get; init; }
    public ChannelAccount? Bot { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ChannelId { get; init; }
    public string? Locale { get; init; }
    public string? ServiceUrl { get; init; }
}

/// <summary>A reaction on a message.</summary>
public sealed record MessageReaction
{
    public string? Type { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
