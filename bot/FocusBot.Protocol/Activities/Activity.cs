using System.Text.Json;
using System.Text.Json.Serialization;

namespace FocusBot.Protocol.Activities;

/// <summary>A Bot Framework activity: one flat record for every type, keeping fields it does not model.</summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? LocalTimezone { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? TextFormat { get; init; }
    public string? AttachmentLayout { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public IReadOnlyList<MessageReaction>? ReactionsAdded { get; init; }
    public IReadOnlyList<MessageReaction>? ReactionsRemoved { get; init; }
    public string? Locale { get; init; }
    public string? Text { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public string? Action { get; init; }
    public string? ReplyToId { get; init; }
    public JsonElement? Value { get; init; }
    public string? Name { get; init; }

    // set, not init, here and on every wire record: the source generator fills init properties through the
    // constructor, where extension data cannot bind.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The tenant: Teams puts it in conversation.tenantId and, historically only, in channelData.tenant.id.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;

    /// <summary>The sender's IANA time zone, from localTimezone or the clientInfo entity.</summary>
    [JsonIgnore]
    public string? SenderTimeZone =>
        LocalTimezone ?? Entities?.FirstOrDefault(e => e.Type == EntityTypes.ClientInfo)?.GetString("timezone");

    /// <summary>Text with the bot's own @mention removed, as typed by the person.</summary>
    public string? TextWithoutBotMention()
    {
        if (Text is null) return null;
        var text = Text;
        foreach (var mention in Entities?.Where(e => e.Type == EntityTypes.Mention) ?? [])
        {
            if (mention.GetMentioned()?.Id == Recipient?.Id && mention.GetString("text") is { Length: > 0 } mentionText)
                text = text.Replace(mentionText, string.Empty, StringComparison.Ordinal);
        }

        // Teams wraps mentions in <at> tags; a client that sends no entity still sends the tags.
        return text.Trim();
    }

    /// <summary>The reference to keep for messaging this conversation later.</summary>
    public ConversationReference ToConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation is null ? null : Conversation with { TenantId = TenantId },
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    /// <summary>A message activity carrying one Adaptive Card.</summary>
    public static Activity CreateCardMessage(JsonElement card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }],
    };

    public static Activity CreateTextMessage(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" };
}
