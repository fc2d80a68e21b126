namespace FocusBot.ConnectorSimulator.Recording;

/// <summary>One successful create-conversation call (repeats for the same user are recorded again, same id).</summary>
public sealed record CreatedConversation(string ConversationId, string TenantId, string UserId, string? BotId, DateTimeOffset Time);
