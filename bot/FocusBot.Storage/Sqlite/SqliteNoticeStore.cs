using System.Globalization;
using FocusBot.Domain.Notices;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteNoticeStore(SqliteDatabase database) : INoticeStore
{
    public Task<bool> AddAsync(Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentException.ThrowIfNullOrEmpty(notice.Id);
        ArgumentException.ThrowIfNullOrEmpty(notice.TenantId);
        return database.WriteAsync(
            writer => writer.Command("INSERT INTO notices (tenant_id, id, at, kind, text) VALUES ($tenant, $id, $at, $kind, $text) ON CONFLICT DO NOTHING;")
                .With("$tenant", notice.TenantId)
                .With("$id", notice.Id)
                .With("$at", notice.At)
                .With("$kind", notice.Kind.ToString())
                .With("$text", notice.Text)
                .ExecuteNonQuery() == 1,
            cancellationToken);
    }

    public async Task<IReadOnlyList<Notice>> ListSinceAsync(string tenantId, DateTimeOffset since, int count, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            "SELECT tenant_id, id, at, kind, text FROM notices WHERE tenant_id = $tenant AND at >= $since ORDER BY at DESC, id LIMIT $count;",
            command => command.With("$tenant", tenantId).With("$since", since).With("$count", Math.Max(0, count)),
            reader => new Notice
            {
                TenantId = reader.GetString(0),
                Id = reader.GetString(1),
                At = reader.GetTime(2),
                Kind = reader.GetEnum<NoticeKind>(3),
                Text = reader.GetString(4),
            },
            cancellationToken);

    public Task<bool> TryMarkAnnouncedAsync(string tenantId, NoticeKind kind, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        return database.WriteAsync(
            writer => writer.Command("INSERT INTO notice_announcements (tenant_id, kind, day) VALUES ($tenant, $kind, $day) ON CONFLICT DO NOTHING;")
                .With("$tenant", tenantId)
                .With("$kind", kind.ToString())
                .With("$day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .ExecuteNonQuery() == 1,
            cancellationToken);
    }
}
