namespace FocusBot.Protocol.Connector;

/// <summary>
/// What a <see cref="ConnectorClient"/> call throws when that one call could not be completed: Teams refused it
/// (<see cref="ConnectorException"/>), its outcome is unknown (<see cref="DeliveryUncertainException"/>), Teams could not
/// be reached once the retries were spent (<see cref="HttpRequestException"/>), or the conversation's service URL or the
/// bot's credentials rule the call out (<see cref="InvalidOperationException"/>, from <see cref="ServiceUrlGuard"/> and
/// <see cref="MsalBotTokenProvider"/>). Work that goes through many people catches these for one person and goes on with the next.
/// </summary>
public static class ConnectorFailure
{
    public static bool IsFailedCall(Exception exception) =>
        exception is ConnectorException or DeliveryUncertainException or HttpRequestException or InvalidOperationException;

    /// <summary>A failed call in words fit for a log or a notice: "status 404", "no answer", "unreachable", "not allowed".</summary>
    public static string Describe(Exception exception) => exception switch
    {
        ConnectorException refused => $"status {(int)refused.StatusCode}",
        DeliveryUncertainException => "no answer",
        HttpRequestException => "unreachable",
        _ => "not allowed",
    };
}
