namespace FocusBot.Protocol.Connector;

/// <summary>The Connector operations Teams rate-limits separately.</summary>
public enum ConnectorOperation
{
    SendMessage,
    CreateConversation,
    GetMembers,
    GetConversations,
}
