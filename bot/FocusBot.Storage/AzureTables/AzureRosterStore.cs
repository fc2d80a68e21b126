using System.Runtime.CompilerServices;
using FocusBot.Domain.Roster;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// RosterMembers: partition = tenant|team, row = user (a team's roster is one partition scan).
/// RosterMemberships: partition = tenant|user, row = team (a person's teams, and erasure, without scanning).
/// RosterNames: partition = tenant, row = lower-case name|user (prefix search by name).
/// </summary>
internal sealed class AzureRosterStore(TableClient client, AzureTableNames tables) : IRosterStore
{
    public async Task ReplaceTeamRosterAsync(string tenantId, string teamId, IReadOnlyList<TeamMember> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        var teamPartition = TableKeys.Compose(tenantId, teamId);
        var existing = new Dictionary<string, TeamMember>(StringComparer.Ordinal);
        await foreach (var entity in client.QueryAsync(tables.RosterMembers, TableFilter.PartitionIs(teamPartition), null, cancellationToken))
        {
            var member = FromEntity(entity);
            existing[member.UserId] = member;
        }

        var desired = new Dictionary<string, TeamMember>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            desired[member.UserId] = member with { TenantId = tenantId, TeamId = teamId };
        }

        var changed = desired.Values.Where(member => !existing.TryGetValue(member.UserId, out var old) || old != member).ToList();
        var removed = existing.Values.Where(member => !desired.ContainsKey(member.UserId)).ToList();

        // Indexes first, the roster partition last: the next sync diffs against the roster partition, so a crash in
        // between is repaired by simply running the sync again.
        await TableClientExtensions.ForEachAsync(
            changed,
            async (member, token) =>
            {
                await client.ExecuteAsync(tables.RosterMemberships, TableOperation.UpsertReplace(MembershipEntity(member)), token);
                var old = existing.GetValueOrDefault(member.UserId);
                if (old?.Name is not null && (member.Name is null || StoreArguments.NameKey(old.Name) != StoreArguments.NameKey(member.Name)))
                {
                    await client.TryDeleteAsync(tables.RosterNames, TableKeys.Encode(tenantId), NameRow(old.Name, old.UserId), token);
                }

                if (!string.IsNullOrWhiteSpace(member.Name))
                {
                    await client.ExecuteAsync(tables.RosterNames, TableOperation.UpsertReplace(NameEntity(member)), token);
                }
            },
            cancellationToken);
        await TableClientExtensions.ForEachAsync(
            removed,
            async (member, token) =>
            {
                await client.TryDeleteAsync(tables.RosterMemberships, TableKeys.Compose(tenantId, member.UserId), TableKeys.Encode(teamId), token);
                if (member.Name is not null && !await HasAnyTeamAsync(tenantId, member.UserId, token))
                {
                    await client.TryDeleteAsync(tables.RosterNames, TableKeys.Encode(tenantId), NameRow(member.Name, member.UserId), token);
                }
            },
            cancellationToken);

        var operations = changed.Select(member => TableOperation.UpsertReplace(MemberEntity(member)))
            .Concat(removed.Select(member => TableOperation.Delete(teamPartition, TableKeys.Encode(member.UserId))));
        await client.SubmitAllAsync(tables.RosterMembers, operations, cancellationToken);
    }

    public async IAsyncEnumerable<TeamMember> ListTeamMembersAsync(string tenantId, string teamId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in client.QueryAsync(tables.RosterMembers, TableFilter.PartitionIs(TableKeys.Compose(tenantId, teamId)), null, cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

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

    public async Task<IReadOnlyList<RosterPerson>> SearchByNameAsync(string tenantId, string prefix, int max, CancellationToken cancellationToken)
    {
        var key = StoreArguments.NameKey(prefix);
        if (key.Length == 0 || max <= 0)
        {
            return [];
        }

        var filter = TableFilter.And(TableFilter.PartitionIs(TableKeys.Encode(tenantId)), TableFilter.StartsWith("RowKey", TableKeys.Encode(key)));
        var people = new List<RosterPerson>();
        await foreach (var entity in client.QueryAsync(tables.RosterNames, filter, null, cancellationToken))
        {
            people.Add(new RosterPerson
            {
                TenantId = tenantId,
                UserId = entity.GetRequiredString(nameof(RosterPerson.UserId)),
                AadObjectId = entity.GetString(nameof(RosterPerson.AadObjectId)),
                Name = entity.GetRequiredString(nameof(RosterPerson.Name)),
                TimeZone = entity.GetString(nameof(RosterPerson.TimeZone)),
            });
            if (people.Count == max)
            {
                break;
            }
        }

        return people;
    }

    /// <summary>Removes the person from every roster and index; returns how many team rosters held them.</summary>
    internal async Task<int> EraseAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var teams = await ListTeamsForUserAsync(tenantId, userId, cancellationToken);
        var removed = 0;
        foreach (var teamId in teams)
        {
            var row = await client.GetAsync(tables.RosterMembers, TableKeys.Compose(tenantId, teamId), TableKeys.Encode(userId), cancellationToken);
            if (row?.GetString(nameof(TeamMember.Name)) is { } name)
            {
                await client.TryDeleteAsync(tables.RosterNames, TableKeys.Encode(tenantId), NameRow(name, userId), cancellationToken);
            }

            if (await client.TryDeleteAsync(tables.RosterMembers, TableKeys.Compose(tenantId, teamId), TableKeys.Encode(userId), cancellationToken))
            {
                removed++;
            }

            await client.TryDeleteAsync(tables.RosterMemberships, TableKeys.Compose(tenantId, userId), TableKeys.Encode(teamId), cancellationToken);
        }

        return removed;
    }

    private async Task<bool> HasAnyTeamAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var page = await client.QueryPageAsync(tables.RosterMemberships, TableFilter.PartitionIs(TableKeys.Compose(tenantId, userId)), ["RowKey"], 1, null, cancellationToken);
        return page.Entities.Count > 0;
    }

    private static string NameRow(string name, string userId) => TableKeys.Compose(StoreArguments.NameKey(name), userId);

    private static TableEntity MemberEntity(TeamMember member) => new(TableKeys.Compose(member.TenantId, member.TeamId), TableKeys.Encode(member.UserId))
    {
        [nameof(TeamMember.TenantId)] = member.TenantId,
        [nameof(TeamMember.TeamId)] = member.TeamId,
        [nameof(TeamMember.UserId)] = member.UserId,
        [nameof(TeamMember.AadObjectId)] = member.AadObjectId,
        [nameof(TeamMember.Name)] = member.Name,
        [nameof(TeamMember.TimeZone)] = member.TimeZone,
    };

    private static TableEntity MembershipEntity(TeamMember member) => new(TableKeys.Compose(member.TenantId, member.UserId), TableKeys.Encode(member.TeamId));

    private static TableEntity NameEntity(TeamMember member) => new(TableKeys.Encode(member.TenantId), NameRow(member.Name!, member.UserId))
    {
        [nameof(RosterPerson.UserId)] = member.UserId,
        [nameof(RosterPerson.AadObjectId)] = member.AadObjectId,
        [nameof(RosterPerson.Name)] = member.Name,
        [nameof(RosterPerson.TimeZone)] = member.TimeZone,
    };

    private static TeamMember FromEntity(TableEntity entity) => new()
    {
        TenantId = entity.GetRequiredString(nameof(TeamMember.TenantId)),
        TeamId = entity.GetRequiredString(nameof(TeamMember.TeamId)),
        UserId = entity.GetRequiredString(nameof(TeamMember.UserId)),
        AadObjectId = entity.GetString(nameof(TeamMember.AadObjectId)),
        Name = entity.GetString(nameof(TeamMember.Name)),
        TimeZone = entity.GetString(nameof(TeamMember.TimeZone)),
    };
}
