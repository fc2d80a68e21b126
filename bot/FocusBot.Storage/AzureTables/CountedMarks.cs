using Azure.Data.Tables;
using FocusBot.Domain.Storage;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// "One per person" counters (Got it on an insight, applause on a recognition): the item's own partition holds the
/// item row and one marker row per person. Marker insert and counter update go in one batch with the item's ETag, so
/// a second click by the same person fails on the marker (409) and a concurrent click by someone else retries on the
/// counter (412): the count always equals the markers.
/// </summary>
internal static class CountedMarks
{
    private const int MaxRaceAttempts = 20;

    /// <param name="recordIndex">Writes the person's index row, once the item is known to exist and before the mark.</param>
    public static async Task<bool> AddAsync(FocusTableClient client, string table, string partition, string itemRow, string markerRow, string countProperty,
        Func<CancellationToken, Task> recordIndex, CancellationToken cancellationToken)
    {
        var indexed = false;
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            var item = await client.GetAsync(table, partition, itemRow, cancellationToken);
            if (item is null)
            {
                return false;
            }

            if (!indexed)
            {
                await recordIndex(cancellationToken);
                indexed = true;
            }

            var counter = new TableRow(partition, itemRow) { [countProperty] = (item.GetInt32(countProperty) ?? 0) + 1 };
            try
            {
                await client.SubmitBatchAsync(table, [TableOperation.Insert(new TableRow(partition, markerRow)), TableOperation.Merge(counter, item.ETag!)], cancellationToken);
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
    /// still equals the markers. Returns false when there was no such mark.
    /// </summary>
    public static async Task<bool> RemoveAsync(FocusTableClient client, string table, string partition, string itemRow, string markerRow, string countProperty, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            var item = await client.GetAsync(table, partition, itemRow, cancellationToken);
            if (item is null)
            {
                // The item is gone; a marker left behind by an interrupted delete goes too.
                return await client.TryDeleteAsync(table, partition, markerRow, cancellationToken);
            }

            var counter = new TableRow(partition, itemRow) { [countProperty] = Math.Max(0, (item.GetInt32(countProperty) ?? 0) - 1) };
            try
            {
                await client.SubmitBatchAsync(table, [TableOperation.Delete(partition, markerRow), TableOperation.Merge(counter, item.ETag!)], cancellationToken);
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
    public static async Task<bool> ExistsAsync(FocusTableClient client, string table, string partition, string markerRow, CancellationToken cancellationToken) =>
        await client.GetAsync(table, partition, markerRow, cancellationToken) is not null;
}
