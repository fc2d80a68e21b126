namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Items newest first under one key (InsightsByTenant and RecognitionsByTenant: a tenant; RecognitionsByAuthor: a
/// tenant and a person): partition = that key, row = newest-first ticks|id, the item's id in property Id, and whatever
/// properties a filter needs beside it. The latest items are the first rows of one partition, and everything in a time
/// range is one range of it. The item itself lives in its own partition, read by id.
/// </summary>
internal sealed class NewestFirstIndex(FocusTableClient client, string table)
{
    public const string IdProperty = "Id";

    public static string RowOf(DateTimeOffset createdAt, string itemId) => TableKeys.NewestFirst(createdAt) + TableKeys.Separator + TableKeys.Encode(itemId);

    public Task AddAsync(string key, string row, string itemId, CancellationToken cancellationToken) =>
        AddAsync(key, row, itemId, [], cancellationToken);

    /// <param name="properties">Copied onto the index row, so a query can filter on them without reading the items.</param>
    public Task AddAsync(string key, string row, string itemId, IEnumerable<KeyValuePair<string, object?>> properties, CancellationToken cancellationToken)
    {
        var entity = new TableRow(TableKeys.Encode(key), row) { [IdProperty] = itemId };
        foreach (var (name, value) in properties)
            entity[name] = value;
        return client.ExecuteAsync(table, TableOperation.UpsertReplace(entity), cancellationToken);
    }

    public Task<bool> RemoveAsync(string key, string row, CancellationToken cancellationToken) =>
        client.TryDeleteAsync(table, TableKeys.Encode(key), row, cancellationToken);

    /// <summary>The item ids under the key, newest first; only those at or after <paramref name="since"/> when given.</summary>
    public IAsyncEnumerable<string> IdsAsync(string key, DateTimeOffset? since, CancellationToken cancellationToken) =>
        RowsAsync(key, since, before: null, [IdProperty], cancellationToken).Select(row => row.GetRequiredString(IdProperty));

    /// <summary>The index rows under the key, newest first, created in [<paramref name="since"/>, <paramref name="before"/>) where given.</summary>
    public IAsyncEnumerable<TableRow> RowsAsync(string key, DateTimeOffset? since, DateTimeOffset? before, IReadOnlyList<string>? select,
        CancellationToken cancellationToken)
    {
        var filter = TableFilter.PartitionIs(TableKeys.Encode(key));
        // Newer rows sort first: everything at or after 'since' sorts below the key of 'since' followed by '}', and
        // everything before 'before' at or above the key of 'before' followed by '}'.
        if (since is { } from)
            filter = TableFilter.And(filter, $"RowKey lt {TableFilter.Quote(TableKeys.NewestFirst(from) + TableKeys.SeparatorEnd)}");
        if (before is { } until)
            filter = TableFilter.And(filter, $"RowKey ge {TableFilter.Quote(TableKeys.NewestFirst(until) + TableKeys.SeparatorEnd)}");
        return client.QueryAsync(table, filter, select, cancellationToken);
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
