using System.Net;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// An entity group transaction was rejected as a whole because one operation failed (the service can say so inside a
/// 202 response). Nothing in the batch was applied.
/// </summary>
internal sealed class TableBatchException(HttpStatusCode status, string? errorCode, int failedOperationIndex, string message)
    : TableRequestException(status, errorCode, message)
{
    /// <summary>Zero-based index of the failing operation in the submitted batch, or -1 when the service did not say.</summary>
    public int FailedOperationIndex { get; } = failedOperationIndex;
}
