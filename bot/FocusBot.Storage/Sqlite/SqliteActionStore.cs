using System.Globalization;
using FocusBot.Domain.Actions;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteActionStore(SqliteDatabase database) : IActionStore
{
    private const string Columns = "tenant_id, id, change, owner, due_date, status, theme, recorded_by, sponsor, audience_team_id, audience_channel_id, all_staff, revision, created_at, updated_at";
    private const string DateFormat = "yyyy-MM-dd";

    public Task<bool> CreateAsync(ProgrammeAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentException.ThrowIfNullOrEmpty(action.Id);
        ArgumentException.ThrowIfNullOrEmpty(action.TenantId);
        return database.WriteAsync(
            writer => writer.Command($"""
                INSERT INTO programme_actions ({Columns})
                VALUES ($tenant, $id, $change, $owner, $due, $status, $theme, $recordedBy, $sponsor, $team, $channel, $allStaff, $revision, $createdAt, $updatedAt)
                ON CONFLICT (tenant_id, id) DO NOTHING;
                """)
                .With("$tenant", action.TenantId)
                .With("$id", action.Id)
                .With("$change", action.Change)
                .With("$owner", action.Owner)
                .With("$due", action.DueDate.ToString(DateFormat, CultureInfo.InvariantCulture))
                .With("$status", action.Status.ToString())
                .With("$theme", action.Theme)
                .With("$recordedBy", action.RecordedByAadObjectId)
                .With("$sponsor", action.Sponsor.ToString())
                .With("$team", action.AudienceTeamId)
                .With("$channel", action.AudienceChannelId)
                .With("$allStaff", action.AllStaff ? 1 : 0)
                .With("$revision", action.Revision)
                .With("$createdAt", action.CreatedAt)
                .With("$updatedAt", action.UpdatedAt)
                .ExecuteNonQuery() == 1,
            cancellationToken);
    }

    public Task<ProgrammeAction?> GetAsync(string tenantId, string actionId, CancellationToken cancellationToken) =>
        database.QuerySingleAsync($"SELECT {Columns} FROM programme_actions WHERE tenant_id = $tenant AND id = $id;",
            command => command.With("$tenant", tenantId).With("$id", actionId), Map, cancellationToken);

    public async Task<IReadOnlyList<ProgrammeAction>> ListLatestAsync(string tenantId, int skip, int count, CancellationToken cancellationToken) =>
        count <= 0
            ? []
            : await database.QueryListAsync(
                $"SELECT {Columns} FROM programme_actions WHERE tenant_id = $tenant ORDER BY created_at DESC, id ASC LIMIT $count OFFSET $skip;",
                command => command.With("$tenant", tenantId).With("$count", count).With("$skip", Math.Max(0, skip)),
                Map,
                cancellationToken);

    public async Task<ProgrammeAction?> UpdateStatusAsync(string tenantId, string actionId, ActionStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var updated = await database.WriteAsync(
            writer => writer.Command("UPDATE programme_actions SET status = $status, updated_at = $at, revision = revision + 1 WHERE tenant_id = $tenant AND id = $id;")
                .With("$status", status.ToString())
                .With("$at", at)
                .With("$tenant", tenantId)
                .With("$id", actionId)
                .ExecuteNonQuery() == 1,
            cancellationToken);
        return updated ? await GetAsync(tenantId, actionId, cancellationToken) : null;
    }

    private static ProgrammeAction Map(SqliteDataReader reader) => new()
    {
        TenantId = reader.GetString(0),
        Id = reader.GetString(1),
        Change = reader.GetString(2),
        Owner = reader.GetString(3),
        DueDate = DateOnly.ParseExact(reader.GetString(4), DateFormat, CultureInfo.InvariantCulture),
        Status = Enum.Parse<ActionStatus>(reader.GetString(5)),
        Theme = reader.GetNullableString(6),
        RecordedByAadObjectId = reader.GetString(7),
        Sponsor = Enum.Parse<ActionSponsor>(reader.GetString(8)),
        AudienceTeamId = reader.GetNullableString(9),
        AudienceChannelId = reader.GetNullableString(10),
        AllStaff = reader.GetInt32(11) != 0,
        Revision = reader.GetInt32(12),
        CreatedAt = reader.GetTime(13),
        UpdatedAt = reader.GetTime(14),
    };
}
