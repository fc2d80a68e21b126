using System.Text.Json;
using FocusBot.Protocol;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Authentication;
using FocusBot.Protocol.Connector;
using Microsoft.AspNetCore.Http.Features;

namespace FocusBot.Messaging;

/// <summary>POST /api/messages: the one door through which Teams reaches FocusBot.</summary>
public static partial class MessagesEndpoint
{
    /// <summary>Teams messages are far smaller; anything larger is refused before it is read.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, BotRequestAuthenticator authenticator, ActivityRouter router, ReplayGuard replays,
        ConnectorClient connector, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(MessagesEndpoint));
        if (http.Request.ContentLength > MaxBodyBytes)
            return Problem(StatusCodes.Status413PayloadTooLarge, "The activity is larger than 256 KB.");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(http.Request.Body, ProtocolJsonContext.Default.Activity, cancellationToken);
        }
        catch (JsonException ex)
        {
            // Where, not what: the exception's message names our own types.
            return Problem(StatusCodes.Status400BadRequest,
                $"The body is not a valid activity at {ex.Path ?? "$"} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "The activity is larger than 256 KB.");
        }

        if (activity?.Type is null)
            return Problem(StatusCodes.Status400BadRequest, "The activity has no type.");

        var outcome = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), activity,
            http.Connection.RemoteIpAddress, cancellationToken);
        if (!outcome.Allowed)
        {
            LogRejected(logger, (int)outcome.Status, outcome.Reason);
            return Results.StatusCode((int)outcome.Status);
        }

        if (activity.Conversation?.Id is null || string.IsNullOrEmpty(activity.ServiceUrl))
            return Problem(StatusCodes.Status400BadRequest, "The activity has no conversation id or serviceUrl.");

        var result = await replays.RouteOnceAsync(new TurnContext(activity, connector), router.RouteAsync, cancellationToken);
        return result.InvokeResponse is { } invoke
            ? Results.Json(invoke, ProtocolJsonContext.Default.AdaptiveCardInvokeResponse, statusCode: result.StatusCode)
            : Results.StatusCode(result.StatusCode);
    }

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected inbound activity with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string reason);
}
