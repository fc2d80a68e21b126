namespace FocusBot.ConnectorSimulator.Faults;

/// <summary>
/// A fault for the next <see cref="Times"/> requests that match <see cref="Operation"/> and <see cref="ConversationId"/>
/// (null matches any). Build one with a factory and narrow it with <c>with</c>:
/// <c>InjectedFault.Status(503) with { Times = 2, Operation = ConnectorOperation.Send }</c>.
/// </summary>
public sealed record InjectedFault
{
    public required FaultKind Kind { get; init; }

    /// <summary>The answered status for <see cref="FaultKind.Status"/> and <see cref="FaultKind.DeliveredThenStatus"/>.</summary>
    public int StatusCode { get; init; }

    /// <summary>Sent as a whole-seconds <c>Retry-After</c> header (at least 1) when set.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The error <c>code</c> in the body; a Teams-like code for the status when null.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>How long a <see cref="FaultKind.Delay"/> holds the request, or a <see cref="FaultKind.DeliveredThenDelay"/> its answer.</summary>
    public TimeSpan Delay { get; init; }

    public ConnectorOperation? Operation { get; init; }

    public string? ConversationId { get; init; }

    /// <summary>How many matching requests the fault applies to.</summary>
    public int Times { get; init; } = 1;

    public static InjectedFault Status(int statusCode, TimeSpan? retryAfter = null) =>
        new() { Kind = FaultKind.Status, StatusCode = statusCode, RetryAfter = retryAfter };

    public static InjectedFault SlowResponse(TimeSpan delay) => new() { Kind = FaultKind.Delay, Delay = delay };

    public static InjectedFault Timeout() => new() { Kind = FaultKind.Timeout };

    public static InjectedFault DeliveredThenStatus(int statusCode = 502) =>
        new() { Kind = FaultKind.DeliveredThenStatus, StatusCode = statusCode };

    /// <summary>Delivered at once, answered only after <paramref name="delay"/>: make it longer than the client's attempt timeout.</summary>
    public static InjectedFault DeliveredThenSlowResponse(TimeSpan delay) => new() { Kind = FaultKind.DeliveredThenDelay, Delay = delay };

    /// <summary>Whether the operation is done (the activity recorded) although the client may not learn it.</summary>
    public bool Delivers => Kind is FaultKind.DeliveredThenStatus or FaultKind.DeliveredThenDelay;

    internal bool Matches(ConnectorOperation operation, string? conversationId) =>
        (Operation is null || Operation == operation)
        && (ConversationId is null || string.Equals(ConversationId, conversationId, StringComparison.Ordinal));
}
