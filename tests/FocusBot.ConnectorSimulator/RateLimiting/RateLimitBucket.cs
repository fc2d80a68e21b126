namespace FocusBot.ConnectorSimulator.RateLimiting;

/// <summary>Which per-key table applies to an operation, on top of the global per-tenant limit.</summary>
internal enum RateLimitBucket
{
    GlobalOnly,
    Send,
    CreateConversation,
    GetMembers,
    GetTeam,
}
