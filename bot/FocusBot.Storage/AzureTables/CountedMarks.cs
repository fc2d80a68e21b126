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

    public static async Task<bool> AddAsync(TableClient client, string table, string partition, string itemRow, string markerRow, string countProperty, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            var item = await client.GetAsync(table, partition, itemRow, cancellationToken);
            if (item is null)
            {
                return false;
            }

            var counter = new TableEntity(partition, itemRow) { [countProperty] = (item.GetInt32(countProperty) ?? 0) + 1 };
            try
            {
                await client.SubmitBatchAsync(table, [TableOperation.Insert(new TableEntity(partition, markerRow)), TableOperation.Merge(counter, item.ETag!)], cancellationToken);
                return true;
            }
            catch (TableBatchException exception) when (exception.IsConflict)
            {
                return false;
            }
            catch (TableBatchException exception) when (exception.IsPreconditionFailed)
            {
                await TableClientExtensions.BackOffAsync(attempt, cancellationToken);
            }
            catch (TableBatchException exception) when (exception.IsNotFound)
            {
                return false;
            }
        }

        throw new ConcurrencyException("Too many people counted at once; try again.");
    }
}
