using Azure;
using FocusBot.Domain.Storage;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Turns what the SDK throws once its retries are spent (a transient status, a failed connection, an attempt that timed
/// out) into a <see cref="StorageUnavailableException"/> naming the account and the cause, so a failed write is never
/// mistaken for a stored one and the host can tell an outage from a refusal. Refusals pass through unchanged.
/// </summary>
internal sealed class TableOutage(Uri endpoint, int attempts, TimeSpan requestTimeout)
{
    public static bool IsTransient(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    public async Task<T> RunAsync<T>(string table, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (Exception exception) when (CauseOf(exception, cancellationToken) is { } cause)
        {
            throw new StorageUnavailableException(
                $"Azure Table storage at {endpoint.GetLeftPart(UriPartial.Authority)} (table {table}) is unavailable after {attempts} attempt(s): {cause}.",
                exception);
        }
    }

    private string? CauseOf(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        // The SDK gathers the failure of every attempt when the last one also threw: each attempt failed to get an answer.
        AggregateException { InnerExceptions.Count: > 0 } aggregate =>
            aggregate.InnerExceptions.Reverse().Select(inner => CauseOf(inner, cancellationToken)).FirstOrDefault(cause => cause is not null)
            ?? $"every attempt failed ({aggregate.InnerExceptions[^1].GetType().Name})",
        ObjectDisposedException => "the client was shut down while the request was under way",
        RequestFailedException { Status: 0 } failed => $"the connection failed ({(failed.InnerException ?? failed).Message.TrimEnd('.')})",
        RequestFailedException failed when IsTransient(failed.Status) => $"the service kept answering HTTP {failed.Status}",
        HttpRequestException or IOException => $"the connection failed ({exception.Message.TrimEnd('.')})",
        OperationCanceledException when !cancellationToken.IsCancellationRequested => $"no answer within {requestTimeout.TotalSeconds:0.#} s",
        _ => null,
    };
}
