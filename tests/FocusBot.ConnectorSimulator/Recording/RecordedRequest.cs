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
}
