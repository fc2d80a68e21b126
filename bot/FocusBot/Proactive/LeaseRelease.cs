using FocusBot.Domain.Leases;
using FocusBot.Domain.Storage;

namespace FocusBot.Proactive;

/// <summary>Gives a lease back on shutdown, so another instance takes over at once instead of when it expires.</summary>
public static class LeaseRelease
{
    public static async Task TryReleaseAsync(ILeaseStore leases, Lease? lease)
    {
        if (lease is null)
            return;
        // Shutdown's own token may already be cancelled; the release gets a few seconds of its own.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await leases.ReleaseAsync(lease, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or StorageUnavailableException)
        {
            // The lease then simply expires.
        }
    }
}
