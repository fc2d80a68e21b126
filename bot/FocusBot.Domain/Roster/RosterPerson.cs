namespace FocusBot.Domain.Roster;

/// <summary>A person found by name across the rosters of a tenant, whichever teams they belong to.</summary>
public sealed record RosterPerson
{
    public required string TenantId { get; init; }

    public required string UserId { get; init; }

    public string? AadObjectId { get; init; }

    public required string Name { get; init; }

    public string? TimeZone { get; init; }
}
