using FocusBot.Domain.Pulses;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// AnsweredMarks: partition = pulse id, row = marker, no properties. The service stamps each entity with the time it
/// was written; that time belongs to a marker only the bot can tie to a recipient, so it links nothing.
/// </summary>
internal sealed class AzureAnsweredMarkStore(FocusTableClient client, AzureTableNames tables) : IAnsweredMarkStore
{
    public async Task AddAsync(string pulseId, string marker, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pulseId);
        ArgumentException.ThrowIfNullOrEmpty(marker);
        await client.TryInsertAsync(tables.AnsweredMarks, new TableRow(TableKeys.Encode(pulseId), TableKeys.Encode(marker)), cancellationToken);
    }

    public async Task<IReadOnlySet<string>> ListAsync(string pulseId, CancellationToken cancellationToken)
    {
        var markers = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in client.QueryAsync(tables.AnsweredMarks, TableFilter.PartitionIs(TableKeys.Encode(pulseId)), ["RowKey"], cancellationToken))
        {
            markers.Add(TableKeys.Decode(row.RowKey));
        }

        return markers;
    }

    internal Task<bool> RemoveAsync(string pulseId, string marker, CancellationToken cancellationToken) =>
        client.TryDeleteAsync(tables.AnsweredMarks, TableKeys.Encode(pulseId), TableKeys.Encode(marker), cancellationToken);
}
