namespace FocusBot.ConnectorSimulator.Roster;

/// <summary>A team channel; its id is a conversation id. Teams sends no name for the General channel.</summary>
public sealed record SimulatedChannel(string Id, string? Name = null);
