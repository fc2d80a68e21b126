using FocusBot.Domain.Roster;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteRosterStore(SqliteDatabase database) : IRosterStore
{
    public Task ReplaceTeamRosterAsync(string tenantId, string teamId, IReadOnlyList<TeamMember> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        return database.WriteAsync(
            writer =>
            {
                writer.Command("DELETE FROM roster_members WHERE tenant_id = $tenant AND team_id = $team;")
                    .With("$tenant", tenantId)
                    .With("$team", teamId)
                    .ExecuteNonQuery();
                foreach (var member in members)
                {
                    writer.Command("""
                        INSERT OR REPLACE INTO roster_members (tenant_id, team_id, user_id, aad_object_id, name, name_key, time_zone)
                        VALUES ($tenant, $team, $user, $aad, $name, $nameKey, $timeZone);
                        """)
                        .With("$tenant", tenantId)
                        .With("$team", teamId)
                        .With("$user", member.UserId)
                        .With("$aad", member.AadObjectId)
                        .With("$name", member.Name)
                        .With("$nameKey", string.IsNullOrWhiteSpace(member.Name) ? null : StoreArguments.NameKey(member.Name))
                        .With("$timeZone", member.TimeZone)
                        .ExecuteNonQuery();
                }
            },
            cancellationToken);
    }

    public IAsyncEnumerable<TeamMember> ListTeamMembersAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT tenant_id, team_id, user_id, aad_object_id, name, time_zone FROM roster_members WHERE tenant_id = $tenant AND team_id = $team;",
            command => command.With("$tenant", tenantId).With("$team", teamId),
            MapMember,
            cancellationToken);

    public async Task<IReadOnlyList<string>> ListTeamsForUserAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            "SELECT team_id FROM roster_members WHERE tenant_id = $tenant AND user_id = $user ORDER BY team_id;",
            command => command.With("$tenant", tenantId).With("$user", userId),
            reader => reader.GetString(0),
            cancellationToken);

    public async Task<IReadOnlyList<RosterPerson>> SearchByNameAsync(string tenantId, string prefix, int max, CancellationToken cancellationToken)
    {
        var key = StoreArguments.NameKey(prefix);
        if (key.Length == 0 || max <= 0)
        {
            return [];
        }

        return await database.QueryListAsync(
            """
            SELECT tenant_id, user_id, MAX(aad_object_id), MAX(name), MAX(time_zone), MIN(name_key) AS sort_key
            FROM roster_members
            WHERE tenant_id = $tenant AND name_key >= $from AND name_key < $to
            GROUP BY tenant_id, user_id
            ORDER BY sort_key, user_id
            LIMIT $max;
            """,
            command => command.With("$tenant", tenantId).With("$from", key).With("$to", StoreArguments.PrefixEnd(key)).With("$max", max),
            reader => new RosterPerson
            {
                TenantId = reader.GetString(0),
                UserId = reader.GetString(1),
                AadObjectId = reader.GetNullableString(2),
                Name = reader.GetString(3),
                TimeZone = reader.GetNullableString(4),
            },
            cancellationToken);
    }

    private static TeamMember MapMember(SqliteDataReader reader) => new()
    {
        TenantId = reader.GetString(0),
        TeamId = reader.GetString(1),
        UserId = reader.GetString(2),
        AadObjectId = reader.GetNullableString(3),
        Name = reader.GetNullableString(4),
        TimeZone = reader.GetNullableString(5),
    };
}
