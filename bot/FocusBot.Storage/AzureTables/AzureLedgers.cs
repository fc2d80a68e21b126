using System.Collections.Concurrent;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Ledgers: partition = kind ("deliveries" or "answers"), row = ledger or pulse id. Every group of delivery rows (a
/// pulse's, an insight's, a recognition's, a digest's: whatever its id) and every group of answers (a pulse, a weekly
/// Voice set) is recorded here before its first row is written, so erasure can reach one person's row in each group
/// by key instead of scanning Deliveries or Answers. A few hundred rows a year; each process writes an id once.
/// Retention removes the rows of the groups it deleted, so erasure does not walk them for ever.
/// </summary>
internal sealed class AzureLedgers(FocusTableClient client, AzureTableNames tables)
{
    public const string Deliveries = "deliveries";
    public const string Answers = "answers";

    // Ids this process has recorded. A row goes only when retention has deleted its group, which is past any writing,
    // so a hit never needs checking again.
    private readonly ConcurrentDictionary<(string Kind, string Id), bool> _recorded = new();

    public async Task RecordAsync(string kind, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (_recorded.ContainsKey((kind, id)))
            {
                continue;
            }

            await client.ExecuteAsync(tables.Ledgers, TableOperation.UpsertReplace(new TableRow(kind, TableKeys.Encode(id))), cancellationToken);
            _recorded.TryAdd((kind, id), true);
        }
    }

    /// <summary>Removes the id once every row of its group is deleted (retention): the last step, so a retry still finds the group.</summary>
    public async Task ForgetAsync(string kind, string id, CancellationToken cancellationToken)
    {
        await client.TryDeleteAsync(tables.Ledgers, kind, TableKeys.Encode(id), cancellationToken);
        _recorded.TryRemove((kind, id), out _);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string kind, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var entity in client.QueryAsync(tables.Ledgers, TableFilter.PartitionIs(kind), ["RowKey"], cancellationToken))
        {
            ids.Add(TableKeys.Decode(entity.RowKey));
        }

        return ids;
    }
}
