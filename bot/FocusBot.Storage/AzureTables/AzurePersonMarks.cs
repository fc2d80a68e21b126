namespace FocusBot.Storage.AzureTables;

/// <summary>
/// PersonMarks: partition = the pseudonym that made a mark, row = kind|item ("got|insight id", "applause|recognition
/// id", <see cref="MarkKind.Name"/>). Written before the mark itself, so every "Got it" and applause of one person is one
/// partition read away when they ask to be erased; the marks themselves live in the item's partition, beside the count
/// they feed (<see cref="CountedMarks"/>).
/// </summary>
internal sealed class AzurePersonMarks(FocusTableClient client, AzureTableNames tables)
{
    public async Task RecordAsync(string userKey, string kind, string itemId, CancellationToken cancellationToken) =>
        await client.ExecuteAsync(tables.PersonMarks, TableOperation.UpsertReplace(new TableRow(TableKeys.Encode(userKey), TableKeys.Compose(kind, itemId))), cancellationToken);

    /// <summary>The items the person marked, as (kind, item id).</summary>
    public async Task<IReadOnlyList<(string Kind, string ItemId)>> ListAsync(string userKey, CancellationToken cancellationToken)
    {
        var marks = new List<(string, string)>();
        await foreach (var row in client.QueryAsync(tables.PersonMarks, TableFilter.PartitionIs(TableKeys.Encode(userKey)), ["RowKey"], cancellationToken))
        {
            var parts = TableKeys.Split(row.RowKey);
            if (parts.Length == 2)
            {
                marks.Add((parts[0], parts[1]));
            }
        }

        return marks;
    }

    public Task<bool> ForgetAsync(string userKey, string kind, string itemId, CancellationToken cancellationToken) =>
        client.TryDeleteAsync(tables.PersonMarks, TableKeys.Encode(userKey), TableKeys.Compose(kind, itemId), cancellationToken);
}
