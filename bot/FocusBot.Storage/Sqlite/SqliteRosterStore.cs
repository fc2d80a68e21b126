using FocusBot.Domain.Roster;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

/// <summary>
/// roster_members, one row per team and member; roster_name_words holds every search key of a member's name (whole
/// name, and from each later word on), removed with the member row by a trigger. Name search is a range over the word
/// keys, lookup by Entra object id or user id an index seek: neither reads the tenant's whole roster.
/// </summary>
internal sealed class SqliteRosterStore(SqliteDatabase database) : IRosterStore
{
    private const string PersonColumns = "m.tenant_id, m.user_id, m.aad_object_id, m.name, m.time_zone";

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
                    foreach (var word in StoreArguments.NameKeys(member.Name))
                    {
                        writer.Command("INSERT OR IGNORE INTO roster_name_words (tenant_id, word_key, team_id, user_id) VALUES ($tenant, $word, $team, $user);")
                            .With("$tenant", tenantId)
                            .With("$word", word)
                            .With("$team", teamId)
                            .With("$user", member.UserId)
                            .ExecuteNonQuery();
                    }
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

    public async Task<bool> HasTeamRosterAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        (await database.QueryListAsync(
            "SELECT 1 FROM roster_members WHERE tenant_id = $tenant AND team_id = $team LIMIT 1;",
            command => command.With("$tenant", tenantId).With("$team", teamId),
            reader => reader.GetInt64(0),
            cancellationToken)).Count > 0;

    public async Task<IReadOnlyList<string>> ListTeamsForUserAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            "SELECT team_id FROM roster_members WHERE tenant_id = $tenant AND user_id = $user ORDER BY team_id;",
            command => command.With("$tenant", tenantId).With("$user", userId),
            reader => reader.GetString(0),
            cancellationToken);

    public async Task<IReadOnlyList<RosterPerson>> SearchByNameAsync(string tenantId, string prefix, int max, CancellationToken cancellationToken)
    {
        var key = StoreArguments.NameKey(prefix);
        // Either the name index in order (everyone, by name) or a range of word keys; both stop once enough people are found.
        var rows = key.Length == 0
            ? database.QueryAsync(
                $"SELECT {PersonColumns}, m.name_key FROM roster_members m WHERE m.tenant_id = $tenant AND m.name_key IS NOT NULL ORDER BY m.name_key;",
                command => command.With("$tenant", tenantId),
                MapFound,
                cancellationToken)
            : database.QueryAsync(
                $"""
                SELECT {PersonColumns}, m.name_key
                FROM roster_name_words w
                JOIN roster_members m ON m.tenant_id = w.tenant_id AND m.team_id = w.team_id AND m.user_id = w.user_id
                WHERE w.tenant_id = $tenant AND w.word_key >= $from AND w.word_key < $to
                ORDER BY w.word_key;
                """,
                command => command.With("$tenant", tenantId).With("$from", key).With("$to", StoreArguments.PrefixEnd(key)),
                MapFound,
                cancellationToken);
        var found = await PeopleSearch.CollectAsync(rows, row => row.Person.UserId, row => row.NameKey, max, cancellationToken);
        return [.. found.Select(row => row.Person)];
    }

    public Task<RosterPerson?> FindByAadObjectIdAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) =>
        database.QuerySingleAsync(
            $"SELECT {PersonColumns} FROM roster_members m WHERE m.tenant_id = $tenant AND m.aad_object_id = $aad ORDER BY m.name IS NULL, m.team_id LIMIT 1;",
            command => command.With("$tenant", tenantId).With("$aad", aadObjectId),
            MapPerson,
            cancellationToken);

    public Task<RosterPerson?> FindByUserIdAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        database.QuerySingleAsync(
            $"SELECT {PersonColumns} FROM roster_members m WHERE m.tenant_id = $tenant AND m.user_id = $user ORDER BY m.name IS NULL, m.team_id LIMIT 1;",
            command => command.With("$tenant", tenantId).With("$user", userId),
            MapPerson,
            cancellationToken);

    private static RosterPerson MapPerson(SqliteDataReader reader) => new()
    {
        TenantId = reader.GetString(0),
        UserId = reader.GetString(1),
        AadObjectId = reader.GetNullableString(2),
        Name = reader.GetNullableString(3) ?? string.Empty,
        TimeZone = reader.GetNullableString(4),
    };

    private static Found MapFound(SqliteDataReader reader) => new(MapPerson(reader), reader.GetString(5));

    private sealed record Found(RosterPerson Person, string NameKey);

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
