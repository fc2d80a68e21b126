using System.Diagnostics;
using FocusBot.Domain.Conversations;

namespace FocusBot.Health;

/// <summary>What one probe of the store found: whether it answered, and how long it took.</summary>
public sealed record StorageProbeResult(bool Answered, TimeSpan Took);

/// <summary>
/// One point read against the store (a missing row is a fine answer): for /healthz, the `status` command and the watch
/// that notices long outages.
/// </summary>
public sealed class StorageProbe(IConversationStore conversations)
{
    public async Task<StorageProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await conversations.GetAsync("healthz", "healthz", cancellationToken);
            return new StorageProbeResult(true, clock.Elapsed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new StorageProbeResult(false, clock.Elapsed);
        }
    }
}
