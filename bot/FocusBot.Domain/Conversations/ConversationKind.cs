namespace FocusBot.Domain.Conversations;

public enum ConversationKind
{
    Personal,
    Channel,
    GroupChat,
}
