using System.Runtime.CompilerServices;
using FocusBot.Domain.Conversations;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Conversations: partition = tenant; row "c|conversation" holds the reference and, for a personal chat, copies found
/// by key: "u|user", "a|Entra object id", "f|whole name|user" and "w|name from a later word|user" (name search by
/// range), all written in one batch. TeamInstalls: partition = tenant, row "team|conversation", for listing team
/// installations and removing a team without scanning.
/// </summary>
internal sealed class AzureConversationStore(FocusTableClient client, AzureTableNames tables) : IConversationStore
{
    private const string ConversationRow = "c";
    private const string UserRow = "u";
    private const string ObjectIdRow = "a";
    private const string FullNameRow = "f";
    private const string WordRow = "w";

    public async Task UpsertAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var partition = TableKeys.Encode(conversation.TenantId);
        var existing = await GetAsync(conversation.TenantId, conversation.ConversationId, cancellationToken);
        if (conversation.Kind == ConversationKind.Channel && conversation.TeamId is not null)
        {
            // The team row goes first: a crash before the batch leaves an extra team row, which RemoveTeamAsync cleans up.
            await client.ExecuteAsync(tables.TeamInstalls, TableOperation.UpsertReplace(ToEntity(conversation, partition, TeamRow(conversation.TeamId, conversation.ConversationId))), cancellationToken);
        }

        var operations = new List<TableOperation> { TableOperation.UpsertReplace(ToEntity(conversation, partition, TableKeys.Compose(ConversationRow, conversation.ConversationId))) };
        ConversationRecord? superseded = null;
        if (conversation.Kind == ConversationKind.Personal && conversation.UserId is not null)
        {
            superseded = await GetPersonalForUserAsync(conversation.TenantId, conversation.UserId, cancellationToken);
            operations.Add(TableOperation.UpsertReplace(ToEntity(conversation, partition, TableKeys.Compose(UserRow, conversation.UserId))));
            operations.AddRange(LookupRows(conversation).Select(row => TableOperation.UpsertReplace(ToEntity(conversation, partition, row))));
        }

        await client.SubmitBatchAsync(tables.Conversations, operations, cancellationToken);

        // A renamed user, or one whose object id changed, is found by the new keys only.
        if (superseded is not null)
        {
            await DeleteRowsAsync(partition, LookupRows(superseded).Except(LookupRows(conversation), StringComparer.Ordinal), cancellationToken);
        }

        // One personal chat per user: a new one replaces the old, which also keeps erasure a matter of one user row.
        if (superseded is not null && !string.Equals(superseded.ConversationId, conversation.ConversationId, StringComparison.Ordinal))
        {
            await client.TryDeleteAsync(tables.Conversations, partition, TableKeys.Compose(ConversationRow, superseded.ConversationId), cancellationToken);
        }
        if (existing is { Kind: ConversationKind.Personal, UserId: { } oldUser } && !string.Equals(oldUser, conversation.UserId, StringComparison.Ordinal))
        {
            await RemoveUserRowAsync(partition, oldUser, conversation.ConversationId, cancellationToken);
        }

        if (existing is { Kind: ConversationKind.Channel, TeamId: { } oldTeam } && !string.Equals(oldTeam, conversation.TeamId, StringComparison.Ordinal))
        {
            await client.TryDeleteAsync(tables.TeamInstalls, partition, TeamRow(oldTeam, conversation.ConversationId), cancellationToken);
        }
    }

    public async Task<ConversationRecord?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var entity = await client.GetAsync(tables.Conversations, TableKeys.Encode(tenantId), TableKeys.Compose(ConversationRow, conversationId), cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<ConversationRecord?> GetPersonalForUserAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var entity = await client.GetAsync(tables.Conversations, TableKeys.Encode(tenantId), TableKeys.Compose(UserRow, userId), cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<ConversationRecord?> GetPersonalForAadObjectIdAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var entity = await client.GetAsync(tables.Conversations, TableKeys.Encode(tenantId), TableKeys.Compose(ObjectIdRow, aadObjectId), cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    public Task<IReadOnlyList<ConversationRecord>> SearchPersonalByNameAsync(string tenantId, string prefix, int max, CancellationToken cancellationToken)
    {
        var key = StoreArguments.NameKey(prefix);
        IReadOnlyList<string> ranges = key.Length == 0
            ? [FullNameRow + TableKeys.Separator]
            : [TableKeys.Compose(FullNameRow, key), TableKeys.Compose(WordRow, key)];
        return PeopleSearch.CollectAsync(QueryRangesAsync(TableKeys.Encode(tenantId), ranges, cancellationToken), chat => chat.UserId!,
            chat => StoreArguments.NameKey(chat.UserName!), max, cancellationToken);
    }

    public async IAsyncEnumerable<ConversationRecord> ListPersonalAsync(string? tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = TableFilter.StartsWith("RowKey", UserRow + TableKeys.Separator);
        var filter = tenantId is null ? rows : TableFilter.And(TableFilter.PartitionIs(TableKeys.Encode(tenantId)), rows);
        await foreach (var entity in client.QueryAsync(tables.Conversations, filter, null, cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    public async IAsyncEnumerable<ConversationRecord> ListTeamsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in client.QueryAsync(tables.TeamInstalls, null, null, cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    public async Task<bool> RemoveAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(tenantId);
        var existing = await GetAsync(tenantId, conversationId, cancellationToken);
        if (existing is null)
        {
            return false;
        }

        if (existing is { Kind: ConversationKind.Personal, UserId: { } userId })
        {
            await RemoveUserRowAsync(partition, userId, conversationId, cancellationToken);
        }

        await client.TryDeleteAsync(tables.Conversations, partition, TableKeys.Compose(ConversationRow, conversationId), cancellationToken);

        if (existing is { Kind: ConversationKind.Channel, TeamId: { } teamId })
        {
            await client.TryDeleteAsync(tables.TeamInstalls, partition, TeamRow(teamId, conversationId), cancellationToken);
        }

        return true;
    }

    public async Task<int> RemoveTeamAsync(string tenantId, string teamId, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(tenantId);
        var teamRows = await client.QueryAsync(
                tables.TeamInstalls,
                TableFilter.And(TableFilter.PartitionIs(partition), TableFilter.StartsWith("RowKey", TableKeys.Encode(teamId) + TableKeys.Separator)),
                ["PartitionKey", "RowKey", nameof(ConversationRecord.ConversationId)],
                cancellationToken)
            .ToListAsync(cancellationToken);
        var removed = 0;
        foreach (var row in teamRows)
        {
            if (await client.TryDeleteAsync(tables.Conversations, partition, TableKeys.Compose(ConversationRow, row.GetRequiredString(nameof(ConversationRecord.ConversationId))), cancellationToken))
            {
                removed++;
            }
        }

        await client.SubmitAllAsync(tables.TeamInstalls, teamRows.Select(row => TableOperation.Delete(row.PartitionKey, row.RowKey)), cancellationToken);
        return removed;
    }

    /// <summary>How many personal chats the person has (found by user id or Entra object id): 0 or 1.</summary>
    internal async Task<int> CountPersonAsync(string tenantId, string? userId, string? aadObjectId, CancellationToken cancellationToken) =>
        (await FindUserRowsAsync(tenantId, userId, aadObjectId, cancellationToken)).Count;

    /// <summary>Removes the person's personal chat: its lookup rows first, then the conversation row, then the user row that finds them.</summary>
    internal async Task<int> ErasePersonAsync(string tenantId, string? userId, string? aadObjectId, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(tenantId);
        var removed = 0;
        foreach (var userRow in await FindUserRowsAsync(tenantId, userId, aadObjectId, cancellationToken))
        {
            var chat = FromEntity(userRow);
            await DeleteRowsAsync(partition, LookupRows(chat), cancellationToken);
            await client.TryDeleteAsync(tables.Conversations, partition, TableKeys.Compose(ConversationRow, chat.ConversationId), cancellationToken);
            await client.TryDeleteAsync(tables.Conversations, partition, userRow.RowKey, cancellationToken);
            removed++;
        }

        return removed;
    }

    private async Task<IReadOnlyList<TableRow>> FindUserRowsAsync(string tenantId, string? userId, string? aadObjectId, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(tenantId);
        var userIds = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(userId))
        {
            userIds.Add(userId);
        }

        if (!string.IsNullOrEmpty(aadObjectId) && await client.GetAsync(tables.Conversations, partition, TableKeys.Compose(ObjectIdRow, aadObjectId), cancellationToken) is { } byObjectId
            && byObjectId.GetString(nameof(ConversationRecord.UserId)) is { } found)
        {
            userIds.Add(found);
        }

        var rows = new List<TableRow>();
        foreach (var id in userIds)
        {
            if (await client.GetAsync(tables.Conversations, partition, TableKeys.Compose(UserRow, id), cancellationToken) is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    // The copies of a personal chat found by object id and by name; the user row is not among them.
    private static List<string> LookupRows(ConversationRecord chat)
    {
        if (chat is not { Kind: ConversationKind.Personal, UserId: { } userId })
        {
            return [];
        }

        var rows = new List<string>();
        if (!string.IsNullOrEmpty(chat.UserAadObjectId))
        {
            rows.Add(TableKeys.Compose(ObjectIdRow, chat.UserAadObjectId));
        }

        var keys = StoreArguments.NameKeys(chat.UserName);
        for (var i = 0; i < keys.Count; i++)
        {
            rows.Add(TableKeys.Compose(i == 0 ? FullNameRow : WordRow, keys[i], userId));
        }

        return rows;
    }

    private Task DeleteRowsAsync(string partition, IEnumerable<string> rows, CancellationToken cancellationToken) =>
        TableClientExtensions.ForEachAsync(rows, async (row, token) => await client.TryDeleteAsync(tables.Conversations, partition, row, token), cancellationToken);

    private async IAsyncEnumerable<ConversationRecord> QueryRangesAsync(string partition, IReadOnlyList<string> prefixes,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var prefix in prefixes)
        {
            var filter = TableFilter.And(TableFilter.PartitionIs(partition), TableFilter.StartsWith("RowKey", prefix));
            await foreach (var entity in client.QueryAsync(tables.Conversations, filter, null, cancellationToken))
            {
                yield return FromEntity(entity);
            }
        }
    }

    // The user row may already point at a newer personal chat of the same user; only the row of this chat goes.
    private async Task RemoveUserRowAsync(string partition, string userId, string conversationId, CancellationToken cancellationToken)
    {
        var userRow = await client.GetAsync(tables.Conversations, partition, TableKeys.Compose(UserRow, userId), cancellationToken);
        if (userRow is not null && string.Equals(userRow.GetString(nameof(ConversationRecord.ConversationId)), conversationId, StringComparison.Ordinal))
        {
            await DeleteRowsAsync(partition, LookupRows(FromEntity(userRow)), cancellationToken);
            await client.TryDeleteAsync(tables.Conversations, partition, userRow.RowKey, cancellationToken, userRow.ETag ?? "*");
        }
    }

    private static string TeamRow(string teamId, string conversationId) => TableKeys.Compose(teamId, conversationId);

    private static TableRow ToEntity(ConversationRecord conversation, string partitionKey, string rowKey) => new(partitionKey, rowKey)
    {
        [nameof(ConversationRecord.TenantId)] = conversation.TenantId,
        [nameof(ConversationRecord.ConversationId)] = conversation.ConversationId,
        [nameof(ConversationRecord.Kind)] = conversation.Kind.ToString(),
        [nameof(ConversationRecord.ServiceUrl)] = conversation.ServiceUrl,
        [nameof(ConversationRecord.ChannelId)] = conversation.ChannelId,
        [nameof(ConversationRecord.BotId)] = conversation.BotId,
        [nameof(ConversationRecord.BotName)] = conversation.BotName,
        [nameof(ConversationRecord.UserId)] = conversation.UserId,
        [nameof(ConversationRecord.UserAadObjectId)] = conversation.UserAadObjectId,
        [nameof(ConversationRecord.UserName)] = conversation.UserName,
        [nameof(ConversationRecord.TeamId)] = conversation.TeamId,
        [nameof(ConversationRecord.TeamName)] = conversation.TeamName,
        [nameof(ConversationRecord.ChannelName)] = conversation.ChannelName,
        [nameof(ConversationRecord.TimeZone)] = conversation.TimeZone,
        [nameof(ConversationRecord.Locale)] = conversation.Locale,
        [nameof(ConversationRecord.InstalledAt)] = conversation.InstalledAt,
        [nameof(ConversationRecord.UpdatedAt)] = conversation.UpdatedAt,
    };

    private static ConversationRecord FromEntity(TableRow entity) => new()
    {
        TenantId = entity.GetRequiredString(nameof(ConversationRecord.TenantId)),
        ConversationId = entity.GetRequiredString(nameof(ConversationRecord.ConversationId)),
        Kind = Enum.Parse<ConversationKind>(entity.GetRequiredString(nameof(ConversationRecord.Kind))),
        ServiceUrl = entity.GetRequiredString(nameof(ConversationRecord.ServiceUrl)),
        ChannelId = entity.GetRequiredString(nameof(ConversationRecord.ChannelId)),
        BotId = entity.GetRequiredString(nameof(ConversationRecord.BotId)),
        BotName = entity.GetString(nameof(ConversationRecord.BotName)),
        UserId = entity.GetString(nameof(ConversationRecord.UserId)),
        UserAadObjectId = entity.GetString(nameof(ConversationRecord.UserAadObjectId)),
        UserName = entity.GetString(nameof(ConversationRecord.UserName)),
        TeamId = entity.GetString(nameof(ConversationRecord.TeamId)),
        TeamName = entity.GetString(nameof(ConversationRecord.TeamName)),
        ChannelName = entity.GetString(nameof(ConversationRecord.ChannelName)),
        TimeZone = entity.GetString(nameof(ConversationRecord.TimeZone)),
        Locale = entity.GetString(nameof(ConversationRecord.Locale)),
        InstalledAt = entity.GetRequiredDateTime(nameof(ConversationRecord.InstalledAt)),
        UpdatedAt = entity.GetRequiredDateTime(nameof(ConversationRecord.UpdatedAt)),
    };
}
