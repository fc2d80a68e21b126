using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.RateLimiting;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FocusBot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST API of one conversation's service URL: send, reply, update, delete, create a 1:1, members,
/// channels. Every call is paced by <see cref="TeamsRateLimiter"/> and retried by Teams' rules: 429 after its
/// Retry-After; 412, 502, 503, 504 and timeouts with backoff. A repeated send whose earlier attempt had an unknown outcome
/// (timeout, 412, 502, 504) may reach the person twice: at least once beats never, and callers are told (see
/// <see cref="SendDeparture"/>).
/// </summary>
public sealed class ConnectorClient
{
    private static readonly ResiliencePropertyKey<bool> LastOutcomeUnknown = new("focusbot.last-outcome-unknown");
    private static readonly ResiliencePropertyKey<ConnectorOperation> Operation = new("focusbot.operation");
    private readonly HttpClient _http;
    private readonly IBotTokenProvider _tokens;
    private readonly TeamsRateLimiter _limiter;
    private readonly ServiceUrlGuard _guard;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ConnectorOptions _options;
    private readonly TimeProvider _timeProvider;

    public ConnectorClient(HttpClient http, IBotTokenProvider tokens, TeamsRateLimiter limiter, ServiceUrlGuard guard,
        IOptions<ConnectorOptions> options, TimeProvider timeProvider)
    {
        _http = http;
        _tokens = tokens;
        _limiter = limiter;
        _guard = guard;
        _options = options.Value;
        _timeProvider = timeProvider;
        _pipeline = BuildPipeline(_options, timeProvider);
    }

    public Task<ResourceResponse> SendToConversationAsync(ConversationTarget target, Activity activity, CancellationToken cancellationToken) =>
        SendToConversationAsync(target, activity, onDeparture: null, cancellationToken);

    /// <summary>
    /// Sends a message, calling <paramref name="onDeparture"/> as each attempt is about to leave (after pacing), so a
    /// delivery ledger can mark the message in flight only then. An exception from it stops the send before that attempt.
    /// </summary>
    public async Task<ResourceResponse> SendToConversationAsync(ConversationTarget target, Activity activity,
        Func<SendDeparture, CancellationToken, ValueTask>? onDeparture, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Default.Activity);
        using var response = await CallAsync(target.ServiceUrl, target.TenantId, HttpMethod.Post, $"v3/conversations/{Escape(target.ConversationId)}/activities",
            json, ConnectorOperation.SendMessage, target.ConversationId, idempotent: false, cancellationToken, onDeparture).ConfigureAwait(false);
        return await ReadAsync(response, ProtocolJsonContext.Default.ResourceResponse, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(activity.Id);
    }

    public Task<ResourceResponse> ReplyToActivityAsync(ConversationTarget target, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(target, HttpMethod.Post, $"v3/conversations/{Escape(target.ConversationId)}/activities/{Escape(replyToId)}",
            activity with { ReplyToId = replyToId }, ConnectorOperation.SendMessage, target.ConversationId, idempotent: false,
            ProtocolJsonContext.Default.ResourceResponse, cancellationToken);

    /// <summary>Replaces a sent activity; repeating it is harmless, so it is retried on any transient failure.</summary>
    public Task<ResourceResponse> UpdateActivityAsync(ConversationTarget target, string activityId, Activity activity, CancellationToken cancellationToken) =>
        UpdateActivityAsync(target, activityId, activity, onDeparture: null, cancellationToken);

    /// <summary>As above, calling <paramref name="onDeparture"/> as each attempt is about to leave (see <see cref="SendToConversationAsync(ConversationTarget, Activity, Func{SendDeparture, CancellationToken, ValueTask}?, CancellationToken)"/>).</summary>
    public async Task<ResourceResponse> UpdateActivityAsync(ConversationTarget target, string activityId, Activity activity,
        Func<SendDeparture, CancellationToken, ValueTask>? onDeparture, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(activity with { Id = activityId }, ProtocolJsonContext.Default.Activity);
        using var response = await CallAsync(target.ServiceUrl, target.TenantId, HttpMethod.Put, $"v3/conversations/{Escape(target.ConversationId)}/activities/{Escape(activityId)}",
            json, ConnectorOperation.SendMessage, target.ConversationId, idempotent: true, cancellationToken, onDeparture).ConfigureAwait(false);
        // Some channels answer an update with an empty body; the activity id is then the one we already have.
        return await ReadAsync(response, ProtocolJsonContext.Default.ResourceResponse, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(activityId);
    }

    public Task DeleteActivityAsync(ConversationTarget target, string activityId, CancellationToken cancellationToken) =>
        DeleteActivityAsync(target, activityId, onDeparture: null, cancellationToken);

    /// <summary>Deletes a sent activity, calling <paramref name="onDeparture"/> as each attempt is about to leave; repeating it is harmless.</summary>
    public async Task DeleteActivityAsync(ConversationTarget target, string activityId, Func<SendDeparture, CancellationToken, ValueTask>? onDeparture,
        CancellationToken cancellationToken)
    {
        using var response = await CallAsync(target.ServiceUrl, target.TenantId, HttpMethod.Delete,
            $"v3/conversations/{Escape(target.ConversationId)}/activities/{Escape(activityId)}", content: null,
            ConnectorOperation.SendMessage, target.ConversationId, idempotent: true, cancellationToken, onDeparture).ConfigureAwait(false);
    }

    /// <summary>Creates (or finds: Teams answers the same id again) the 1:1 chat between the bot and a user.</summary>
    public async Task<ConversationResourceResponse> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userId,
        string? botId, CancellationToken cancellationToken)
    {
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = botId is null ? null : new ChannelAccount { Id = botId },
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenantId,
        };
        var created = await SendAsync(new ConversationTarget(serviceUrl, tenantId, string.Empty), HttpMethod.Post, "v3/conversations", parameters,
            ConnectorOperation.CreateConversation, userId, idempotent: true, ProtocolJsonContext.Default.ConversationParameters,
            ProtocolJsonContext.Default.ConversationResourceResponse, cancellationToken).ConfigureAwait(false);
        return created?.Id is null ? throw new ConnectorException(HttpStatusCode.OK, "create conversation", "NoConversationId") : created;
    }

    public async Task<PagedMembersResult> GetPagedMembersAsync(ConversationTarget target, int pageSize, string? continuationToken,
        CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Escape(target.ConversationId)}/pagedmembers?pageSize={pageSize}";
        if (continuationToken is not null)
            path += $"&continuationToken={Uri.EscapeDataString(continuationToken)}";
        using var response = await CallAsync(target.ServiceUrl, target.TenantId, HttpMethod.Get, path, null,
            ConnectorOperation.GetMembers, target.ConversationId, idempotent: true, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, ProtocolJsonContext.Default.PagedMembersResult, cancellationToken).ConfigureAwait(false)
            ?? new PagedMembersResult(null, []);
    }

    /// <summary>Every member of a conversation or team, following continuation tokens.</summary>
    public async IAsyncEnumerable<ChannelAccount> GetAllMembersAsync(ConversationTarget target,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await GetPagedMembersAsync(target, 500, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var member in page.Members ?? [])
                yield return member;
            continuation = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
        }
        while (continuation is not null);
    }

    public async Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string tenantId, string teamId, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(serviceUrl, tenantId, HttpMethod.Get, $"v3/teams/{Escape(teamId)}/conversations", null,
            ConnectorOperation.GetConversations, teamId, idempotent: true, cancellationToken).ConfigureAwait(false);
        var list = await ReadAsync(response, ProtocolJsonContext.Default.ConversationList, cancellationToken).ConfigureAwait(false);
        return list?.Conversations ?? [];
    }

    // Some channels answer an update with an empty body; the activity id is then the one we already have.
    private async Task<ResourceResponse> SendAsync(ConversationTarget target, HttpMethod method, string path, Activity activity,
        ConnectorOperation operation, string threadKey, bool idempotent, JsonTypeInfo<ResourceResponse> responseType, CancellationToken cancellationToken) =>
        await SendAsync(target, method, path, activity, operation, threadKey, idempotent, ProtocolJsonContext.Default.Activity, responseType,
            cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(activity.Id);

    private async Task<TResponse?> SendAsync<TBody, TResponse>(ConversationTarget target, HttpMethod method, string path, TBody body,
        ConnectorOperation operation, string threadKey, bool idempotent, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        using var response = await CallAsync(target.ServiceUrl, target.TenantId, method, path, json, operation, threadKey, idempotent,
            cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, responseType, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> CallAsync(string serviceUrl, string tenantId, HttpMethod method, string path, byte[]? content,
        ConnectorOperation operation, string threadKey, bool idempotent, CancellationToken cancellationToken,
        Func<SendDeparture, CancellationToken, ValueTask>? onDeparture = null)
    {
        using var span = ConnectorTelemetry.StartCall(operation);
        HttpStatusCode? status = null;
        Exception? failure = null;
        var uri = new Uri(_guard.Check(serviceUrl), path);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Operation, operation);
        var attempts = 0;
        try
        {
            var response = await _pipeline.ExecuteAsync(async ctx =>
            {
                // Pacing happens outside the attempt timeout: waiting for a free slot is not the service being slow.
                using var turn = await _limiter.AcquireAsync(tenantId, operation, threadKey, ctx.CancellationToken).ConfigureAwait(false);
                attempts++;
                if (onDeparture is not null)
                    await onDeparture(new SendDeparture(attempts, ctx.Properties.GetValue(LastOutcomeUnknown, false)), ctx.CancellationToken).ConfigureAwait(false);
                using var request = new HttpRequestMessage(method, uri);
                if (content is not null)
                    request.Content = new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
                if (await _tokens.GetTokenAsync(ctx.CancellationToken).ConfigureAwait(false) is { } token)
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var timeout = new CancellationTokenSource(_options.AttemptTimeout, _timeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, ctx.CancellationToken);
                // Counted in the tenant's second from here, after the departure callback's store write and the token.
                turn.Leave();
                try
                {
                    var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
                    if (answer.StatusCode == HttpStatusCode.TooManyRequests)
                        ConnectorTelemetry.Throttled(operation);
                    return answer;
                }
                catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !ctx.CancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutRejectedException("The Connector did not answer in time.", _options.AttemptTimeout, ex);
                }
            }, context).ConfigureAwait(false);

            status = response.StatusCode;
            if (response.IsSuccessStatusCode)
                return response;
            using (response)
            {
                if (!idempotent && response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout)
                    throw new DeliveryUncertainException(operation.ToString(), null);
                throw new ConnectorException(response.StatusCode, operation.ToString(), await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (TimeoutRejectedException ex) when (!idempotent)
        {
            failure = ex;
            throw new DeliveryUncertainException(operation.ToString(), ex);
        }
        catch (Exception ex) when (failure is null)
        {
            failure = ex;
            throw;
        }
        finally
        {
            ConnectorTelemetry.Finished(span, attempts, status, failure);
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(ConnectorOptions options, TimeProvider timeProvider) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxDelay)),
                OnRetry = args =>
                {
                    ConnectorTelemetry.Retrying(args.Context.Properties.GetValue(Operation, ConnectorOperation.SendMessage), args.Outcome);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    // Microsoft's guidance for bots: retry 429 (after Retry-After), 412, 502 and 504; 503 and a refused connection never
    // reached the service. The others with an unknown outcome are repeated too: a person may get a message twice, which
    // is better than never, and the repeat is reported to whoever counts it.
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var (retry, unknown) = outcome switch
        {
            { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => (true, false),
            { Exception: TimeoutRejectedException or HttpRequestException } => (true, true),
            { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } => (true, false),
            { Result.StatusCode: HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout } => (true, true),
            _ => (false, false),
        };
        if (retry)
            context.Properties.Set(LastOutcomeUnknown, unknown);
        return retry;
    }

    // A 429's Retry-After is the service telling us exactly when; otherwise let Polly's jittered backoff decide (null).
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
            return delta > max ? max : delta;
        if (retryAfter?.Date is { } date && response?.Headers.Date is { } now)
            return date - now > max ? max : date - now;
        return null;
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return body.Length == 0 ? default : JsonSerializer.Deserialize(body, type);
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return document.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
