using FocusBot.Domain.Insights;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteInsightStore(SqliteDatabase database) : IInsightStore
{
    private const string Columns = "id, tenant_id, title, body, source, kpi_name, kpi_value, kpi_trend, link, author_aad_object_id, author_name, audience_team_id, audience_channel_id, all_staff, question_id, created_at, got_it_count";

    public Task<bool> CreateAsync(Insight insight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insight);
        ArgumentException.ThrowIfNullOrEmpty(insight.Id);
        return database.WriteAsync(
            writer => writer.Command($"""
                INSERT INTO insights ({Columns})
                VALUES ($id, $tenant, $title, $body, $source, $kpiName, $kpiValue, $kpiTrend, $link, $authorAad, $authorName, $team, $channel, $allStaff, $question, $createdAt, 0)
                ON CONFLICT (id) DO NOTHING;
                """)
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
                .With("$team", insight.AudienceTeamId)
                .With("$channel", insight.AudienceChannelId)
                .With("$allStaff", insight.AllStaff ? 1 : 0)
                .With("$question", insight.QuestionId)
                .With("$createdAt", insight.CreatedAt)
                .ExecuteNonQuery() == 1,
            cancellationToken);
    }

    public Task<Insight?> GetAsync(string insightId, CancellationToken cancellationToken) =>
        database.QuerySingleAsync($"SELECT {Columns} FROM insights WHERE id = $id;", command => command.With("$id", insightId), Map, cancellationToken);

    public async Task<IReadOnlyList<Insight>> ListLatestAsync(string tenantId, int count, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            $"SELECT {Columns} FROM insights WHERE tenant_id = $tenant ORDER BY created_at DESC, id DESC LIMIT $count;",
            command => command.With("$tenant", tenantId).With("$count", Math.Max(0, count)),
            Map,
            cancellationToken);

    public Task<bool> AddGotItAsync(string insightId, string userKey, CancellationToken cancellationToken) =>
        database.WriteAsync(writer => SqliteCountedMarks.GotIt.Add(writer, insightId, userKey), cancellationToken);

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
        AudienceTeamId = reader.GetNullableString(11),
        AudienceChannelId = reader.GetNullableString(12),
        AllStaff = reader.GetInt32(13) != 0,
        QuestionId = reader.GetNullableString(14),
        CreatedAt = reader.GetTime(15),
        GotItCount = reader.GetInt32(16),
    };
}
