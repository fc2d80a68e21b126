namespace FocusBot.Proactive;

/// <summary>Someone FocusBot can message proactively: where their chat lives, or the service to create it through.</summary>
public sealed record Recipient(string TenantId, string UserId, string? AadObjectId, string ServiceUrl, string? ConversationId, string? TimeZone);
