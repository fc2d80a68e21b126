using System.Text.Json.Serialization;

namespace FocusBot.Cards;

/// <summary>Source-generated JSON for cards: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
public sealed partial class CardJsonContext : JsonSerializerContext;
