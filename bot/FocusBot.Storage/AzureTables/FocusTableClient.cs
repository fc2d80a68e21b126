using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using SdkEntity = Azure.Data.Tables.TableEntity;
using SdkTableClient = Azure.Data.Tables.TableClient;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// The part of Azure.Data.Tables the stores use, on FocusBot's own entity and operation types: writes, point reads,
/// paged queries and entity group transactions. The SDK's pipeline retries transient failures (options in
/// <see cref="TableClientFactory"/>); what is left of an outage surfaces as a StorageUnavailableException
/// (<see cref="TableOutage"/>), and refusals (409, 412, 404...) as the SDK's <see cref="RequestFailedException"/>.
/// </summary>
internal sealed class FocusTableClient(TableServiceClient service, TableOutage outage, HttpClientTransport? ownedTransport = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, SdkTableClient> _tables = new(StringComparer.Ordinal);

    public Uri Endpoint => service.Uri;

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken) =>
        outage.RunAsync(table, token => Table(table).CreateIfNotExistsAsync(token), cancellationToken);

    public Task DeleteTableAsync(string table, CancellationToken cancellationToken) =>
        outage.RunAsync(table, token => Table(table).DeleteAsync(token), cancellationToken);

    /// <summary>Runs one write; returns the new ETag. Throws <see cref="RequestFailedException"/> (409, 412, 404, ...) when refused.</summary>
    public async Task<string?> ExecuteAsync(string table, TableOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ValidateKeys(operation.Entity);
        var client = Table(table);
        var entity = TableRowConversion.ToSdk(operation.Entity);
        var response = await outage.RunAsync(
            table,
            token => operation.Kind switch
            {
                TableOperationKind.Insert => client.AddEntityAsync(entity, token),
                TableOperationKind.UpsertReplace => client.UpsertEntityAsync(entity, TableUpdateMode.Replace, token),
                TableOperationKind.UpsertMerge => client.UpsertEntityAsync(entity, TableUpdateMode.Merge, token),
                TableOperationKind.Replace => client.UpdateEntityAsync(entity, IfMatch(operation), TableUpdateMode.Replace, token),
                TableOperationKind.Merge => client.UpdateEntityAsync(entity, IfMatch(operation), TableUpdateMode.Merge, token),
                TableOperationKind.Delete => client.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, IfMatch(operation), token),
                _ => throw new ArgumentOutOfRangeException(nameof(operation)),
            },
            cancellationToken);

        // The SDK treats deleting a missing entity as done; the stores need to know (a lease already gone, a mark erased twice).
        if (operation.Kind == TableOperationKind.Delete && response.Status == 404)
        {
            throw new RequestFailedException(404, "The entity to delete does not exist.", "ResourceNotFound", null);
        }

        return response.Headers.ETag?.ToString();
    }

    /// <summary>Point read; null when the entity does not exist.</summary>
    public async Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        TableKeys.Validate(partitionKey, "partition key");
        TableKeys.Validate(rowKey, "row key");
        var response = await outage.RunAsync(table, token => Table(table).GetEntityIfExistsAsync<SdkEntity>(partitionKey, rowKey, null, token), cancellationToken);
        return response.HasValue ? TableRowConversion.FromSdk(response.Value!) : null;
    }

    /// <summary>Every entity matching the filter, page after page (at most 1,000 per page).</summary>
    public async IAsyncEnumerable<TableRow> QueryAsync(
        string table,
        string? filter,
        IReadOnlyList<string>? select,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await QueryPageAsync(table, filter, select, top: null, continuation, cancellationToken);
            foreach (var entity in page.Values)
            {
                yield return entity;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    /// <summary>
    /// One page of a query. A page may be empty and still carry a continuation (the service stops at partition
    /// boundaries and after 5 s), so callers keep going until the continuation is null.
    /// </summary>
    public Task<Page<TableRow>> QueryPageAsync(string table, string? filter, IReadOnlyList<string>? select, int? top, string? continuation, CancellationToken cancellationToken) =>
        outage.RunAsync(
            table,
            async token =>
            {
                var pages = Table(table).QueryAsync<SdkEntity>(filter, top, select is { Count: > 0 } ? select : null, token).AsPages(continuation, top);
                await foreach (var page in pages.WithCancellation(token))
                {
                    var next = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
                    return Page<TableRow>.FromValues([.. page.Values.Select(TableRowConversion.FromSdk)], next, page.GetRawResponse());
                }

                // Not reached: the SDK yields a first page, empty or not, for every query.
                return Page<TableRow>.FromValues([], null, null!);
            },
            cancellationToken);

    /// <summary>
    /// Submits one entity group transaction: same table, same partition, at most 100 operations and 4 MiB, each entity
    /// once. All or nothing; a failure throws <see cref="TableTransactionFailedException"/> naming the failing operation.
    /// Returns the new ETags in operation order (null for deletes).
    /// </summary>
    public async Task<IReadOnlyList<string?>> SubmitBatchAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count == 0)
        {
            return [];
        }

        // The SDK sends a transaction of any size and then fails to read the service's refusal, so the limits are ours to keep.
        if (operations.Count > TableBatching.MaxOperations)
        {
            throw new ArgumentException($"A batch holds at most {TableBatching.MaxOperations} operations; split it with TableBatching.", nameof(operations));
        }

        var partition = operations[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            ValidateKeys(operation.Entity);
            if (!string.Equals(operation.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException("Every operation of a batch must be in the same partition.", nameof(operations));
            }

            if (!rows.Add(operation.Entity.RowKey))
            {
                throw new ArgumentException("An entity may appear only once in a batch.", nameof(operations));
            }
        }

        if (operations.Count > 1 && operations.Sum(TableBatching.EstimateBytes) > TableBatching.MaxBodyBytes)
        {
            throw new ArgumentException("The batch may be larger than the service's 4 MiB limit; split it with TableBatching.", nameof(operations));
        }

        var actions = operations.Select(ToAction).ToList();
        var response = await outage.RunAsync(table, token => Table(table).SubmitTransactionAsync(actions, token), cancellationToken);
        return [.. response.Value.Select(inner => inner.Headers.ETag?.ToString())];
    }

    public void Dispose() => ownedTransport?.Dispose();

    private static ETag IfMatch(TableOperation operation) => operation.ETag is null ? ETag.All : new ETag(operation.ETag);

    private static TableTransactionAction ToAction(TableOperation operation)
    {
        var entity = TableRowConversion.ToSdk(operation.Entity);
        return operation.Kind switch
        {
            TableOperationKind.Insert => new TableTransactionAction(TableTransactionActionType.Add, entity),
            TableOperationKind.UpsertReplace => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity),
            TableOperationKind.UpsertMerge => new TableTransactionAction(TableTransactionActionType.UpsertMerge, entity),
            TableOperationKind.Replace => new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, IfMatch(operation)),
            TableOperationKind.Merge => new TableTransactionAction(TableTransactionActionType.UpdateMerge, entity, IfMatch(operation)),
            TableOperationKind.Delete => new TableTransactionAction(TableTransactionActionType.Delete, entity, IfMatch(operation)),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }

    private static void ValidateKeys(TableRow entity)
    {
        TableKeys.Validate(entity.PartitionKey, "partition key");
        TableKeys.Validate(entity.RowKey, "row key");
    }

    private SdkTableClient Table(string table) => _tables.GetOrAdd(table, service.GetTableClient);
}
