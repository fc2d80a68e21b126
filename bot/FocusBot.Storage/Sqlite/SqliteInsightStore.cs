using FocusBot.Domain.Insights;
using FocusBot.Storage.Serialization;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteInsightStore(SqliteDatabase database) : IInsightStore
{
    // audience_team_id and audience_channel_id (schema 1) held the one channel an insight could have; schema 11 moved it
    // into channel_ids, and they are neither written nor read any more.
    private const string Columns = "id, tenant_id, title, body, source, kpi_name, kpi_value, kpi_trend, link, author_aad_object_id, author_name, "
        + "channel_ids, team_ids, all_staff, question_id, created_at, send_at, time_zone, status, revision, changed_at, got_it_count";

    public Task<bool> CreateAsync(Insight insight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insight);
        ArgumentException.ThrowIfNullOrEmpty(insight.Id);
        return database.WriteAsync(
            writer => Bind(writer.Command($"""
                INSERT INTO insights ({Columns})
                VALUES ($id, $tenant, $title, $body, $source, $kpiName, $kpiValue, $kpiTrend, $link, $authorAad, $authorName,
                    $channels, $teams, $allStaff, $question, $createdAt, $sendAt, $timeZone, $status, $revision, $changedAt, 0)
                ON CONFLICT (id) DO NOTHING;
                """), insight).ExecuteNonQuery() == 1,
            cancellationToken);
    }

    public Task<Insight?> GetAsync(string insightId, CancellationToken cancellationToken) =>
        database.QuerySingleAsync($"SELECT {Columns} FROM insights WHERE id = $id;", command => command.With("$id", insightId), Map, cancellationToken);

    public async Task<IReadOnlyList<Insight>> ListLatestAsync(string tenantId, int count, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            $"SELECT {Columns} FROM insights WHERE tenant_id = $tenant ORDER BY send_at DESC, id DESC LIMIT $count;",
            command => command.With("$tenant", tenantId).With("$count", Math.Max(0, count)),
            Map,
            cancellationToken);

    public async Task<IReadOnlyList<Insight>> ListScheduledAsync(string tenantId, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            $"SELECT {Columns} FROM insights WHERE tenant_id = $tenant AND status = $status ORDER BY send_at, id;",
            command => command.With("$tenant", tenantId).With("$status", nameof(InsightStatus.Scheduled)),
            Map,
            cancellationToken);

    public Task<bool> AddGotItAsync(string insightId, string userKey, CancellationToken cancellationToken) =>
        database.WriteAsync(writer => SqliteCountedMarks.GotIt.Add(writer, insightId, userKey), cancellationToken);

    // One write transaction reads, changes and saves: no other writer comes between, so the change never needs a retry.
    public Task<Insight?> UpdateAsync(string insightId, Func<Insight, Insight?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return database.WriteAsync(
            writer =>
            {
                Insight stored;
                using (var reader = writer.Command($"SELECT {Columns} FROM insights WHERE id = $id;").With("$id", insightId).ExecuteReader())
                {
                    if (!reader.Read())
                    {
                        return null;
                    }

                    stored = Map(reader);
                }

                if (change(stored) is not { } proposed)
                {
                    return null;
                }

                var changed = InsightUpdates.Keep(stored, proposed);
                Bind(writer.Command("""
                    UPDATE insights SET title = $title, body = $body, source = $source, kpi_name = $kpiName, kpi_value = $kpiValue,
                        kpi_trend = $kpiTrend, link = $link, channel_ids = $channels, team_ids = $teams, all_staff = $allStaff,
                        question_id = $question, send_at = $sendAt, time_zone = $timeZone, status = $status, revision = $revision,
                        changed_at = $changedAt
                    WHERE id = $id;
                    """), changed).ExecuteNonQuery();
                return changed;
            },
            cancellationToken);
    }

    private static SqliteCommand Bind(SqliteCommand command, Insight insight) => command
        .With("$id", insight.Id)
        .With("$tenant", insight.TenantId)
        .With("$title", insight.Title)
        .With("$body", insight.Body)
        .With("$source", insight.Source)
        .With("$kpiName", insight.KpiName)
        .With("$kpiValue", insight.KpiValue)
        .With("$kpiTrend", insight.KpiTrend)
        .With("$link", insight.Link)
        .With("$authorAad", insight.AuthorAadObjectId)
        .With("$authorName", insight.AuthorName)
        .With("$channels", StringListJson.Encode(insight.ChannelIds))
        .With("$teams", StringListJson.Encode(insight.TeamIds))
        .With("$allStaff", insight.AllStaff ? 1 : 0)
        .With("$question", insight.QuestionId)
        .With("$createdAt", insight.CreatedAt)
        .With("$sendAt", insight.SendAt)
        .With("$timeZone", insight.TimeZone)
        .With("$status", insight.Status.ToString())
        .With("$revision", insight.Revision)
        .With("$changedAt", insight.ChangedAt is { } changedAt ? changedAt.UtcTicks : null);

    private static Insight Map(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        TenantId = reader.GetString(1),
        Title = reader.GetString(2),
        Body = reader.GetString(3),
        Source = reader.GetString(4),
        KpiName = reader.GetNullableString(5),
        KpiValue = reader.GetNullableString(6),
        KpiTrend = reader.GetNullableString(7),
        Link = reader.GetNullableString(8),
        AuthorAadObjectId = reader.GetString(9),
        AuthorName = reader.GetString(10),
        ChannelIds = StringListJson.Decode(reader.GetString(11)),
        TeamIds = StringListJson.Decode(reader.GetString(12)),
        AllStaff = reader.GetInt32(13) != 0,
        QuestionId = reader.GetNullableString(14),
        CreatedAt = reader.GetTime(15),
        SendAt = reader.GetTime(16),
        TimeZone = reader.GetNullableString(17),
        Status = reader.GetEnum<InsightStatus>(18),
        Revision = reader.GetInt32(19),
        ChangedAt = reader.IsDBNull(20) ? null : reader.GetTime(20),
        GotItCount = reader.GetInt32(21),
    };
}
