namespace FocusBot.Storage.AzureTables;

/// <summary>
/// A tenant's items newest first (InsightsByTenant, RecognitionsByTenant): partition = tenant, row = newest-first
/// ticks|id, the item's id in property Id. The latest items are the first rows of one partition, and everything since a
/// time is one range of it. The item itself lives in its own partition, read by id.
/// </summary>
internal sealed class NewestFirstIndex(FocusTableClient client, string table)
{
    private const string IdProperty = "Id";

    public static string RowOf(DateTimeOffset createdAt, string itemId) => TableKeys.NewestFirst(createdAt) + TableKeys.Separator + TableKeys.Encode(itemId);

    public Task AddAsync(string tenantId, string row, string itemId, CancellationToken cancellationToken) =>
        client.ExecuteAsync(table, TableOperation.UpsertReplace(new TableRow(TableKeys.Encode(tenantId), row) { [IdProperty] = itemId }), cancellationToken);

    public Task<bool> RemoveAsync(string tenantId, string row, CancellationToken cancellationToken) =>
        client.TryDeleteAsync(table, TableKeys.Encode(tenantId), row, cancellationToken);

    /// <summary>The tenant's item ids, newest first; only those at or after <paramref name="since"/> when given.</summary>
    public IAsyncEnumerable<string> IdsAsync(string tenantId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var filter = TableFilter.PartitionIs(TableKeys.Encode(tenantId));
        // Newer rows sort first; everything at or after 'since' sorts below the key of 'since' followed by '}'.
        if (since is { } time)
            filter = TableFilter.And(filter, $"RowKey lt {TableFilter.Quote(TableKeys.NewestFirst(time) + TableKeys.SeparatorEnd)}");
        return client.QueryAsync(table, filter, [IdProperty], cancellationToken).Select(row => row.GetRequiredString(IdProperty));
    }

    /// <summary>Reads the items of <paramref name="ids"/> side by side, in the ids' order; one deleted meanwhile is left out.</summary>
    public static async Task<IReadOnlyList<T>> LoadAsync<T>(IReadOnlyList<string> ids, Func<string, CancellationToken, Task<T?>> get, CancellationToken cancellationToken)
        where T : class
    {
        var items = new T?[ids.Count];
        await TableClientExtensions.ForEachAsync(Enumerable.Range(0, ids.Count), async (i, token) => items[i] = await get(ids[i], token), cancellationToken);
        return items.OfType<T>().ToList();
    }
}
