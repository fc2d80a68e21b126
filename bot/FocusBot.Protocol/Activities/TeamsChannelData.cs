using System.Text.Json;
using System.Text.Json.Serialization;

namespace FocusBot.Protocol.Activities;

/// <summary>The Teams part of channelData.</summary>
public sealed record TeamsChannelData
{
    public TeamsChannelInfo? Channel { get; init; }
    public string? EventType { get; init; }
    public TeamInfo? Team { get; init; }
    public TenantInfo? Tenant { get; init; }
    public TeamsChannelDataSettings? Settings { get; init; }
    public TeamsNotification? Notification { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A Teams channel.</summary>
public sealed record TeamsChannelInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A Teams team; its id is also the General channel's conversation id.</summary>
public sealed record TeamInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadGroupId { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The tenant in channelData.</summary>
public sealed record TenantInfo
{
    public string? Id { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>channelData.settings: the channel chosen when the app was installed in a team.</summary>
public sealed record TeamsChannelDataSettings
{
    public TeamsChannelInfo? SelectedChannel { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>channelData.notification: whether Teams alerts the user for an outbound message.</summary>
public sealed record TeamsNotification
{
    public bool? Alert { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
