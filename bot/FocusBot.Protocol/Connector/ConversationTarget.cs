namespace FocusBot.Protocol.Connector;

/// <summary>Where a conversation lives: the service URL Teams gave us, its tenant and its id.</summary>
public sealed record ConversationTarget(string ServiceUrl, string TenantId, string ConversationId);
