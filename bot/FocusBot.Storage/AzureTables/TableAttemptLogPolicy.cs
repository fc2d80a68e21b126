using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Logs each attempt that failed in a way the SDK retries (a transient status, an exception), and a refusal of our
/// credentials. Runs inside the SDK's retry loop, so it sees every attempt, not only the last.
/// </summary>
internal sealed partial class TableAttemptLogPolicy(ILogger logger) : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !message.CancellationToken.IsCancellationRequested)
        {
            LogAttemptFailed(logger, message.ProcessingContext.RetryNumber + 1, null, exception.GetType().Name);
            throw;
        }

        Inspect(message);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !message.CancellationToken.IsCancellationRequested)
        {
            LogAttemptFailed(logger, message.ProcessingContext.RetryNumber + 1, null, exception.GetType().Name);
            throw;
        }

        Inspect(message);
    }

    private void Inspect(HttpMessage message)
    {
        var status = message.Response.Status;
        if (status is 401 or 403)
        {
            LogRefused(logger, status, message.Response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null);
        }
        else if (TableOutage.IsTransient(status))
        {
            LogAttemptFailed(logger, message.ProcessingContext.RetryNumber + 1, status, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Table request attempt {Attempt} failed (HTTP {Status}, {Exception})")]
    private static partial void LogAttemptFailed(ILogger logger, int attempt, int? status, string? exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Table service refused our credentials: HTTP {Status} {ErrorCode}")]
    private static partial void LogRefused(ILogger logger, int status, string? errorCode);
}
