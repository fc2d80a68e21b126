using System.Text;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Splits writes into entity group transactions the service accepts: one partition each, at most 100 operations and
/// under 4 MiB. Each chunk is atomic; the chunks together are not (they run one after another).
/// </summary>
internal static class TableBatching
{
    // Headroom for the multipart framing around each entity's JSON.
    private const int FramingBytesPerOperation = 1024;

    public static IEnumerable<IReadOnlyList<TableOperation>> Chunk(IEnumerable<TableOperation> operations)
    {
        foreach (var partition in operations.GroupBy(operation => operation.Entity.PartitionKey, StringComparer.Ordinal))
        {
            var chunk = new List<TableOperation>();
            var bytes = 0;
            foreach (var operation in partition)
            {
                var size = FramingBytesPerOperation + (operation.Kind == TableOperationKind.Delete ? 0 : TableEntityJson.Serialize(operation.Entity).Length)
                    + (2 * Encoding.UTF8.GetByteCount(operation.Entity.PartitionKey + operation.Entity.RowKey));
                if (chunk.Count > 0 && (chunk.Count == TableBatchCodec.MaxOperations || bytes + size > TableBatchCodec.MaxBodyBytes))
                {
                    yield return chunk;
                    chunk = [];
                    bytes = 0;
                }

                chunk.Add(operation);
                bytes += size;
            }

            if (chunk.Count > 0)
            {
                yield return chunk;
            }
        }
    }

    public static async Task SubmitAllAsync(this TableClient client, string table, IEnumerable<TableOperation> operations, CancellationToken cancellationToken)
    {
        foreach (var chunk in Chunk(operations))
        {
            await client.SubmitBatchAsync(table, chunk, cancellationToken);
        }
    }
}
