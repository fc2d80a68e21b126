namespace FocusBot.ConnectorSimulator.Faults;

/// <summary>How an injected fault changes a request.</summary>
public enum FaultKind
{
    /// <summary>Answer the fault's status code without doing the operation.</summary>
    Status,

    /// <summary>Wait the fault's delay, then serve the request normally (nothing happens if the client gives up first).</summary>
    Delay,

    /// <summary>Never answer: hold the request until the client cancels or the simulator stops; nothing is recorded.</summary>
    Timeout,

    /// <summary>Do the operation (record the activity) but answer the fault's status code: the response was lost.</summary>
    DeliveredThenStatus,

    /// <summary>
    /// Do the operation (record the activity), then hold the normal answer for the fault's delay. A client whose attempt
    /// timeout is shorter gives up on a message that was in fact delivered.
    /// </summary>
    DeliveredThenDelay,
}
