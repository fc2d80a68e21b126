using System.Text;
using FocusBot.Domain.Recognitions;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

internal sealed class SqliteRecognitionStore(SqliteDatabase database) : IRecognitionStore
{
    private const string Columns = "id, tenant_id, recipient_user_id, recipient_aad_object_id, recipient_name, author_aad_object_id, author_name, behaviour, story, team_id, channel_id, activity_id, created_at, applause_count, kind";

    public Task<bool> CreateAsync(Recognition recognition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        ArgumentException.ThrowIfNullOrEmpty(recognition.Id);
        return database.WriteAsync(
            writer => writer.Command($"""
                INSERT INTO recognitions ({Columns})
                VALUES ($id, $tenant, $recipient, $recipientAad, $recipientName, $authorAad, $authorName, $behaviour, $story, $team, $channel, $activity, $createdAt, 0, $kind)
                ON CONFLICT (id) DO NOTHING;
                """)
                .With("$id", recognition.Id)
                .With("$tenant", recognition.TenantId)
                .With("$recipient", recognition.RecipientUserId)
                .With("$recipientAad", recognition.RecipientAadObjectId)
                .With("$recipientName", recognition.RecipientName)
                .With("$authorAad", recognition.AuthorAadObjectId)
                .With("$authorName", recognition.AuthorName)
                .With("$behaviour", recognition.Behaviour)
                .With("$story", recognition.Story)
                .With("$team", recognition.TeamId)
                .With("$channel", recognition.ChannelId)
                .With("$activity", recognition.ActivityId)
                .With("$createdAt", recognition.CreatedAt)
                .With("$kind", recognition.Kind.ToString())
                .ExecuteNonQuery() == 1,
            cancellationToken);
    }

    public Task<Recognition?> GetAsync(string recognitionId, CancellationToken cancellationToken) =>
        database.QuerySingleAsync($"SELECT {Columns} FROM recognitions WHERE id = $id;", command => command.With("$id", recognitionId), Map, cancellationToken);

    public async Task<IReadOnlyList<Recognition>> ListRecentAsync(string tenantId, int count, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            $"SELECT {Columns} FROM recognitions WHERE tenant_id = $tenant ORDER BY created_at DESC, id DESC LIMIT $count;",
            command => command.With("$tenant", tenantId).With("$count", Math.Max(0, count)),
            Map,
            cancellationToken);

    public IAsyncEnumerable<Recognition> ListSinceAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT {Columns} FROM recognitions WHERE tenant_id = $tenant AND created_at >= $since ORDER BY created_at DESC, id DESC;",
            command => command.With("$tenant", tenantId).With("$since", since),
            Map,
            cancellationToken);

    public IAsyncEnumerable<Recognition> QueryAsync(RecognitionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Each filter is a constant clause; values travel as parameters.
        var where = new StringBuilder("tenant_id = $tenant");
        if (query.Since is not null)
            where.Append(" AND created_at >= $since");
        if (query.Before is not null)
            where.Append(" AND created_at < $before");
        if (query.TeamId is not null)
            where.Append(" AND team_id = $team");
        if (query.Behaviour is not null)
            where.Append(" AND behaviour = $behaviour");
        if (query.Kind is not null)
            where.Append(" AND kind = $kind");
        return database.QueryAsync(
            $"SELECT {Columns} FROM recognitions WHERE {where} ORDER BY created_at DESC, id DESC;",
            command => command.With("$tenant", query.TenantId).With("$since", (object?)query.Since?.UtcTicks).With("$before", (object?)query.Before?.UtcTicks)
                .With("$team", query.TeamId).With("$behaviour", query.Behaviour).With("$kind", query.Kind?.ToString()),
            Map,
            cancellationToken);
    }

    public async Task<IReadOnlyList<Recognition>> ListGivenAsync(string tenantId, string? userId, string? aadObjectId, DateTimeOffset? since, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            $"SELECT {Columns} FROM recognitions WHERE tenant_id = $tenant AND kind = 'Peer' AND author_aad_object_id IN ($user, $aad) AND created_at >= $since ORDER BY created_at DESC, id DESC;",
            command => command.With("$tenant", tenantId).With("$user", userId).With("$aad", aadObjectId).With("$since", since ?? DateTimeOffset.MinValue),
            Map,
            cancellationToken);

    public async Task<IReadOnlyList<Recognition>> ListForRecipientAsync(string tenantId, string? userId, string? aadObjectId, CancellationToken cancellationToken) =>
        await database.QueryListAsync(
            $"SELECT {Columns} FROM recognitions WHERE tenant_id = $tenant AND (recipient_user_id = $user OR recipient_aad_object_id = $aad) ORDER BY created_at DESC, id DESC;",
            command => command.With("$tenant", tenantId).With("$user", userId).With("$aad", aadObjectId),
            Map,
            cancellationToken);

    public Task<bool> AddApplauseAsync(string recognitionId, string userKey, CancellationToken cancellationToken) =>
        database.WriteAsync(writer => SqliteCountedMarks.Applause.Add(writer, recognitionId, userKey), cancellationToken);

    private static Recognition Map(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        TenantId = reader.GetString(1),
        RecipientUserId = reader.GetString(2),
        RecipientAadObjectId = reader.GetNullableString(3),
        RecipientName = reader.GetString(4),
        AuthorAadObjectId = reader.GetString(5),
        AuthorName = reader.GetString(6),
        Behaviour = reader.GetString(7),
        Story = reader.GetString(8),
        TeamId = reader.GetString(9),
        ChannelId = reader.GetString(10),
        ActivityId = reader.GetNullableString(11),
        CreatedAt = reader.GetTime(12),
        ApplauseCount = reader.GetInt32(13),
        Kind = reader.GetEnum<RecognitionKind>(14),
    };
}
