using FocusBot.Domain.Conversations;
using FocusBot.Protocol.Activities;

namespace FocusBot.Conversations;

/// <summary>Turns an inbound activity into the reference FocusBot keeps for messaging that conversation later.</summary>
public static class ConversationRecords
{
    public static ConversationRecord? FromActivity(Activity activity, DateTimeOffset now, ConversationRecord? existing)
    {
        if (activity.TenantId is not { Length: > 0 } tenantId || activity.Conversation?.Id is not { Length: > 0 } conversationId
            || activity.ServiceUrl is not { Length: > 0 } serviceUrl || activity.Recipient?.Id is not { Length: > 0 } botId)
            return null;
        var kind = activity.Conversation.ConversationType switch
        {
            ConversationTypes.Channel => ConversationKind.Channel,
            ConversationTypes.GroupChat => ConversationKind.GroupChat,
            _ => ConversationKind.Personal,
        };
        var personal = kind == ConversationKind.Personal;
        return new ConversationRecord
        {
            TenantId = tenantId,
            ConversationId = conversationId,
            Kind = kind,
            ServiceUrl = serviceUrl,
            ChannelId = activity.ChannelId ?? "msteams",
            BotId = botId,
            BotName = activity.Recipient.Name,
            UserId = personal ? activity.From?.Id : null,
            UserAadObjectId = personal ? activity.From?.AadObjectId : null,
            UserName = personal ? activity.From?.Name : null,
            TeamId = activity.ChannelData?.Team?.Id ?? existing?.TeamId,
            TeamName = activity.ChannelData?.Team?.Name ?? existing?.TeamName,
            ChannelName = activity.ChannelData?.Channel?.Name ?? activity.Conversation.Name ?? existing?.ChannelName,
            TimeZone = personal ? activity.SenderTimeZone ?? existing?.TimeZone : null,
            Locale = activity.Locale ?? existing?.Locale,
            InstalledAt = existing?.InstalledAt ?? now,
            UpdatedAt = now,
        };
    }
}
