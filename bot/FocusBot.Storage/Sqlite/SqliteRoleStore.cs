using FocusBot.Domain.Roles;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

/// <summary>Role grants; team_id is the Teams team of a Manager, empty for every other role (a key column cannot be null).</summary>
internal sealed class SqliteRoleStore(SqliteDatabase database) : IRoleStore
{
    private const string Columns = "tenant_id, aad_object_id, role, team_id, granted_by, granted_at, digest_pulse_id";

    public Task GrantAsync(RoleAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var team = RoleAssignment.BoundTeam(assignment.Role, assignment.TeamId) ?? string.Empty;
        // A grant made again keeps the digest the Manager last got, so it is not sent twice.
        return database.WriteAsync(
            writer => writer.Command("""
                INSERT INTO role_assignments (tenant_id, aad_object_id, role, team_id, granted_by, granted_at)
                VALUES ($tenant, $aad, $role, $team, $grantedBy, $grantedAt)
                ON CONFLICT (tenant_id, aad_object_id, role, team_id) DO UPDATE SET granted_by = excluded.granted_by, granted_at = excluded.granted_at;
                """)
                .With("$tenant", assignment.TenantId)
                .With("$aad", assignment.AadObjectId)
                .With("$role", assignment.Role.ToString())
                .With("$team", team)
                .With("$grantedBy", assignment.GrantedBy)
                .With("$grantedAt", assignment.GrantedAt)
                .ExecuteNonQuery(),
            cancellationToken);
    }

    public Task<bool> RevokeAsync(string tenantId, string aadObjectId, Role role, string? teamId, CancellationToken cancellationToken)
    {
        var team = RoleAssignment.BoundTeam(role, teamId) ?? string.Empty;
        return database.WriteAsync(
            writer => writer.Command("DELETE FROM role_assignments WHERE tenant_id = $tenant AND aad_object_id = $aad AND role = $role AND team_id = $team;")
                .With("$tenant", tenantId)
                .With("$aad", aadObjectId)
                .With("$role", role.ToString())
                .With("$team", team)
                .ExecuteNonQuery() > 0,
            cancellationToken);
    }

    public async Task<IReadOnlyList<RoleAssignment>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            $"SELECT {Columns} FROM role_assignments WHERE tenant_id = $tenant ORDER BY aad_object_id, role, team_id;",
            command => command.With("$tenant", tenantId),
            Read,
            cancellationToken);

    public async Task<IReadOnlyList<Role>> GetRolesAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var roles = await database.QueryListAsync(
            "SELECT DISTINCT role FROM role_assignments WHERE tenant_id = $tenant AND aad_object_id = $aad;",
            command => command.With("$tenant", tenantId).With("$aad", aadObjectId),
            reader => reader.GetEnum<Role>(0),
            cancellationToken);
        roles.Sort();
        return roles;
    }

    public async Task<IReadOnlyList<RoleAssignment>> ListForPersonAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            $"SELECT {Columns} FROM role_assignments WHERE tenant_id = $tenant AND aad_object_id = $aad ORDER BY role, team_id;",
            command => command.With("$tenant", tenantId).With("$aad", aadObjectId),
            Read,
            cancellationToken);

    public Task<bool> MarkDigestSentAsync(string tenantId, string aadObjectId, string teamId, string pulseId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            writer => writer.Command("""
                UPDATE role_assignments SET digest_pulse_id = $pulse
                WHERE tenant_id = $tenant AND aad_object_id = $aad AND role = $role AND team_id = $team;
                """)
                .With("$tenant", tenantId)
                .With("$aad", aadObjectId)
                .With("$role", nameof(Role.Manager))
                .With("$team", teamId)
                .With("$pulse", pulseId)
                .ExecuteNonQuery() > 0,
            cancellationToken);

    private static RoleAssignment Read(SqliteDataReader reader) => new()
    {
        TenantId = reader.GetString(0),
        AadObjectId = reader.GetString(1),
        Role = reader.GetEnum<Role>(2),
        TeamId = reader.GetString(3) is { Length: > 0 } team ? team : null,
        GrantedBy = reader.GetString(4),
        GrantedAt = reader.GetTime(5),
        DigestPulseId = reader.GetNullableString(6),
    };
}
