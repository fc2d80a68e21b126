using System.Text.Json;
using System.Text.Json.Serialization;

namespace FocusBot.Protocol.Activities;

/// <summary>An activity entity (mention, clientInfo, ...): the type plus every other field as raw JSON.</summary>
public sealed record Entity
{
    public string? Type { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    public string? GetString(string name) =>
        ExtensionData is not null && ExtensionData.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public ChannelAccount? GetMentioned() =>
        ExtensionData is not null && ExtensionData.TryGetValue("mentioned", out var value) && value.ValueKind == JsonValueKind.Object
            ? value.Deserialize(ProtocolJsonContext.Default.ChannelAccount)
            : null;

    /// <summary>A mention entity; <paramref name="text"/> must appear verbatim in the message or card.</summary>
    public static Entity CreateMention(ChannelAccount mentioned, string text) => new()
    {
        Type = EntityTypes.Mention,
        ExtensionData = new Dictionary<string, JsonElement>
        {
            ["text"] = JsonSerializer.SerializeToElement(text, ProtocolJsonContext.Default.String),
            ["mentioned"] = JsonSerializer.SerializeToElement(
                new ChannelAccount { Id = mentioned.Id, Name = mentioned.Name }, ProtocolJsonContext.Default.ChannelAccount),
        },
    };
}
