using System.Runtime.CompilerServices;
using FocusBot.Domain.Conversations;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Conversations: partition = tenant; row "c|conversation" holds the reference and, for a personal chat, row "u|user"
/// a copy found by user, both written in one batch. TeamInstalls: partition = tenant, row "team|conversation", for
/// listing team installations and removing a team without scanning.
/// </summary>
internal sealed class AzureConversationStore(TableClient client, AzureTableNames tables) : IConversationStore
{
    private const string ConversationRow = "c";
    private const string UserRow = "u";

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
        }

        await client.SubmitBatchAsync(tables.Conversations, operations, cancellationToken);

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

    /// <summary>Removes the user's personal chat (user row and conversation row); returns how many references went.</summary>
    internal async Task<int> EraseUserAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(tenantId);
        var userRow = await client.GetAsync(tables.Conversations, partition, TableKeys.Compose(UserRow, userId), cancellationToken);
        if (userRow is null)
        {
            return 0;
        }

        await client.TryDeleteAsync(tables.Conversations, partition, TableKeys.Compose(ConversationRow, userRow.GetRequiredString(nameof(ConversationRecord.ConversationId))), cancellationToken);
        await client.TryDeleteAsync(tables.Conversations, partition, userRow.RowKey, cancellationToken);
        return 1;
    }

    // The user row may already point at a newer personal chat of the same user; only the row of this chat goes.
    private async Task RemoveUserRowAsync(string partition, string userId, string conversationId, CancellationToken cancellationToken)
    {
        var userRow = await client.GetAsync(tables.Conversations, partition, TableKeys.Compose(UserRow, userId), cancellationToken);
        if (userRow is not null && string.Equals(userRow.GetString(nameof(ConversationRecord.ConversationId)), conversationId, StringComparison.Ordinal))
        {
            await client.TryDeleteAsync(tables.Conversations, partition, userRow.RowKey, cancellationToken, userRow.ETag ?? "*");
        }
    }

    private static string TeamRow(string teamId, string conversationId) => TableKeys.Compose(teamId, conversationId);

    private static TableEntity ToEntity(ConversationRecord conversation, string partitionKey, string rowKey) => new(partitionKey, rowKey)
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

    private static ConversationRecord FromEntity(TableEntity entity) => new()
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
