using Azure;
using FocusBot.Domain.Storage;

namespace FocusBot.Storage.AzureTables;

/// <summary>The few outcomes the stores treat as answers rather than errors: exists, missing, changed meanwhile.</summary>
internal static class TableClientExtensions
{
    /// <summary>Inserts; returns the ETag, or null when the entity already exists.</summary>
    public static async Task<string?> TryInsertAsync(this FocusTableClient client, string table, TableRow entity, CancellationToken cancellationToken)
    {
        try
        {
            return await client.ExecuteAsync(table, TableOperation.Insert(entity), cancellationToken) ?? string.Empty;
        }
        catch (RequestFailedException exception) when (exception.IsConflict)
        {
            return null;
        }
    }

    /// <summary>Deletes; returns false when the entity was missing (or, with an ETag, had changed).</summary>
    public static async Task<bool> TryDeleteAsync(this FocusTableClient client, string table, string partitionKey, string rowKey, CancellationToken cancellationToken, string etag = "*")
    {
        try
        {
            await client.ExecuteAsync(table, TableOperation.Delete(partitionKey, rowKey, etag), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.IsNotFound || exception.IsPreconditionFailed)
        {
            return false;
        }
    }

    /// <summary>Replaces the entity if it is still at <paramref name="etag"/>; returns the new ETag, or throws <see cref="ConcurrencyException"/>.</summary>
    public static async Task<string> ReplaceIfUnchangedAsync(this FocusTableClient client, string table, TableRow entity, string? etag, string what, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(etag))
        {
            throw new ConcurrencyException($"The {what} carries no ETag; read it from the store before updating.");
        }

        try
        {
            return await client.ExecuteAsync(table, TableOperation.Replace(entity, etag), cancellationToken) ?? string.Empty;
        }
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed || exception.IsNotFound)
        {
            throw new ConcurrencyException($"The {what} changed or was removed since it was read.", exception);
        }
    }

    /// <summary>Runs point operations side by side, a bounded number at a time.</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> action, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, action);

    /// <summary>A short random pause before retrying an optimistic write that lost a race, so racers spread out.</summary>
    public static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt + 1, 10))), cancellationToken);
}
