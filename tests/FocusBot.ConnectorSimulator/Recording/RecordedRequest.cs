namespace FocusBot.ConnectorSimulator.Recording;

/// <summary>
/// One HTTP request the simulator received and the status it answered (<see cref="ClientClosedRequest"/> when the
/// client gave up first). <see cref="Authorization"/> is the raw header, null when absent.
/// </summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    int StatusCode,
    DateTimeOffset Time,
    string? Authorization,
    ConnectorOperation Operation,
    string? ConversationId)
{
    /// <summary>Recorded status of a request the client abandoned before an answer (nginx's convention).</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>
    /// The TCP port the request came from: with several bot processes on one machine, it tells which one sent it (the
    /// process that owns the connection from that port).
    /// </summary>
    public int ClientPort { get; init; }
}
