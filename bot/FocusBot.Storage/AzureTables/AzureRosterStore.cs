using System.Runtime.CompilerServices;
using FocusBot.Domain.Roster;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// RosterMembers: partition = tenant|team, row = user (a team's roster is one partition scan).
/// RosterMemberships: partition = tenant|user, row = team (a person's teams, lookup by user id, and erasure).
/// RosterObjectIds: partition = tenant|Entra object id, row = team (lookup by object id, as the people picker sends it).
/// RosterNames: partition = tenant, row "f|whole name|user" and "w|name from a later word|user" (search by any word).
/// Lookups read a handful of rows whatever the tenant's size; index rows are written before the roster rows they
/// index and removed after them, so running a sync again repairs whatever a crash left half done.
/// </summary>
internal sealed class AzureRosterStore(FocusTableClient client, AzureTableNames tables) : IRosterStore
{
    // Member rows written since the object id and word rows exist; older rows are re-indexed at the next sync.
    private const int CurrentIndexVersion = 2;
    private const string IndexVersion = nameof(IndexVersion);
    private const string FullNameRow = "f";
    private const string WordRow = "w";

    public async Task ReplaceTeamRosterAsync(string tenantId, string teamId, IReadOnlyList<TeamMember> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        var teamPartition = TableKeys.Compose(tenantId, teamId);
        var existing = new Dictionary<string, (TeamMember Member, bool Indexed)>(StringComparer.Ordinal);
        await foreach (var entity in client.QueryAsync(tables.RosterMembers, TableFilter.PartitionIs(teamPartition), null, cancellationToken))
        {
            var member = FromEntity(entity);
            existing[member.UserId] = (member, entity.GetInt32(IndexVersion) >= CurrentIndexVersion);
        }

        var desired = new Dictionary<string, TeamMember>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            desired[member.UserId] = member with { TenantId = tenantId, TeamId = teamId };
        }

        var changed = desired.Values.Where(member => !existing.TryGetValue(member.UserId, out var old) || old.Member != member || !old.Indexed).ToList();
        var removed = existing.Values.Where(old => !desired.ContainsKey(old.Member.UserId)).ToList();

        // Indexes first, the roster partition last: the next sync diffs against the roster partition, so a crash in
        // between is repaired by simply running the sync again.
        await TableClientExtensions.ForEachAsync(
            changed,
            async (member, token) =>
            {
                await client.ExecuteAsync(tables.RosterMemberships, TableOperation.UpsertReplace(MembershipEntity(member)), token);
                if (member.AadObjectId is not null)
                {
                    await client.ExecuteAsync(tables.RosterObjectIds, TableOperation.UpsertReplace(ObjectIdEntity(member)), token);
                }

                IReadOnlyList<string> stale = [];
                if (existing.TryGetValue(member.UserId, out var old))
                {
                    if (old.Member.AadObjectId is { } oldObjectId && oldObjectId != member.AadObjectId)
                    {
                        await client.TryDeleteAsync(tables.RosterObjectIds, TableKeys.Compose(tenantId, oldObjectId), TableKeys.Encode(teamId), token);
                    }

                    stale = [.. NameRows(old.Member, old.Indexed).Except(NameRows(member, indexed: true), StringComparer.Ordinal)];
                }

                await DeleteNameRowsAsync(tenantId, stale, token);
                foreach (var row in NameRows(member, indexed: true))
                {
                    await client.ExecuteAsync(tables.RosterNames, TableOperation.UpsertReplace(NameEntity(member, row)), token);
                }
            },
            cancellationToken);
        await TableClientExtensions.ForEachAsync(
            removed,
            async (old, token) =>
            {
                await client.TryDeleteAsync(tables.RosterMemberships, TableKeys.Compose(tenantId, old.Member.UserId), TableKeys.Encode(teamId), token);
                if (old.Member.AadObjectId is { } objectId)
                {
                    await client.TryDeleteAsync(tables.RosterObjectIds, TableKeys.Compose(tenantId, objectId), TableKeys.Encode(teamId), token);
                }

                if (!await HasAnyTeamAsync(tenantId, old.Member.UserId, token))
                {
                    await DeleteNameRowsAsync(tenantId, NameRows(old.Member, old.Indexed), token);
                }
            },
            cancellationToken);

        var operations = changed.Select(member => TableOperation.UpsertReplace(MemberEntity(member)))
            .Concat(removed.Select(old => TableOperation.Delete(teamPartition, TableKeys.Encode(old.Member.UserId))));
        await client.SubmitAllAsync(tables.RosterMembers, operations, cancellationToken);
    }

    public async IAsyncEnumerable<TeamMember> ListTeamMembersAsync(string tenantId, string teamId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in client.QueryAsync(tables.RosterMembers, TableFilter.PartitionIs(TableKeys.Compose(tenantId, teamId)), null, cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    public async Task<bool> HasTeamRosterAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        (await FirstRowAsync(tables.RosterMembers, TableKeys.Compose(tenantId, teamId), cancellationToken)) is not null;

    public async Task<IReadOnlyList<string>> ListTeamsForUserAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var teams = new List<string>();
        await foreach (var entity in client.QueryAsync(tables.RosterMemberships, TableFilter.PartitionIs(TableKeys.Compose(tenantId, userId)), ["RowKey"], cancellationToken))
        {
            teams.Add(TableKeys.Decode(entity.RowKey));
        }

        teams.Sort(StringComparer.Ordinal);
        return teams;
    }

    public Task<IReadOnlyList<RosterPerson>> SearchByNameAsync(string tenantId, string prefix, int max, CancellationToken cancellationToken)
    {
        var key = StoreArguments.NameKey(prefix);
        IReadOnlyList<string> ranges = key.Length == 0
            ? [FullNameRow + TableKeys.Separator]
            : [TableKeys.Compose(FullNameRow, key), TableKeys.Compose(WordRow, key)];
        return PeopleSearch.CollectAsync(QueryNamesAsync(tenantId, ranges, cancellationToken), person => person.UserId, person => StoreArguments.NameKey(person.Name),
            max, cancellationToken);
    }

    public async Task<RosterPerson?> FindByAadObjectIdAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var row = await FirstRowAsync(tables.RosterObjectIds, TableKeys.Compose(tenantId, aadObjectId), cancellationToken);
        return row is null ? null : await GetPersonAsync(tenantId, TableKeys.Decode(row.RowKey), row.GetRequiredString(nameof(TeamMember.UserId)), cancellationToken);
    }

    public async Task<RosterPerson?> FindByUserIdAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var row = await FirstRowAsync(tables.RosterMemberships, TableKeys.Compose(tenantId, userId), cancellationToken);
        return row is null ? null : await GetPersonAsync(tenantId, TableKeys.Decode(row.RowKey), userId, cancellationToken);
    }

    /// <summary>How many team rosters list the person (found by user id or Entra object id).</summary>
    internal async Task<int> CountPersonAsync(string tenantId, string? userId, string? aadObjectId, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var user in await FindUserIdsAsync(tenantId, userId, aadObjectId, cancellationToken))
        {
            count += (await ListTeamsForUserAsync(tenantId, user, cancellationToken)).Count;
        }

        return count;
    }

    /// <summary>Removes the person from every roster and index; returns how many team rosters held them.</summary>
    internal async Task<int> ErasePersonAsync(string tenantId, string? userId, string? aadObjectId, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var user in await FindUserIdsAsync(tenantId, userId, aadObjectId, cancellationToken))
        {
            // The membership partition finds everything else, so it goes last.
            foreach (var teamId in await ListTeamsForUserAsync(tenantId, user, cancellationToken))
            {
                var row = await client.GetAsync(tables.RosterMembers, TableKeys.Compose(tenantId, teamId), TableKeys.Encode(user), cancellationToken);
                if (row is not null)
                {
                    var member = FromEntity(row);
                    await DeleteNameRowsAsync(tenantId, NameRows(member, indexed: false).Concat(NameRows(member, indexed: true)), cancellationToken);
                    if (member.AadObjectId is { } objectId)
                    {
                        await client.TryDeleteAsync(tables.RosterObjectIds, TableKeys.Compose(tenantId, objectId), TableKeys.Encode(teamId), cancellationToken);
                    }
                }

                if (await client.TryDeleteAsync(tables.RosterMembers, TableKeys.Compose(tenantId, teamId), TableKeys.Encode(user), cancellationToken))
                {
                    removed++;
                }

                await client.TryDeleteAsync(tables.RosterMemberships, TableKeys.Compose(tenantId, user), TableKeys.Encode(teamId), cancellationToken);
            }
        }

        if (!string.IsNullOrEmpty(aadObjectId))
        {
            var leftovers = await client.QueryAsync(tables.RosterObjectIds, TableFilter.PartitionIs(TableKeys.Compose(tenantId, aadObjectId)), ["PartitionKey", "RowKey"], cancellationToken)
                .ToListAsync(cancellationToken);
            await client.SubmitAllAsync(tables.RosterObjectIds, leftovers.Select(row => TableOperation.Delete(row.PartitionKey, row.RowKey)), cancellationToken);
        }

        return removed;
    }

    private async Task<IReadOnlyList<string>> FindUserIdsAsync(string tenantId, string? userId, string? aadObjectId, CancellationToken cancellationToken)
    {
        var users = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(userId))
        {
            users.Add(userId);
        }

        if (!string.IsNullOrEmpty(aadObjectId))
        {
            await foreach (var row in client.QueryAsync(tables.RosterObjectIds, TableFilter.PartitionIs(TableKeys.Compose(tenantId, aadObjectId)), [nameof(TeamMember.UserId)], cancellationToken))
            {
                users.Add(row.GetRequiredString(nameof(TeamMember.UserId)));
            }
        }

        return [.. users];
    }

    private async Task<RosterPerson?> GetPersonAsync(string tenantId, string teamId, string userId, CancellationToken cancellationToken)
    {
        var entity = await client.GetAsync(tables.RosterMembers, TableKeys.Compose(tenantId, teamId), TableKeys.Encode(userId), cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var member = FromEntity(entity);
        return new RosterPerson { TenantId = tenantId, UserId = member.UserId, AadObjectId = member.AadObjectId, Name = member.Name ?? string.Empty, TimeZone = member.TimeZone };
    }

    private async Task<TableRow?> FirstRowAsync(string table, string partition, CancellationToken cancellationToken)
    {
        var page = await client.QueryPageAsync(table, TableFilter.PartitionIs(partition), null, 1, null, cancellationToken);
        return page.Values.Count > 0 ? page.Values[0] : null;
    }

    private async IAsyncEnumerable<RosterPerson> QueryNamesAsync(string tenantId, IReadOnlyList<string> prefixes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var prefix in prefixes)
        {
            var filter = TableFilter.And(TableFilter.PartitionIs(TableKeys.Encode(tenantId)), TableFilter.StartsWith("RowKey", prefix));
            await foreach (var entity in client.QueryAsync(tables.RosterNames, filter, null, cancellationToken))
            {
                yield return new RosterPerson
                {
                    TenantId = tenantId,
                    UserId = entity.GetRequiredString(nameof(RosterPerson.UserId)),
                    AadObjectId = entity.GetString(nameof(RosterPerson.AadObjectId)),
                    Name = entity.GetRequiredString(nameof(RosterPerson.Name)),
                    TimeZone = entity.GetString(nameof(RosterPerson.TimeZone)),
                };
            }
        }
    }

    private async Task<bool> HasAnyTeamAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        await FirstRowAsync(tables.RosterMemberships, TableKeys.Compose(tenantId, userId), cancellationToken) is not null;

    private Task DeleteNameRowsAsync(string tenantId, IEnumerable<string> rows, CancellationToken cancellationToken) =>
        TableClientExtensions.ForEachAsync(rows, async (row, token) => await client.TryDeleteAsync(tables.RosterNames, TableKeys.Encode(tenantId), row, token), cancellationToken);

    // The name rows a member has: "f|name|user" and "w|word...|user"; before re-indexing, one "name|user" row.
    private static IReadOnlyList<string> NameRows(TeamMember member, bool indexed)
    {
        var keys = StoreArguments.NameKeys(member.Name);
        if (!indexed)
        {
            return keys.Count == 0 ? [] : [TableKeys.Compose(keys[0], member.UserId)];
        }

        return [.. keys.Select((key, i) => TableKeys.Compose(i == 0 ? FullNameRow : WordRow, key, member.UserId))];
    }

    private static TableRow MemberEntity(TeamMember member) => new(TableKeys.Compose(member.TenantId, member.TeamId), TableKeys.Encode(member.UserId))
    {
        [nameof(TeamMember.TenantId)] = member.TenantId,
        [nameof(TeamMember.TeamId)] = member.TeamId,
        [nameof(TeamMember.UserId)] = member.UserId,
        [nameof(TeamMember.AadObjectId)] = member.AadObjectId,
        [nameof(TeamMember.Name)] = member.Name,
        [nameof(TeamMember.TimeZone)] = member.TimeZone,
        [IndexVersion] = CurrentIndexVersion,
    };

    private static TableRow MembershipEntity(TeamMember member) => new(TableKeys.Compose(member.TenantId, member.UserId), TableKeys.Encode(member.TeamId));

    private static TableRow ObjectIdEntity(TeamMember member) => new(TableKeys.Compose(member.TenantId, member.AadObjectId!), TableKeys.Encode(member.TeamId))
    {
        [nameof(TeamMember.UserId)] = member.UserId,
    };

    private static TableRow NameEntity(TeamMember member, string row) => new(TableKeys.Encode(member.TenantId), row)
    {
        [nameof(RosterPerson.UserId)] = member.UserId,
        [nameof(RosterPerson.AadObjectId)] = member.AadObjectId,
        [nameof(RosterPerson.Name)] = member.Name,
        [nameof(RosterPerson.TimeZone)] = member.TimeZone,
    };

    private static TeamMember FromEntity(TableRow entity) => new()
    {
        TenantId = entity.GetRequiredString(nameof(TeamMember.TenantId)),
        TeamId = entity.GetRequiredString(nameof(TeamMember.TeamId)),
        UserId = entity.GetRequiredString(nameof(TeamMember.UserId)),
        AadObjectId = entity.GetString(nameof(TeamMember.AadObjectId)),
        Name = entity.GetString(nameof(TeamMember.Name)),
        TimeZone = entity.GetString(nameof(TeamMember.TimeZone)),
    };
}
