namespace FocusBot.Domain.Roles;

public sealed record RoleAssignment
{
    public required string TenantId { get; init; }

    public required string AadObjectId { get; init; }

    public required Role Role { get; init; }

    /// <summary>
    /// The Teams team id a <see cref="Role.Manager"/> assignment is bound to (one assignment per team managed); null for
    /// every other role. Never a team name: anyone can name a team of their own like another.
    /// </summary>
    public string? TeamId { get; init; }

    /// <summary>AAD object id of whoever granted it ("install" for the installer bootstrap).</summary>
    public required string GrantedBy { get; init; }

    public required DateTimeOffset GrantedAt { get; init; }

    /// <summary>The latest pulse whose weekly team digest this Manager got for <see cref="TeamId"/>; null before the first.</summary>
    public string? DigestPulseId { get; init; }

    /// <summary>The team a role is bound to: required for a Manager, none (null) for every other role.</summary>
    public static string? BoundTeam(Role role, string? teamId) => role switch
    {
        Role.Manager when string.IsNullOrWhiteSpace(teamId) => throw new ArgumentException("A Manager is bound to a team: give its Teams team id.", nameof(teamId)),
        Role.Manager => teamId,
        _ => null,
    };
}
