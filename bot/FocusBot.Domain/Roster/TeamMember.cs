namespace FocusBot.Domain.Roster;

/// <summary>One member of a team where FocusBot is installed, as the Teams roster reports them.</summary>
public sealed record TeamMember
{
    public required string TenantId { get; init; }

    public required string TeamId { get; init; }

    public required string UserId { get; init; }

    public string? AadObjectId { get; init; }

    public string? Name { get; init; }

    public string? TimeZone { get; init; }
}
