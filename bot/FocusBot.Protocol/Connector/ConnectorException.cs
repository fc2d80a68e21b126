using System.Net;

namespace FocusBot.Protocol.Connector;

/// <summary>A Connector call failed with an HTTP status after the retries it was allowed.</summary>
public class ConnectorException(HttpStatusCode statusCode, string operation, string? errorCode)
    : Exception($"Teams Connector {operation} failed with {(int)statusCode} {errorCode}".TrimEnd())
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public string? ErrorCode { get; } = errorCode;

    /// <summary>403: the user blocked or uninstalled the bot; 404: the conversation is gone. Stop sending there.</summary>
    public bool RecipientUnreachable => StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
}

/// <summary>
/// A send whose last attempt had an unknown outcome (a timeout, 412, 502 or 504) once its retries were used up: the
/// message may or may not be in the person's chat.
/// </summary>
public sealed class DeliveryUncertainException(string operation, Exception? inner)
    : Exception($"Teams Connector {operation}: the message may or may not have been delivered", inner);
