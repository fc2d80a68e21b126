using FocusBot.Domain.Conversations;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Sqlite;

/// <summary>
/// conversations, one row per conversation; conversation_name_words holds the search keys of a personal chat's user
/// name (rewritten on every save, removed with the chat by a trigger), so people are found by name without reading
/// every chat.
/// </summary>
internal sealed class SqliteConversationStore(SqliteDatabase database) : IConversationStore
{
    private const string Columns = "tenant_id, conversation_id, kind, service_url, channel_id, bot_id, bot_name, user_id, user_aad_object_id, user_name, team_id, team_name, channel_name, time_zone, locale, installed_at, updated_at";

    private const string Prefixed = "c.tenant_id, c.conversation_id, c.kind, c.service_url, c.channel_id, c.bot_id, c.bot_name, c.user_id, c.user_aad_object_id, c.user_name, c.team_id, c.team_name, c.channel_name, c.time_zone, c.locale, c.installed_at, c.updated_at";

    public Task UpsertAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return database.WriteAsync(
            writer =>
            {
                if (conversation is { Kind: ConversationKind.Personal, UserId: not null })
                {
                    // One personal chat per user: a new one replaces the old.
                    writer.Command("DELETE FROM conversations WHERE tenant_id = $tenant AND user_id = $user AND kind = 'Personal' AND conversation_id <> $conversation;")
                        .With("$tenant", conversation.TenantId)
                        .With("$user", conversation.UserId)
                        .With("$conversation", conversation.ConversationId)
                        .ExecuteNonQuery();
                }

                writer.Command($"""
                    INSERT INTO conversations ({Columns})
                    VALUES ($tenant, $conversation, $kind, $serviceUrl, $channelId, $botId, $botName, $userId, $userAad, $userName, $teamId, $teamName, $channelName, $timeZone, $locale, $installedAt, $updatedAt)
                    ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET
                        kind = excluded.kind, service_url = excluded.service_url, channel_id = excluded.channel_id, bot_id = excluded.bot_id,
                        bot_name = excluded.bot_name, user_id = excluded.user_id, user_aad_object_id = excluded.user_aad_object_id,
                        user_name = excluded.user_name, team_id = excluded.team_id, team_name = excluded.team_name,
                        channel_name = excluded.channel_name, time_zone = excluded.time_zone, locale = excluded.locale,
                        installed_at = excluded.installed_at, updated_at = excluded.updated_at;
                    """)
                    .With("$tenant", conversation.TenantId)
                    .With("$conversation", conversation.ConversationId)
                    .With("$kind", conversation.Kind.ToString())
                    .With("$serviceUrl", conversation.ServiceUrl)
                    .With("$channelId", conversation.ChannelId)
                    .With("$botId", conversation.BotId)
                    .With("$botName", conversation.BotName)
                    .With("$userId", conversation.UserId)
                    .With("$userAad", conversation.UserAadObjectId)
                    .With("$userName", conversation.UserName)
                    .With("$teamId", conversation.TeamId)
                    .With("$teamName", conversation.TeamName)
                    .With("$channelName", conversation.ChannelName)
                    .With("$timeZone", conversation.TimeZone)
                    .With("$locale", conversation.Locale)
                    .With("$installedAt", conversation.InstalledAt)
                    .With("$updatedAt", conversation.UpdatedAt)
                    .ExecuteNonQuery();
                WriteNameWords(writer, conversation);
            },
            cancellationToken);
    }

    public Task<ConversationRecord?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken) =>
        database.QuerySingleAsync(
            $"SELECT {Columns} FROM conversations WHERE tenant_id = $tenant AND conversation_id = $conversation;",
            command => command.With("$tenant", tenantId).With("$conversation", conversationId),
            Map,
            cancellationToken);

    public Task<ConversationRecord?> GetPersonalForUserAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        database.QuerySingleAsync(
            $"SELECT {Columns} FROM conversations WHERE tenant_id = $tenant AND user_id = $user AND kind = 'Personal' ORDER BY updated_at DESC LIMIT 1;",
            command => command.With("$tenant", tenantId).With("$user", userId),
            Map,
            cancellationToken);

    public Task<ConversationRecord?> GetPersonalForAadObjectIdAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) =>
        database.QuerySingleAsync(
            $"SELECT {Columns} FROM conversations WHERE tenant_id = $tenant AND user_aad_object_id = $aad AND kind = 'Personal' ORDER BY updated_at DESC LIMIT 1;",
            command => command.With("$tenant", tenantId).With("$aad", aadObjectId),
            Map,
            cancellationToken);

    public async Task<IReadOnlyList<ConversationRecord>> SearchPersonalByNameAsync(string tenantId, string prefix, int max, CancellationToken cancellationToken)
    {
        var key = StoreArguments.NameKey(prefix);
        var chats = $"SELECT {Prefixed} FROM conversation_name_words w JOIN conversations c ON c.tenant_id = w.tenant_id AND c.conversation_id = w.conversation_id";
        var rows = key.Length == 0
            ? database.QueryAsync(
                $"{chats} WHERE w.tenant_id = $tenant AND w.is_full = 1 ORDER BY w.word_key;",
                command => command.With("$tenant", tenantId),
                Map,
                cancellationToken)
            : database.QueryAsync(
                $"{chats} WHERE w.tenant_id = $tenant AND w.word_key >= $from AND w.word_key < $to ORDER BY w.word_key;",
                command => command.With("$tenant", tenantId).With("$from", key).With("$to", StoreArguments.PrefixEnd(key)),
                Map,
                cancellationToken);
        return await PeopleSearch.CollectAsync(rows, chat => chat.UserId!, chat => StoreArguments.NameKey(chat.UserName!), max, cancellationToken);
    }

    public IAsyncEnumerable<ConversationRecord> ListPersonalAsync(string? tenantId, CancellationToken cancellationToken) =>
        tenantId is null
            ? database.QueryAsync($"SELECT {Columns} FROM conversations WHERE kind = 'Personal';", null, Map, cancellationToken)
            : database.QueryAsync(
                $"SELECT {Columns} FROM conversations WHERE kind = 'Personal' AND tenant_id = $tenant;",
                command => command.With("$tenant", tenantId),
                Map,
                cancellationToken);

    public IAsyncEnumerable<ConversationRecord> ListTeamsAsync(CancellationToken cancellationToken) =>
        database.QueryAsync($"SELECT {Columns} FROM conversations WHERE kind = 'Channel';", null, Map, cancellationToken);

    public Task<bool> RemoveAsync(string tenantId, string conversationId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            writer => writer.Command("DELETE FROM conversations WHERE tenant_id = $tenant AND conversation_id = $conversation;")
                .With("$tenant", tenantId)
                .With("$conversation", conversationId)
                .ExecuteNonQuery() > 0,
            cancellationToken);

    public Task<int> RemoveTeamAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            writer => writer.Command("DELETE FROM conversations WHERE tenant_id = $tenant AND team_id = $team AND kind = 'Channel';")
                .With("$tenant", tenantId)
                .With("$team", teamId)
                .ExecuteNonQuery(),
            cancellationToken);

    // The words of the name as it is now: a renamed user is found by the new name only.
    private static void WriteNameWords(SqliteWriter writer, ConversationRecord conversation)
    {
        writer.Command("DELETE FROM conversation_name_words WHERE tenant_id = $tenant AND conversation_id = $conversation;")
            .With("$tenant", conversation.TenantId)
            .With("$conversation", conversation.ConversationId)
            .ExecuteNonQuery();
        if (conversation is not { Kind: ConversationKind.Personal, UserId: not null })
        {
            return;
        }

        var keys = StoreArguments.NameKeys(conversation.UserName);
        for (var i = 0; i < keys.Count; i++)
        {
            writer.Command("INSERT OR IGNORE INTO conversation_name_words (tenant_id, word_key, conversation_id, is_full) VALUES ($tenant, $word, $conversation, $full);")
                .With("$tenant", conversation.TenantId)
                .With("$word", keys[i])
                .With("$conversation", conversation.ConversationId)
                .With("$full", i == 0 ? 1 : 0)
                .ExecuteNonQuery();
        }
    }

    private static ConversationRecord Map(SqliteDataReader reader) => new()
    {
        TenantId = reader.GetString(0),
        ConversationId = reader.GetString(1),
        Kind = reader.GetEnum<ConversationKind>(2),
        ServiceUrl = reader.GetString(3),
        ChannelId = reader.GetString(4),
        BotId = reader.GetString(5),
        BotName = reader.GetNullableString(6),
        UserId = reader.GetNullableString(7),
        UserAadObjectId = reader.GetNullableString(8),
        UserName = reader.GetNullableString(9),
        TeamId = reader.GetNullableString(10),
        TeamName = reader.GetNullableString(11),
        ChannelName = reader.GetNullableString(12),
        TimeZone = reader.GetNullableString(13),
        Locale = reader.GetNullableString(14),
        InstalledAt = reader.GetTime(15),
        UpdatedAt = reader.GetTime(16),
    };
}
