using System.Text.Json;
using System.Text.Json.Serialization;
using FocusBot.Protocol.Activities;

namespace FocusBot.Protocol.Connector;

/// <summary>The id the Connector gives a sent or updated activity.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The body of create conversation; Teams accepts only a 1:1 with one member and the tenant.</summary>
public sealed record ConversationParameters
{
    public bool IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public JsonElement? ChannelData { get; init; }
}

/// <summary>The answer to create conversation.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>One page of conversation members.</summary>
public sealed record PagedMembersResult(string? ContinuationToken, IReadOnlyList<ChannelAccount>? Members);

/// <summary>The channels of a team.</summary>
public sealed record ConversationList(IReadOnlyList<ChannelInfo>? Conversations);

/// <summary>A channel of a team.</summary>
public sealed record ChannelInfo(string? Id, string? Name)
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
