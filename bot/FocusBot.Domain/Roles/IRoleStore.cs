namespace FocusBot.Domain.Roles;

public interface IRoleStore
{
    /// <summary>
    /// Grants the role (for a Manager, for <see cref="RoleAssignment.TeamId"/>); granting it again updates who granted it
    /// and when, and keeps the digest it last got.
    /// </summary>
    Task GrantAsync(RoleAssignment assignment, CancellationToken cancellationToken);

    /// <summary>Returns false when the person did not hold the role (for a Manager, for that team).</summary>
    Task<bool> RevokeAsync(string tenantId, string aadObjectId, Role role, string? teamId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RoleAssignment>> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>The person's roles, each once (a Manager of several teams holds the Manager role once).</summary>
    Task<IReadOnlyList<Role>> GetRolesAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken);

    /// <summary>The person's assignments, one per role and, for a Manager, one per team.</summary>
    Task<IReadOnlyList<RoleAssignment>> ListForPersonAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the Manager got the weekly digest of <paramref name="teamId"/> for the pulse. Returns false, and
    /// records nothing, when the assignment is gone (revoked or erased meanwhile): a mark never brings one back.
    /// </summary>
    Task<bool> MarkDigestSentAsync(string tenantId, string aadObjectId, string teamId, string pulseId, CancellationToken cancellationToken);
}
