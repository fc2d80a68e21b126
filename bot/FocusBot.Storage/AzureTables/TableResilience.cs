using System.Net;
using FocusBot.Domain.Storage;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Retries what the service says is worth retrying (408, 429, 500, 502, 503, 504, connection failures, attempts that
/// time out) with exponential backoff and jitter, a bounded number of times; then reports the outage as a
/// <see cref="StorageUnavailableException"/>, so a failed write is never mistaken for a stored one.
/// </summary>
internal sealed partial class TableResilience
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Uri _endpoint;
    private readonly int _attempts;

    public TableResilience(AzureTablesOptions options, Uri endpoint, ILogger logger, TimeProvider timeProvider)
    {
        _endpoint = endpoint;
        _attempts = Math.Max(1, options.MaxAttempts);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (_attempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _attempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    LogRetry(logger, args.AttemptNumber + 1, _attempts, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception?.GetType().Name, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.RequestTimeout);
        _pipeline = builder.Build();
    }

    public static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public async Task<HttpResponseMessage> SendAsync(Func<CancellationToken, Task<HttpResponseMessage>> send, string table, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(async token => await send(token), cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw Unavailable(table, $"the connection failed ({exception.Message.TrimEnd('.')})", exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw Unavailable(table, $"no answer within {exception.Timeout.TotalSeconds:0.#} s", exception);
        }

        if (IsTransient(response.StatusCode))
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw Unavailable(table, $"the service kept answering HTTP {status}", null);
        }

        return response;
    }

    private StorageUnavailableException Unavailable(string table, string cause, Exception? inner)
    {
        var message = $"Azure Table storage at {_endpoint.GetLeftPart(UriPartial.Authority)} (table {table}) is unavailable after {_attempts} attempt(s): {cause}.";
        return inner is null ? new StorageUnavailableException(message) : new StorageUnavailableException(message, inner);
    }

    // Honour the service's Retry-After on 429/503; otherwise let the exponential backoff decide.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta && delta > TimeSpan.Zero)
        {
            return delta < TimeSpan.FromSeconds(30) ? delta : TimeSpan.FromSeconds(30);
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Table request failed (HTTP {Status}, {Exception}); attempt {Attempt} of {Attempts} in {Delay}")]
    private static partial void LogRetry(ILogger logger, int attempt, int attempts, int? status, string? exception, TimeSpan delay);
}
