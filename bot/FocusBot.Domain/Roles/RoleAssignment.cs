namespace FocusBot.Domain.Roles;

public sealed record RoleAssignment
{
    public required string TenantId { get; init; }

    public required string AadObjectId { get; init; }

    public required Role Role { get; init; }

    /// <summary>AAD object id of whoever granted it ("install" for the installer bootstrap).</summary>
    public required string GrantedBy { get; init; }

    public required DateTimeOffset GrantedAt { get; init; }
}
