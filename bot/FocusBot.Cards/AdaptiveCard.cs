using System.Text.Json;
using System.Text.Json.Serialization;

namespace FocusBot.Cards;

/// <summary>An Adaptive Card (the subset FocusBot sends), serialized with <see cref="CardJsonContext"/>.</summary>
public sealed record AdaptiveCard
{
    /// <summary>1.5: the newest version Teams renders in bot messages, and the first with everything we use.</summary>
    public const string CurrentVersion = "1.5";

    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyName("$schema")]
    public string Schema { get; init; } = "http://adaptivecards.io/schemas/adaptive-card.json";

    public string Type { get; init; } = "AdaptiveCard";

    public string Version { get; init; } = CurrentVersion;

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Shown by clients that cannot render the card.</summary>
    public string? FallbackText { get; init; }

    /// <summary>Asks Teams to fetch the card anew whenever it is shown, so an old card shows the current state.</summary>
    public CardRefresh? Refresh { get; init; }

    /// <summary>Teams-only extensions: full width and mention entities.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardProperties? Teams { get; init; }

    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(this, CardJsonContext.Default.AdaptiveCard);

    public byte[] ToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(this, CardJsonContext.Default.AdaptiveCard);
}

/// <summary>
/// The card's <c>refresh</c>: the Action.Execute Teams invokes when it shows the card, replacing it with the answer.
/// Without <c>userIds</c> Teams refreshes it automatically in chats of up to 60 people, a personal chat included, so the
/// card need name nobody.
/// </summary>
public sealed record CardRefresh(CardAction Action);

/// <summary>The card's <c>msteams</c> property.</summary>
public sealed record TeamsCardProperties
{
    public string? Width { get; init; }

    public IReadOnlyList<CardMention>? Entities { get; init; }
}

/// <summary>A mention inside a card: <see cref="Text"/> (e.g. "&lt;at&gt;Megan&lt;/at&gt;") must appear in a TextBlock.</summary>
public sealed record CardMention(string Text, CardMentioned Mentioned)
{
    public string Type { get; init; } = "mention";
}

/// <summary>Who a card mention points at.</summary>
public sealed record CardMentioned(string Id, string Name);
