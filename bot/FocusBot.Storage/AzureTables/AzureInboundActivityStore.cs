using System.Globalization;
using Azure;
using FocusBot.Domain.Inbound;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Inbound activity marks: partition = the (already hashed) key, one row. A new mark is an insert (409 for the loser);
/// taking over an expired one is a replace with the ETag that was read (412 for the loser), as leases do.
/// </summary>
internal sealed class AzureInboundActivityStore(FocusTableClient client, AzureTableNames tables, TimeProvider timeProvider) : IInboundActivityStore
{
    private const string Row = "mark";
    private const string ExpiresAt = "ExpiresAt";

    public async Task<bool> TryMarkAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var now = timeProvider.GetUtcNow();
        var entity = new TableRow(TableKeys.Encode(key), Row) { [ExpiresAt] = now + retention };
        if (await client.TryInsertAsync(tables.InboundActivities, entity, cancellationToken) is not null)
        {
            return true;
        }

        var current = await client.GetAsync(tables.InboundActivities, entity.PartitionKey, Row, cancellationToken);
        if (current is null)
        {
            // Unmarked or purged between the insert and the read: try once more rather than loop.
            return await client.TryInsertAsync(tables.InboundActivities, entity, cancellationToken) is not null;
        }

        if (current.GetRequiredDateTime(ExpiresAt) > now)
        {
            return false;
        }

        try
        {
            await client.ExecuteAsync(tables.InboundActivities, TableOperation.Replace(entity, current.ETag!), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed || exception.IsNotFound)
        {
            return false;
        }
    }

    public Task UnmarkAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return client.TryDeleteAsync(tables.InboundActivities, TableKeys.Encode(key), Row, cancellationToken);
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var filter = string.Create(CultureInfo.InvariantCulture, $"{ExpiresAt} le datetime'{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}'");
        var purged = 0;
        await foreach (var mark in client.QueryAsync(tables.InboundActivities, filter, ["PartitionKey", "RowKey"], cancellationToken))
        {
            // With its ETag: a mark taken over since the query is live again and stays.
            if (await client.TryDeleteAsync(tables.InboundActivities, mark.PartitionKey, mark.RowKey, cancellationToken, mark.ETag ?? "*"))
            {
                purged++;
            }
        }

        return purged;
    }
}
