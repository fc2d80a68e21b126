using System.Net;

namespace FocusBot.Storage.AzureTables;

/// <summary>The Table service refused a request (not a transient failure): carries the HTTP status and the service's error code.</summary>
internal class TableRequestException : Exception
{
    public TableRequestException(HttpStatusCode status, string? errorCode, string message)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The service's code, e.g. EntityAlreadyExists, UpdateConditionNotSatisfied, ResourceNotFound.</summary>
    public string? ErrorCode { get; }

    public bool IsConflict => Status == HttpStatusCode.Conflict;

    public bool IsPreconditionFailed => Status == HttpStatusCode.PreconditionFailed;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;
}
