using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using FocusBot.Domain.Deliveries;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Deliveries: partition = pulse|bucket (16 buckets by recipient), row = recipient key. A pulse's fan-out spreads over
/// 16 partitions (about 32,000 entities/s together); listing a pulse is one query over the partition range "pulse|".
/// Every ledger id is recorded in <see cref="AzureLedgers"/> first, so a recipient's rows are reachable by key.
/// </summary>
internal sealed class AzureDeliveryStore(FocusTableClient client, AzureTableNames tables, AzureLedgers ledgers) : IDeliveryStore
{
    internal const int Buckets = 16;

    // The ledger id's stored name from when only pulses had ledgers; existing entities must still read.
    private const string LedgerIdProperty = "PulseId";

    public async Task<int> CreateIfMissingAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        await ledgers.RecordAsync(AzureLedgers.Deliveries, deliveries.Select(delivery => delivery.LedgerId), cancellationToken);
        var operations = deliveries
            .DistinctBy(delivery => (delivery.LedgerId, delivery.RecipientKey))
            .Select(delivery => TableOperation.Insert(ToEntity(delivery)))
            .ToList();
        var created = 0;
        foreach (var chunk in TableBatching.Chunk(operations))
        {
            try
            {
                await client.SubmitBatchAsync(tables.Deliveries, chunk, cancellationToken);
                created += chunk.Count;
            }
            catch (TableTransactionFailedException exception) when (exception.IsConflict)
            {
                // Some already exist (a restart resumed the fan-out): insert one by one and keep the existing ones.
                foreach (var operation in chunk)
                {
                    if (await client.TryInsertAsync(tables.Deliveries, operation.Entity, cancellationToken) is not null)
                    {
                        created++;
                    }
                }
            }
        }

        return created;
    }

    public async Task<Delivery?> GetAsync(string ledgerId, string recipientKey, CancellationToken cancellationToken)
    {
        var entity = await client.GetAsync(tables.Deliveries, Partition(ledgerId, recipientKey), TableKeys.Encode(recipientKey), cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<Delivery> UpdateAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var etag = await client.ReplaceIfUnchangedAsync(tables.Deliveries, ToEntity(delivery), delivery.ETag, "delivery", cancellationToken);
        return delivery with { ETag = etag };
    }

    public async IAsyncEnumerable<Delivery> ListAsync(string ledgerId, DeliveryStatus? status, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = LedgerRange(ledgerId);
        if (status is not null)
        {
            filter = TableFilter.And(filter, TableFilter.Equal(nameof(Delivery.Status), status.Value.ToString()));
        }

        await foreach (var entity in client.QueryAsync(tables.Deliveries, filter, null, cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    public async Task<IReadOnlyDictionary<DeliveryStatus, int>> CountByStatusAsync(string ledgerId, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<DeliveryStatus, int>();
        await foreach (var entity in client.QueryAsync(tables.Deliveries, LedgerRange(ledgerId), [nameof(Delivery.Status)], cancellationToken))
        {
            var status = Enum.Parse<DeliveryStatus>(entity.GetRequiredString(nameof(Delivery.Status)));
            counts[status] = counts.GetValueOrDefault(status) + 1;
        }

        return counts;
    }

    /// <summary>How many ledgers hold a row of the recipient: one point read per ledger, no scan.</summary>
    /// <summary>The ledger's range over its 16 partitions, a page at a time in batches per partition; the Ledgers row last.</summary>
    public async Task<int> DeleteLedgerAsync(string ledgerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ledgerId);
        var deleted = 0;
        string? continuation = null;
        do
        {
            var page = await client.QueryPageAsync(tables.Deliveries, LedgerRange(ledgerId), ["PartitionKey", "RowKey"], top: null, continuation, cancellationToken);
            deleted += await client.DeleteAllAsync(tables.Deliveries, page.Values, cancellationToken);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        await ledgers.ForgetAsync(AzureLedgers.Deliveries, ledgerId, cancellationToken);
        return deleted;
    }

    internal Task<int> CountForRecipientAsync(string recipientKey, CancellationToken cancellationToken) =>
        ForEachLedgerAsync(recipientKey, async (partition, row, token) => await client.GetAsync(tables.Deliveries, partition, row, token) is not null, cancellationToken);

    /// <summary>Deletes the recipient's row in every ledger (pulses, insights, recognitions, ...): one point delete per ledger.</summary>
    internal Task<int> EraseRecipientAsync(string recipientKey, CancellationToken cancellationToken) =>
        ForEachLedgerAsync(recipientKey, (partition, row, token) => new ValueTask<bool>(client.TryDeleteAsync(tables.Deliveries, partition, row, token)), cancellationToken);

    private async Task<int> ForEachLedgerAsync(string recipientKey, Func<string, string, CancellationToken, ValueTask<bool>> action, CancellationToken cancellationToken)
    {
        var hits = 0;
        await TableClientExtensions.ForEachAsync(
            await ledgers.ListAsync(AzureLedgers.Deliveries, cancellationToken),
            async (ledgerId, token) =>
            {
                if (await action(Partition(ledgerId, recipientKey), TableKeys.Encode(recipientKey), token))
                {
                    Interlocked.Increment(ref hits);
                }
            },
            cancellationToken);
        return hits;
    }

    private static string Partition(string ledgerId, string recipientKey) => TableKeys.Encode(ledgerId) + TableKeys.Separator + TableKeys.Bucket(recipientKey, Buckets);

    private static string LedgerRange(string ledgerId) => TableFilter.StartsWith("PartitionKey", TableKeys.Encode(ledgerId) + TableKeys.Separator);

    private static TableRow ToEntity(Delivery delivery) => new(Partition(delivery.LedgerId, delivery.RecipientKey), TableKeys.Encode(delivery.RecipientKey))
    {
        [LedgerIdProperty] = delivery.LedgerId,
        [nameof(Delivery.RecipientKey)] = delivery.RecipientKey,
        [nameof(Delivery.TenantId)] = delivery.TenantId,
        [nameof(Delivery.UserId)] = delivery.UserId,
        [nameof(Delivery.ConversationId)] = delivery.ConversationId,
        [nameof(Delivery.Status)] = delivery.Status.ToString(),
        [nameof(Delivery.ActivityId)] = delivery.ActivityId,
        [nameof(Delivery.FailureReason)] = delivery.FailureReason,
        [nameof(Delivery.Attempts)] = delivery.Attempts,
        [nameof(Delivery.SendAfter)] = delivery.SendAfter,
        [nameof(Delivery.UpdatedAt)] = delivery.UpdatedAt,
        [nameof(Delivery.RemindersSent)] = delivery.RemindersSent,
        [nameof(Delivery.RemindLaterAt)] = delivery.RemindLaterAt,
        [nameof(Delivery.SentAt)] = delivery.SentAt,
        [nameof(Delivery.UncertainSends)] = delivery.UncertainSends,
    };

    private static Delivery FromEntity(TableRow entity) => new()
    {
        LedgerId = entity.GetRequiredString(LedgerIdProperty),
        RecipientKey = entity.GetRequiredString(nameof(Delivery.RecipientKey)),
        TenantId = entity.GetRequiredString(nameof(Delivery.TenantId)),
        UserId = entity.GetRequiredString(nameof(Delivery.UserId)),
        ConversationId = entity.GetString(nameof(Delivery.ConversationId)),
        Status = Enum.Parse<DeliveryStatus>(entity.GetRequiredString(nameof(Delivery.Status))),
        ActivityId = entity.GetString(nameof(Delivery.ActivityId)),
        FailureReason = entity.GetString(nameof(Delivery.FailureReason)),
        Attempts = entity.GetInt32(nameof(Delivery.Attempts)) ?? 0,
        SendAfter = entity.GetRequiredDateTime(nameof(Delivery.SendAfter)),
        UpdatedAt = entity.GetRequiredDateTime(nameof(Delivery.UpdatedAt)),
        RemindersSent = entity.GetInt32(nameof(Delivery.RemindersSent)) ?? 0,
        RemindLaterAt = entity.GetDateTime(nameof(Delivery.RemindLaterAt)),
        SentAt = entity.GetDateTime(nameof(Delivery.SentAt)),
        UncertainSends = entity.GetInt32(nameof(Delivery.UncertainSends)) ?? 0,
        ETag = entity.ETag,
    };
}
