using FocusBot.Domain.Roles;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteRoleStore(SqliteDatabase database) : IRoleStore
{
    public Task GrantAsync(RoleAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return database.WriteAsync(
            writer => writer.Command("""
                INSERT OR REPLACE INTO role_assignments (tenant_id, aad_object_id, role, granted_by, granted_at)
                VALUES ($tenant, $aad, $role, $grantedBy, $grantedAt);
                """)
                .With("$tenant", assignment.TenantId)
                .With("$aad", assignment.AadObjectId)
                .With("$role", assignment.Role.ToString())
                .With("$grantedBy", assignment.GrantedBy)
                .With("$grantedAt", assignment.GrantedAt)
                .ExecuteNonQuery(),
            cancellationToken);
    }

    public Task<bool> RevokeAsync(string tenantId, string aadObjectId, Role role, CancellationToken cancellationToken) =>
        database.WriteAsync(
            writer => writer.Command("DELETE FROM role_assignments WHERE tenant_id = $tenant AND aad_object_id = $aad AND role = $role;")
                .With("$tenant", tenantId)
                .With("$aad", aadObjectId)
                .With("$role", role.ToString())
                .ExecuteNonQuery() > 0,
            cancellationToken);

    public async Task<IReadOnlyList<RoleAssignment>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            "SELECT tenant_id, aad_object_id, role, granted_by, granted_at FROM role_assignments WHERE tenant_id = $tenant ORDER BY aad_object_id, role;",
            command => command.With("$tenant", tenantId),
            reader => new RoleAssignment
            {
                TenantId = reader.GetString(0),
                AadObjectId = reader.GetString(1),
                Role = reader.GetEnum<Role>(2),
                GrantedBy = reader.GetString(3),
                GrantedAt = reader.GetTime(4),
            },
            cancellationToken);

    public async Task<IReadOnlyList<Role>> GetRolesAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var roles = await database.QueryListAsync(
            "SELECT role FROM role_assignments WHERE tenant_id = $tenant AND aad_object_id = $aad;",
            command => command.With("$tenant", tenantId).With("$aad", aadObjectId),
            reader => reader.GetEnum<Role>(0),
            cancellationToken);
        roles.Sort();
        return roles;
    }
}
