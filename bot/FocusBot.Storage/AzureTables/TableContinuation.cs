namespace FocusBot.Storage.AzureTables;

/// <summary>Where the next page of a query starts, from the x-ms-continuation-* response headers.</summary>
internal sealed record TableContinuation(string NextPartitionKey, string? NextRowKey);
