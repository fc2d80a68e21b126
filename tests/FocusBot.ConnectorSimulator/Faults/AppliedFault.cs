namespace FocusBot.ConnectorSimulator.Faults;

/// <summary>A fault that hit a request: which one, on what operation and conversation (null for create-conversation).</summary>
public sealed record AppliedFault(InjectedFault Fault, ConnectorOperation Operation, string? ConversationId);
