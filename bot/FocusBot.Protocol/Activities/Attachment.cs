using System.Text.Json;
using System.Text.Json.Serialization;

namespace FocusBot.Protocol.Activities;

/// <summary>An attachment; for cards the content is the card JSON, kept raw so Protocol never depends on a card model.</summary>
public sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; init; }
    public string? ContentUrl { get; init; }
    public JsonElement? Content { get; init; }
    public string? Name { get; init; }
    public string? ThumbnailUrl { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
