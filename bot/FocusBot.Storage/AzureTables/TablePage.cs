namespace FocusBot.Storage.AzureTables;

/// <summary>One page of query results, and where the next one starts (null after the last page).</summary>
internal sealed record TablePage(IReadOnlyList<TableEntity> Entities, TableContinuation? Continuation);
