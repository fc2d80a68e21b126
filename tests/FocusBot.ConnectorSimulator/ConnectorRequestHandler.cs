using System.Globalization;
using System.Text.Json;
using FocusBot.ConnectorSimulator.Faults;
using FocusBot.ConnectorSimulator.RateLimiting;
using FocusBot.ConnectorSimulator.Recording;
using FocusBot.ConnectorSimulator.Roster;
using FocusBot.ConnectorSimulator.Wire;
using Microsoft.AspNetCore.Http;

namespace FocusBot.ConnectorSimulator;

/// <summary>
/// The simulator's whole HTTP pipeline: authorization, routing, blocked/removed conversations, injected faults,
/// then the operation (validation, rate limit, recording), and a record of the request and its status, made as the response
/// starts (or when the client hangs up first).
/// </summary>
internal sealed partial class ConnectorRequestHandler(
    ConversationDirectory directory,
    SimulatorLog log,
    FaultInjector faults,
    ConnectorRateLimiter rateLimiter,
    TimeProvider timeProvider,
    CancellationToken stopping)
{
    // Teams message ids are epoch milliseconds; start somewhere that looks like one.
    private long _lastActivityId = 1_700_000_000_000;
    private string? _requiredAuthorization;

    public void RequireBearer(string? token) =>
        Volatile.Write(ref _requiredAuthorization, token is null ? null : "Bearer " + token);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var route = ConnectorRoute.Match(request.Method, request.Path.Value);
        var authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null;
        var recorded = 0;
        void Record(int status)
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                log.AddRequest(new RecordedRequest(
                    request.Method,
                    request.Path.Value ?? string.Empty,
                    status,
                    timeProvider.GetUtcNow(),
                    authorization,
                    route.Operation,
                    route.ConversationId)
                {
                    ClientPort = context.Connection.RemotePort,
                });
            }
        }

        // Recorded before the response leaves, so a client that has its answer can count on finding the request logged.
        context.Response.OnStarting(() =>
        {
            Record(context.Response.StatusCode);
            return Task.CompletedTask;
        });

        var status = StatusCodes.Status500InternalServerError;
        try
        {
            status = await DispatchAsync(context, route, authorization);
        }
        catch (Exception exception) when (IsClientGone(exception, context))
        {
            status = RecordedRequest.ClientClosedRequest;
        }
        finally
        {
            Record(status);
        }
    }

    private async Task<int> DispatchAsync(HttpContext context, ConnectorRoute route, string? authorization)
    {
        var required = Volatile.Read(ref _requiredAuthorization);
        if (required is not null && !string.Equals(authorization, required, StringComparison.Ordinal))
        {
            return await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", "Authorization has been denied for this request.");
        }

        if (route.Operation == ConnectorOperation.Unknown)
        {
            return await WriteErrorAsync(context, StatusCodes.Status404NotFound, "NotFound", "No such Bot Connector operation.");
        }

        if (route.ConversationId is { } conversationId)
        {
            if (faults.IsBlocked(conversationId))
            {
                return await WriteBlockedAsync(context);
            }

            if (faults.IsRemoved(conversationId))
            {
                return await WriteConversationNotFoundAsync(context);
            }
        }

        var fault = faults.TakeNext(route.Operation, route.ConversationId);
        switch (fault?.Kind)
        {
            case FaultKind.Status:
                return await WriteFaultAsync(context, fault);
            case FaultKind.Timeout:
                return await HoldUntilAbandonedAsync(context);
            case FaultKind.Delay:
                // Real time on purpose: the client's timeout runs on real time too.
                await Task.Delay(fault.Delay, TimeProvider.System, context.RequestAborted);
                break;
        }

        var lostResponse = fault is { Delivers: true } ? fault : null;
        return route.Operation switch
        {
            ConnectorOperation.CreateConversation => await CreateConversationAsync(context, lostResponse),
            ConnectorOperation.Send or ConnectorOperation.Reply or ConnectorOperation.Update =>
                await SendActivityAsync(context, route, lostResponse),
            ConnectorOperation.Delete => await DeleteActivityAsync(context, route, lostResponse),
            ConnectorOperation.GetPagedMembers => await GetPagedMembersAsync(context, route, lostResponse),
            ConnectorOperation.GetTeamDetails => await GetTeamDetailsAsync(context, route, lostResponse),
            ConnectorOperation.GetTeamConversations => await GetTeamConversationsAsync(context, route, lostResponse),
            _ => await WriteErrorAsync(context, StatusCodes.Status404NotFound, "NotFound", "No such Bot Connector operation."),
        };
    }

    private async Task<int> HoldUntilAbandonedAsync(HttpContext context)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, either.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // The simulator is stopping while the client still waits: answer as a gateway would.
            return await WriteErrorAsync(context, StatusCodes.Status504GatewayTimeout, "GatewayTimeout", "The simulator stopped.");
        }

        return RecordedRequest.ClientClosedRequest;
    }

    private TimeSpan? Throttle(RateLimitBucket bucket, string key, string tenantId) =>
        rateLimiter.TryAcquire(bucket, key, tenantId);

    private string NextActivityId() =>
        Interlocked.Increment(ref _lastActivityId).ToString(CultureInfo.InvariantCulture);

    private static async Task<JsonElement?> ReadJsonAsync(HttpContext context)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(
                context.Request.Body, SimulatorJsonContext.Default.JsonElement, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsClientGone(Exception exception, HttpContext context) => exception switch
    {
        OperationCanceledException => context.RequestAborted.IsCancellationRequested,
        IOException => true, // includes Kestrel's connection-reset and bad-request exceptions
        _ => false,
    };
}
