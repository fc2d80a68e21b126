namespace FocusBot.ConnectorSimulator.Roster;

/// <summary>
/// A team the simulator serves: details, channels and roster. The team id is also the General channel's
/// conversation id, so it is served as a channel even when <see cref="Channels"/> leaves it out.
/// </summary>
public sealed record SimulatedTeam(string Id)
{
    public string? Name { get; init; }

    public string? AadGroupId { get; init; }

    /// <summary>The tenant used for rate limiting; the simulator's default tenant when null.</summary>
    public string? TenantId { get; init; }

    public IReadOnlyList<SimulatedChannel> Channels { get; init; } = [];

    public IReadOnlyList<SimulatedMember> Members { get; init; } = [];
}
