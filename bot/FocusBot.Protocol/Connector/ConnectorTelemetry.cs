using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Polly;
using Polly.Timeout;

namespace FocusBot.Protocol.Connector;

/// <summary>
/// The Connector client's span and counters, under their own names ("FocusBot.Protocol") so the protocol layer needs
/// nothing from the host; the host subscribes to them with its own. Tags name the operation and the kind of failure only:
/// never a conversation, a person or a service URL.
/// </summary>
public static class ConnectorTelemetry
{
    /// <summary>The name of both the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "FocusBot.Protocol";

    /// <summary>One Connector call, pacing and retries included; each HTTP attempt is a child span where HTTP is traced.</summary>
    public const string CallSpan = "focusbot.connector.call";

    /// <summary>429 answers received, each attempt counted.</summary>
    public const string ThrottledCounter = "focusbot.connector.throttled";

    /// <summary>Attempts repeated by the client's own retry (not the delivery ledger's later passes).</summary>
    public const string RetriesCounter = "focusbot.connector.retries";

    public const string OperationTag = "focusbot.connector.operation";
    public const string ReasonTag = "focusbot.connector.retry_reason";
    public const string AttemptsTag = "focusbot.connector.attempts";
    public const string StatusTag = "http.response.status_code";

    private static readonly ActivitySource s_source = new(Name);
    private static readonly Meter s_meter = new(Name);
    private static readonly Counter<long> s_throttled = s_meter.CreateCounter<long>(ThrottledCounter, "{response}", "429 answers from the Bot Connector.");
    private static readonly Counter<long> s_retries = s_meter.CreateCounter<long>(RetriesCounter, "{retry}", "Connector calls repeated after a throttled, transient or unknown outcome.");

    internal static Activity? StartCall(ConnectorOperation operation) =>
        s_source.StartActivity(CallSpan)?.SetTag(OperationTag, OperationName(operation));

    internal static void Throttled(ConnectorOperation operation) =>
        s_throttled.Add(1, new KeyValuePair<string, object?>(OperationTag, OperationName(operation)));

    internal static void Retrying(ConnectorOperation operation, Outcome<HttpResponseMessage> outcome) =>
        s_retries.Add(1, new KeyValuePair<string, object?>(OperationTag, OperationName(operation)),
            new KeyValuePair<string, object?>(ReasonTag, ReasonOf(outcome)));

    internal static void Finished(Activity? span, int attempts, HttpStatusCode? status, Exception? failure)
    {
        if (span is null)
            return;
        span.SetTag(AttemptsTag, attempts);
        if (status is { } code)
            span.SetTag(StatusTag, (int)code);
        // The exception's type says enough; its message could quote what the service answered.
        if (failure is not null)
            span.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
        else if (status is not { } answered)
            span.SetStatus(ActivityStatusCode.Error, "not sent");
        else if (answered >= HttpStatusCode.BadRequest)
            span.SetStatus(ActivityStatusCode.Error, $"status {(int)answered}");
    }

    private static string OperationName(ConnectorOperation operation) => operation switch
    {
        ConnectorOperation.SendMessage => "send_message",
        ConnectorOperation.CreateConversation => "create_conversation",
        ConnectorOperation.GetMembers => "get_members",
        ConnectorOperation.GetConversations => "get_conversations",
        _ => "other",
    };

    private static string ReasonOf(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => "throttled",
        { Result.StatusCode: HttpStatusCode.ServiceUnavailable } => "unavailable",
        { Result: not null } => "unknown_outcome", // 412, 502, 504
        { Exception: TimeoutRejectedException } => "timeout",
        _ => "connection",
    };
}
