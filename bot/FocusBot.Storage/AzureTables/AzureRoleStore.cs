using Azure;
using FocusBot.Domain.Roles;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Roles: partition = tenant, row = person|role, and person|Manager|team for each team a Manager manages (rows written
/// before Managers existed keep their key). A person's roles are one range in one partition.
/// </summary>
internal sealed class AzureRoleStore(FocusTableClient client, AzureTableNames tables) : IRoleStore
{
    public Task GrantAsync(RoleAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var team = RoleAssignment.BoundTeam(assignment.Role, assignment.TeamId);
        var entity = new TableRow(TableKeys.Encode(assignment.TenantId), RowKey(assignment.AadObjectId, assignment.Role, team))
        {
            [nameof(RoleAssignment.TenantId)] = assignment.TenantId,
            [nameof(RoleAssignment.AadObjectId)] = assignment.AadObjectId,
            [nameof(RoleAssignment.Role)] = assignment.Role.ToString(),
            [nameof(RoleAssignment.GrantedBy)] = assignment.GrantedBy,
            [nameof(RoleAssignment.GrantedAt)] = assignment.GrantedAt,
        };
        if (team is not null)
            entity[nameof(RoleAssignment.TeamId)] = team;
        // Merge: a grant made again keeps the digest the Manager last got, so it is not sent twice.
        return client.ExecuteAsync(tables.Roles, TableOperation.UpsertMerge(entity), cancellationToken);
    }

    public Task<bool> RevokeAsync(string tenantId, string aadObjectId, Role role, string? teamId, CancellationToken cancellationToken) =>
        client.TryDeleteAsync(tables.Roles, TableKeys.Encode(tenantId), RowKey(aadObjectId, role, RoleAssignment.BoundTeam(role, teamId)), cancellationToken);

    public async Task<IReadOnlyList<RoleAssignment>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var assignments = await client.QueryAsync(tables.Roles, TableFilter.PartitionIs(TableKeys.Encode(tenantId)), null, cancellationToken).Select(FromEntity).ToListAsync(cancellationToken);
        return Ordered(assignments);
    }

    public async Task<IReadOnlyList<Role>> GetRolesAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var roles = await client.QueryAsync(tables.Roles, PersonFilter(tenantId, aadObjectId), [nameof(RoleAssignment.Role)], cancellationToken)
            .Select(entity => Enum.Parse<Role>(entity.GetRequiredString(nameof(RoleAssignment.Role))))
            .Distinct()
            .ToListAsync(cancellationToken);
        roles.Sort();
        return roles;
    }

    public async Task<IReadOnlyList<RoleAssignment>> ListForPersonAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var assignments = await client.QueryAsync(tables.Roles, PersonFilter(tenantId, aadObjectId), null, cancellationToken).Select(FromEntity).ToListAsync(cancellationToken);
        return Ordered(assignments);
    }

    public async Task<bool> MarkDigestSentAsync(string tenantId, string aadObjectId, string teamId, string pulseId, CancellationToken cancellationToken)
    {
        var entity = new TableRow(TableKeys.Encode(tenantId), RowKey(aadObjectId, Role.Manager, teamId)) { [nameof(RoleAssignment.DigestPulseId)] = pulseId };
        try
        {
            // Merge with If-Match "*": updates the row only while it exists, so a mark never brings back a revoked grant.
            await client.ExecuteAsync(tables.Roles, TableOperation.Merge(entity, "*"), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.IsNotFound)
        {
            return false;
        }
    }

    internal async Task<int> EraseAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var rows = await client.QueryAsync(tables.Roles, PersonFilter(tenantId, aadObjectId), ["PartitionKey", "RowKey"], cancellationToken).ToListAsync(cancellationToken);
        await client.SubmitAllAsync(tables.Roles, rows.Select(row => TableOperation.Delete(row.PartitionKey, row.RowKey)), cancellationToken);
        return rows.Count;
    }

    private static string RowKey(string aadObjectId, Role role, string? teamId) =>
        teamId is null ? TableKeys.Compose(aadObjectId, role.ToString()) : TableKeys.Compose(aadObjectId, role.ToString(), teamId);

    private static string PersonFilter(string tenantId, string aadObjectId) =>
        TableFilter.And(TableFilter.PartitionIs(TableKeys.Encode(tenantId)), TableFilter.StartsWith("RowKey", TableKeys.Encode(aadObjectId) + TableKeys.Separator));

    private static List<RoleAssignment> Ordered(IEnumerable<RoleAssignment> assignments) =>
    [
        .. assignments.OrderBy(a => a.AadObjectId, StringComparer.Ordinal).ThenBy(a => a.Role.ToString(), StringComparer.Ordinal)
            .ThenBy(a => a.TeamId ?? string.Empty, StringComparer.Ordinal),
    ];

    private static RoleAssignment FromEntity(TableRow entity) => new()
    {
        TenantId = entity.GetRequiredString(nameof(RoleAssignment.TenantId)),
        AadObjectId = entity.GetRequiredString(nameof(RoleAssignment.AadObjectId)),
        Role = Enum.Parse<Role>(entity.GetRequiredString(nameof(RoleAssignment.Role))),
        TeamId = entity.GetString(nameof(RoleAssignment.TeamId)),
        GrantedBy = entity.GetRequiredString(nameof(RoleAssignment.GrantedBy)),
        GrantedAt = entity.GetRequiredDateTime(nameof(RoleAssignment.GrantedAt)),
        DigestPulseId = entity.GetString(nameof(RoleAssignment.DigestPulseId)),
    };
}
