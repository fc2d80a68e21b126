using FocusBot.Domain.Roles;

namespace FocusBot.Storage.AzureTables;

/// <summary>Roles: partition = tenant, row = person|role. A person's roles are one range in one partition.</summary>
internal sealed class AzureRoleStore(FocusTableClient client, AzureTableNames tables) : IRoleStore
{
    public Task GrantAsync(RoleAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var entity = new TableRow(TableKeys.Encode(assignment.TenantId), TableKeys.Compose(assignment.AadObjectId, assignment.Role.ToString()))
        {
            [nameof(RoleAssignment.TenantId)] = assignment.TenantId,
            [nameof(RoleAssignment.AadObjectId)] = assignment.AadObjectId,
            [nameof(RoleAssignment.Role)] = assignment.Role.ToString(),
            [nameof(RoleAssignment.GrantedBy)] = assignment.GrantedBy,
            [nameof(RoleAssignment.GrantedAt)] = assignment.GrantedAt,
        };
        return client.ExecuteAsync(tables.Roles, TableOperation.UpsertReplace(entity), cancellationToken);
    }

    public Task<bool> RevokeAsync(string tenantId, string aadObjectId, Role role, CancellationToken cancellationToken) =>
        client.TryDeleteAsync(tables.Roles, TableKeys.Encode(tenantId), TableKeys.Compose(aadObjectId, role.ToString()), cancellationToken);

    public async Task<IReadOnlyList<RoleAssignment>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var assignments = await client.QueryAsync(tables.Roles, TableFilter.PartitionIs(TableKeys.Encode(tenantId)), null, cancellationToken).Select(FromEntity).ToListAsync(cancellationToken);
        return assignments.OrderBy(assignment => assignment.AadObjectId, StringComparer.Ordinal).ThenBy(assignment => assignment.Role.ToString(), StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<Role>> GetRolesAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var roles = await client.QueryAsync(tables.Roles, PersonFilter(tenantId, aadObjectId), [nameof(RoleAssignment.Role)], cancellationToken)
            .Select(entity => Enum.Parse<Role>(entity.GetRequiredString(nameof(RoleAssignment.Role))))
            .ToListAsync(cancellationToken);
        roles.Sort();
        return roles;
    }

    internal async Task<int> EraseAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var rows = await client.QueryAsync(tables.Roles, PersonFilter(tenantId, aadObjectId), ["PartitionKey", "RowKey"], cancellationToken).ToListAsync(cancellationToken);
        await client.SubmitAllAsync(tables.Roles, rows.Select(row => TableOperation.Delete(row.PartitionKey, row.RowKey)), cancellationToken);
        return rows.Count;
    }

    private static string PersonFilter(string tenantId, string aadObjectId) =>
        TableFilter.And(TableFilter.PartitionIs(TableKeys.Encode(tenantId)), TableFilter.StartsWith("RowKey", TableKeys.Encode(aadObjectId) + TableKeys.Separator));

    private static RoleAssignment FromEntity(TableRow entity) => new()
    {
        TenantId = entity.GetRequiredString(nameof(RoleAssignment.TenantId)),
        AadObjectId = entity.GetRequiredString(nameof(RoleAssignment.AadObjectId)),
        Role = Enum.Parse<Role>(entity.GetRequiredString(nameof(RoleAssignment.Role))),
        GrantedBy = entity.GetRequiredString(nameof(RoleAssignment.GrantedBy)),
        GrantedAt = entity.GetRequiredDateTime(nameof(RoleAssignment.GrantedAt)),
    };
}
