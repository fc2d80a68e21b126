using Azure.Data.Tables;
using FocusBot.Domain.Storage;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// "One per person" counters (Got it on an insight, applause on a recognition): the item's own partition holds the
/// item row and one marker row per person. Marker insert and counter update go in one batch with the item's ETag, so
/// a second click by the same person fails on the marker (409) and a concurrent click by someone else retries on the
/// counter (412): the count always equals the markers. Each mark is also indexed under the person's pseudonym in
/// <see cref="AzurePersonMarks"/>, written before the mark, so erasure finds it without a scan.
/// </summary>
internal sealed class CountedMarks(FocusTableClient client, AzureTableNames tables, AzurePersonMarks people)
{
    private const int MaxRaceAttempts = 20;

    /// <summary>The person's mark on the item: false when they had made it already or the item does not exist.</summary>
    public async Task<bool> AddAsync(MarkKind kind, string itemId, string userKey, CancellationToken cancellationToken)
    {
        var (table, partition) = Locate(kind, itemId);
        var indexed = false;
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            var item = await client.GetAsync(table, partition, kind.ItemRow, cancellationToken);
            if (item is null)
            {
                return false;
            }

            if (!indexed)
            {
                await people.RecordAsync(userKey, kind.Name, itemId, cancellationToken);
                indexed = true;
            }

            var counter = new TableRow(partition, kind.ItemRow) { [kind.CountProperty] = (item.GetInt32(kind.CountProperty) ?? 0) + 1 };
            try
            {
                await client.SubmitBatchAsync(table, [TableOperation.Insert(new TableRow(partition, kind.MarkerRow(userKey))), TableOperation.Merge(counter, item.ETag!)],
                    cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException exception) when (exception.IsConflict)
            {
                return false;
            }
            catch (TableTransactionFailedException exception) when (exception.IsPreconditionFailed)
            {
                await TableClientExtensions.BackOffAsync(attempt, cancellationToken);
            }
            catch (TableTransactionFailedException exception) when (exception.IsNotFound)
            {
                return false;
            }
        }

        throw new ConcurrencyException("Too many people counted at once; try again.");
    }

    /// <summary>
    /// Takes one person's mark back: marker delete and counter decrement in one batch with the item's ETag, so the count
    /// still equals the markers. Returns false when there was no such mark. The person's index row stays (the caller
    /// forgets it once the mark is gone).
    /// </summary>
    public async Task<bool> RemoveAsync(MarkKind kind, string itemId, string userKey, CancellationToken cancellationToken)
    {
        var (table, partition) = Locate(kind, itemId);
        var marker = kind.MarkerRow(userKey);
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            var item = await client.GetAsync(table, partition, kind.ItemRow, cancellationToken);
            if (item is null)
            {
                // The item is gone; a marker left behind by an interrupted delete goes too.
                return await client.TryDeleteAsync(table, partition, marker, cancellationToken);
            }

            var counter = new TableRow(partition, kind.ItemRow) { [kind.CountProperty] = Math.Max(0, (item.GetInt32(kind.CountProperty) ?? 0) - 1) };
            try
            {
                await client.SubmitBatchAsync(table, [TableOperation.Delete(partition, marker), TableOperation.Merge(counter, item.ETag!)], cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException exception) when (exception.IsNotFound && exception.FailedTransactionActionIndex != 1)
            {
                // The marker (operation 0) is missing: this person had no mark here.
                return false;
            }
            catch (TableTransactionFailedException exception) when (exception.IsPreconditionFailed || exception.IsNotFound)
            {
                await TableClientExtensions.BackOffAsync(attempt, cancellationToken);
            }
        }

        throw new ConcurrencyException("Too many people counted at once; try again.");
    }

    /// <summary>Whether the person's mark exists.</summary>
    public async Task<bool> ExistsAsync(MarkKind kind, string itemId, string userKey, CancellationToken cancellationToken)
    {
        var (table, partition) = Locate(kind, itemId);
        return await client.GetAsync(table, partition, kind.MarkerRow(userKey), cancellationToken) is not null;
    }

    /// <summary>
    /// For an item about to be deleted whole (its partition's <paramref name="rowKeys"/>): the index rows of everyone who
    /// marked it, so none is left pointing at nothing.
    /// </summary>
    public async Task ForgetMarkersAsync(MarkKind kind, string itemId, IEnumerable<string> rowKeys, CancellationToken cancellationToken)
    {
        foreach (var rowKey in rowKeys)
        {
            if (kind.MarkerOwner(rowKey) is { } person)
            {
                await people.ForgetAsync(person, kind.Name, itemId, cancellationToken);
            }
        }
    }

    private (string Table, string Partition) Locate(MarkKind kind, string itemId) => (kind.Table(tables), TableKeys.Encode(itemId));
}
