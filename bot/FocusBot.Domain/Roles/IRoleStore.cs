namespace FocusBot.Domain.Roles;

public interface IRoleStore
{
    /// <summary>Grants the role; granting it again updates who granted it and when.</summary>
    Task GrantAsync(RoleAssignment assignment, CancellationToken cancellationToken);

    /// <summary>Returns false when the person did not hold the role.</summary>
    Task<bool> RevokeAsync(string tenantId, string aadObjectId, Role role, CancellationToken cancellationToken);

    Task<IReadOnlyList<RoleAssignment>> ListAsync(string tenantId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Role>> GetRolesAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken);
}
