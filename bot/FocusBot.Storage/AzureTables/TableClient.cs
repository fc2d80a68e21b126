using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// A small Azure Table service REST client on HttpClient (Azure.Data.Tables is not available here): entity writes,
/// point reads, paged queries and entity group transactions. Transient failures are retried by <see cref="TableResilience"/>.
/// </summary>
internal sealed partial class TableClient : IDisposable
{
    public const string ApiVersion = "2019-02-02";
    private const string JsonMetadata = "application/json;odata=minimalmetadata";
    private static readonly HttpMethod Merge = new("MERGE");

    private readonly HttpClient _http;
    private readonly ITableAuthorizer _authorizer;
    private readonly TableResilience _resilience;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public TableClient(Uri endpoint, ITableAuthorizer authorizer, AzureTablesOptions options, ILogger logger, HttpMessageHandler? handler = null)
    {
        // The service rejects a request whose x-ms-date is more than 15 minutes off, so signing always uses the real clock.
        _clock = TimeProvider.System;
        Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/");
        _authorizer = authorizer;
        _logger = logger;
        _resilience = new TableResilience(options, Endpoint, logger, _clock);
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 256 })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public Uri Endpoint { get; }

    public async Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes($"{{\"TableName\":\"{table}\"}}");
        using var response = await SendAsync(() => JsonRequest(HttpMethod.Post, new Uri(Endpoint, "Tables"), body, preferNoContent: true), table, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return;
        }

        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task DeleteTableAsync(string table, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => Request(HttpMethod.Delete, new Uri(Endpoint, $"Tables('{table}')")), table, cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(response, cancellationToken);
        }
    }

    /// <summary>Runs one write; returns the new ETag. Throws <see cref="TableRequestException"/> (409, 412, 404, ...) when refused.</summary>
    public async Task<string?> ExecuteAsync(string table, TableOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ValidateKeys(operation.Entity);
        var tableUri = TableUri(table);
        using var response = await SendAsync(() => BuildRequest(tableUri, operation), table, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return response.Headers.ETag?.ToString() ?? (response.Headers.TryGetValues("ETag", out var values) ? values.First() : null);
    }

    /// <summary>Point read; null when the entity does not exist.</summary>
    public async Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        TableKeys.Validate(partitionKey, "partition key");
        TableKeys.Validate(rowKey, "row key");
        var uri = EntityUri(TableUri(table), partitionKey, rowKey);
        using var response = await SendAsync(() => Request(HttpMethod.Get, uri), table, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var entity = TableEntityJson.Read(document.RootElement);
        entity.ETag ??= response.Headers.ETag?.ToString();
        return entity;
    }

    /// <summary>Every entity matching the filter, following continuation tokens page after page (at most 1,000 per page).</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string table,
        string? filter,
        IReadOnlyList<string>? select,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TableContinuation? continuation = null;
        do
        {
            var page = await QueryPageAsync(table, filter, select, top: null, continuation, cancellationToken);
            foreach (var entity in page.Entities)
            {
                yield return entity;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
    }

    /// <summary>
    /// One page of a query. A page may be empty and still carry a continuation (the service stops at partition
    /// boundaries and after 5 s), so callers keep going until the continuation is null.
    /// </summary>
    public async Task<TablePage> QueryPageAsync(string table, string? filter, IReadOnlyList<string>? select, int? top, TableContinuation? continuation, CancellationToken cancellationToken)
    {
        var query = new StringBuilder();
        if (filter is not null)
        {
            Append(query, "$filter", filter);
        }

        if (select is { Count: > 0 })
        {
            Append(query, "$select", string.Join(',', select));
        }

        if (top is not null)
        {
            Append(query, "$top", top.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (continuation is not null)
        {
            Append(query, "NextPartitionKey", continuation.NextPartitionKey);
            if (continuation.NextRowKey is not null)
            {
                Append(query, "NextRowKey", continuation.NextRowKey);
            }
        }

        var uri = new Uri(Endpoint, Uri.EscapeDataString(table) + "()" + query);
        using var response = await SendAsync(() => Request(HttpMethod.Get, uri), table, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var entities = new List<TableEntity>();
        if (document.RootElement.TryGetProperty("value", out var values))
        {
            foreach (var value in values.EnumerateArray())
            {
                entities.Add(TableEntityJson.Read(value));
            }
        }

        return new TablePage(entities, ReadContinuation(response));
    }

    /// <summary>
    /// Submits one entity group transaction: same table, same partition, at most 100 operations and 4 MiB, each entity
    /// once. All or nothing; a failure throws <see cref="TableBatchException"/> naming the failing operation.
    /// Returns the new ETags in operation order (null for deletes).
    /// </summary>
    public async Task<IReadOnlyList<string?>> SubmitBatchAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count == 0)
        {
            return [];
        }

        if (operations.Count > TableBatchCodec.MaxOperations)
        {
            throw new ArgumentException($"A batch holds at most {TableBatchCodec.MaxOperations} operations; split it with TableBatching.", nameof(operations));
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

        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var body = TableBatchCodec.BuildBody(TableUri(table), operations, batchBoundary, "changeset_" + Guid.NewGuid().ToString("N"));
        if (body.Length > TableBatchCodec.MaxBodyBytes)
        {
            throw new ArgumentException("The batch is larger than the service's 4 MiB limit; split it with TableBatching.", nameof(operations));
        }

        using var response = await SendAsync(
            () =>
            {
                var request = Request(HttpMethod.Post, new Uri(Endpoint, "$batch"));
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/mixed; boundary=" + batchBoundary);
                return request;
            },
            table,
            cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            await EnsureSuccessAsync(response, cancellationToken);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return TableBatchCodec.ParseResponse(text, operations.Count);
    }

    public void Dispose() => _http.Dispose();

    internal static Uri EntityUri(Uri tableUri, string partitionKey, string rowKey) =>
        new($"{tableUri.AbsoluteUri}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')");

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private static void Append(StringBuilder query, string name, string value) =>
        query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));

    private static void ValidateKeys(TableEntity entity)
    {
        TableKeys.Validate(entity.PartitionKey, "partition key");
        TableKeys.Validate(entity.RowKey, "row key");
    }

    private static TableContinuation? ReadContinuation(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("x-ms-continuation-NextPartitionKey", out var partitions))
        {
            return null;
        }

        var nextPartition = partitions.FirstOrDefault();
        if (string.IsNullOrEmpty(nextPartition))
        {
            return null;
        }

        var nextRow = response.Headers.TryGetValues("x-ms-continuation-NextRowKey", out var rows) ? rows.FirstOrDefault() : null;
        return new TableContinuation(nextPartition, string.IsNullOrEmpty(nextRow) ? null : nextRow);
    }

    private Uri TableUri(string table) => new(Endpoint, Uri.EscapeDataString(table));

    private static HttpRequestMessage BuildRequest(Uri tableUri, TableOperation operation)
    {
        var body = operation.Kind == TableOperationKind.Delete ? null : TableEntityJson.Serialize(operation.Entity);
        var request = operation.Kind == TableOperationKind.Insert
            ? JsonRequest(HttpMethod.Post, tableUri, body!, preferNoContent: true)
            : body is null
                ? Request(HttpMethod.Delete, EntityUri(tableUri, operation.Entity.PartitionKey, operation.Entity.RowKey))
                : JsonRequest(
                    operation.Kind is TableOperationKind.UpsertMerge or TableOperationKind.Merge ? Merge : HttpMethod.Put,
                    EntityUri(tableUri, operation.Entity.PartitionKey, operation.Entity.RowKey),
                    body,
                    preferNoContent: false);
        if (operation.ETag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", operation.ETag);
        }

        return request;
    }

    private static HttpRequestMessage JsonRequest(HttpMethod method, Uri uri, byte[] body, bool preferNoContent)
    {
        var request = Request(method, uri);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (preferNoContent)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "return-no-content");
        }

        return request;
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("x-ms-version", ApiVersion);
        request.Headers.TryAddWithoutValidation("DataServiceVersion", "3.0");
        request.Headers.TryAddWithoutValidation("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.TryAddWithoutValidation("Accept", JsonMetadata);
        return request;
    }

    private Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, string table, CancellationToken cancellationToken) =>
        _resilience.SendAsync(
            async token =>
            {
                // A request can be sent once only, and the signature covers the date: each attempt builds and signs anew.
                var request = createRequest();
                try
                {
                    request.Headers.TryAddWithoutValidation("x-ms-date", _clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
                    await _authorizer.AuthorizeAsync(request, token);
                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
                }
                finally
                {
                    request.Dispose();
                }
            },
            table,
            cancellationToken);

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var (code, message) = TableBatchCodec.ReadError(body);
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            LogRefused(_logger, (int)response.StatusCode, code);
        }

        var firstLine = message?.Split('\n')[0];
        throw new TableRequestException(response.StatusCode, code, $"The Table service answered HTTP {(int)response.StatusCode} {code}: {firstLine}");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The Table service refused our credentials: HTTP {Status} {ErrorCode}")]
    private static partial void LogRefused(ILogger logger, int status, string? errorCode);
}
