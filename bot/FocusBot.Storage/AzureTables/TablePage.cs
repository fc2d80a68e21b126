namespace FocusBot.Storage.AzureTables;

/// <summary>Where the next page of a query starts, from the x-ms-continuation-* response headers.</summary>
internal sealed record TableContinuation(string NextPartitionKey, string? NextRowKey);

/// <summary>One page of query results.</summary>
internal sealed record TablePage(IReadOnlyList<TableEntity> Entities, TableContinuation? Continuation);
