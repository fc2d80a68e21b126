using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using FocusBot.ConnectorSimulator.Faults;
using FocusBot.ConnectorSimulator.Wire;
using Microsoft.AspNetCore.Http;

namespace FocusBot.ConnectorSimulator;

internal sealed partial class ConnectorRequestHandler
{
    /// <summary>
    /// Writes the success body; when the operation's response is to be "lost", the injected status instead, or the success
    /// body only after the injected delay.
    /// </summary>
    private async Task<int> WriteSuccessAsync<T>(
        HttpContext context, int statusCode, T body, JsonTypeInfo<T> typeInfo, InjectedFault? lostResponse)
    {
        if (lostResponse is { Kind: FaultKind.DeliveredThenDelay })
        {
            await HoldAnswerAsync(context, lostResponse.Delay);
        }
        else if (lostResponse is not null)
        {
            return await WriteFaultAsync(context, lostResponse);
        }

        context.Response.StatusCode = statusCode;
        await context.Response.WriteAsJsonAsync(body, typeInfo, cancellationToken: context.RequestAborted);
        return statusCode;
    }

    private async Task<int> WriteEmptySuccessAsync(HttpContext context, InjectedFault? lostResponse)
    {
        if (lostResponse is { Kind: FaultKind.DeliveredThenDelay })
        {
            await HoldAnswerAsync(context, lostResponse.Delay);
        }
        else if (lostResponse is not null)
        {
            return await WriteFaultAsync(context, lostResponse);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        return StatusCodes.Status200OK;
    }

    /// <summary>
    /// Holds an answer whose operation is already done. A client that gives up ends the request (recorded as client closed,
    /// the activity stays recorded); a stopping simulator answers at once rather than keep the client waiting.
    /// </summary>
    private async Task HoldAnswerAsync(HttpContext context, TimeSpan delay)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            // Real time on purpose: the client's attempt timeout runs on real time too.
            await Task.Delay(delay, TimeProvider.System, either.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Stopping: answer now.
        }
    }

    private async Task<int> WriteFaultAsync(HttpContext context, InjectedFault fault)
    {
        if (fault.RetryAfter is { } retryAfter)
        {
            SetRetryAfter(context, retryAfter);
        }

        if (fault.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            log.CountThrottled();
        }

        var code = fault.ErrorCode ?? DefaultErrorCode(fault.StatusCode);
        return await WriteErrorAsync(context, fault.StatusCode, code, "Injected fault.");
    }

    private async Task<int> WriteThrottledAsync(HttpContext context, TimeSpan retryAfter)
    {
        log.CountThrottled();
        SetRetryAfter(context, retryAfter);
        return await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "Throttled", "Too many requests.");
    }

    private static Task<int> WriteBadSyntaxAsync(HttpContext context, string message) =>
        WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadSyntax", message);

    private static Task<int> WriteBlockedAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status403Forbidden, "ConversationBlockedByUser", "User blocked the conversation with the bot.");

    private static Task<int> WriteConversationNotFoundAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status404NotFound, "ConversationNotFound", "Conversation not found.");

    private static async Task<int> WriteErrorAsync(HttpContext context, int statusCode, string code, string message)
    {
        context.Response.StatusCode = statusCode;
        await context.Response.WriteAsJsonAsync(
            new ErrorResponse(new ErrorBody(code, message)),
            SimulatorJsonContext.Default.ErrorResponse,
            cancellationToken: context.RequestAborted);
        return statusCode;
    }

    /// <summary>Whole seconds, rounded up and at least 1, so a client that honours it is never early.</summary>
    private static void SetRetryAfter(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (retryAfter.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }

    // Codes Teams documents for these statuses (msteams-docs "status codes from bot APIs").
    private static string DefaultErrorCode(int statusCode) => statusCode switch
    {
        400 => "BadSyntax",
        401 => "BotNotRegistered",
        403 => "BotNotInConversationRoster",
        404 => "ConversationNotFound",
        412 => "PreconditionFailed",
        413 => "MessageSizeTooBig",
        429 => "Throttled",
        500 => "InternalServerError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => "ServiceError",
    };
}
