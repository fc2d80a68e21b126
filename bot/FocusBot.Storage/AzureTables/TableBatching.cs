using Azure.Data.Tables;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Splits writes into entity group transactions the service accepts: one partition each, at most 100 operations and
/// under 4 MiB. Each chunk is atomic; the chunks together are not (they run one after another). The SDK checks
/// neither limit, so FocusBot keeps them.
/// </summary>
internal static class TableBatching
{
    public const int MaxOperations = 100;

    /// <summary>The service's limit on a whole batch request body.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    // Headroom for the multipart framing and headers around each operation.
    private const int FramingBytesPerOperation = 1024;

    // A property's name appears twice (value and type annotation) plus quotes, colons and the type name.
    private const int BytesPerPropertyOverhead = 64;

    public static IEnumerable<IReadOnlyList<TableOperation>> Chunk(IEnumerable<TableOperation> operations)
    {
        foreach (var partition in operations.GroupBy(operation => operation.Entity.PartitionKey, StringComparer.Ordinal))
        {
            var chunk = new List<TableOperation>();
            var bytes = 0L;
            foreach (var operation in partition)
            {
                var size = EstimateBytes(operation);
                if (chunk.Count > 0 && (chunk.Count == MaxOperations || bytes + size > MaxBodyBytes))
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

    public static async Task SubmitAllAsync(this FocusTableClient client, string table, IEnumerable<TableOperation> operations, CancellationToken cancellationToken)
    {
        foreach (var chunk in Chunk(operations))
        {
            await client.SubmitBatchAsync(table, chunk, cancellationToken);
        }
    }

    /// <summary>
    /// Deletes the rows in batches. A batch that finds a row already gone (removed meanwhile, by an erasure say) fails
    /// whole, so that batch goes again row by row. Returns how many rows this call deleted.
    /// </summary>
    public static async Task<int> DeleteAllAsync(this FocusTableClient client, string table, IEnumerable<TableRow> rows, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var chunk in Chunk(rows.Select(row => TableOperation.Delete(row.PartitionKey, row.RowKey))))
        {
            try
            {
                await client.SubmitBatchAsync(table, chunk, cancellationToken);
                deleted += chunk.Count;
            }
            catch (TableTransactionFailedException exception) when (exception.IsNotFound)
            {
                foreach (var operation in chunk)
                {
                    if (await client.TryDeleteAsync(table, operation.Entity.PartitionKey, operation.Entity.RowKey, cancellationToken))
                    {
                        deleted++;
                    }
                }
            }
        }

        return deleted;
    }

    /// <summary>
    /// An upper bound of the bytes one operation adds to a batch body: the SDK's JSON escapes every character outside
    /// printable ASCII as \uXXXX, and the keys appear again, percent-encoded, in the operation's URL.
    /// </summary>
    public static int EstimateBytes(TableOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var entity = operation.Entity;
        var bytes = FramingBytesPerOperation + UrlBytes(entity.PartitionKey) + UrlBytes(entity.RowKey);
        if (operation.Kind == TableOperationKind.Delete)
        {
            return bytes;
        }

        bytes += JsonBytes(entity.PartitionKey) + JsonBytes(entity.RowKey);
        foreach (var (name, value) in entity.Properties)
        {
            bytes += BytesPerPropertyOverhead + (2 * JsonBytes(name)) + value switch
            {
                null => 0,
                string text => JsonBytes(text),
                byte[] data => (data.Length + 2) / 3 * 4,
                _ => 40,
            };
        }

        return bytes;
    }

    private static int JsonBytes(string text)
    {
        var bytes = 0;
        foreach (var c in text)
        {
            bytes += c is >= ' ' and < '\u007f' and not ('"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`') ? 1 : 6;
        }

        return bytes;
    }

    // A UTF-16 unit outside ASCII is at most three UTF-8 bytes, each "%XX".
    private static int UrlBytes(string key)
    {
        var bytes = 0;
        foreach (var c in key)
        {
            bytes += char.IsAsciiLetterOrDigit(c) ? 1 : 9;
        }

        return bytes;
    }
}
