using FocusBot.Domain.Leases;
using FocusBot.Domain.Storage;

namespace FocusBot.Leases;

/// <summary>
/// Keeps one named lease for a hosted service that acts only while it holds it. Every call to <see cref="HoldAsync"/>
/// renews the lease when held and otherwise tries to take it, so a holder whose renewal was lost (it expired and someone
/// else took and let it go) takes it back as soon as it is free. <see cref="ReleaseAsync"/> on stop lets another
/// instance take over at once instead of when the lease expires.
/// </summary>
public sealed class LeaseHolder(ILeaseStore leases, string name, TimeSpan duration, TimeProvider timeProvider) : IDisposable
{
    // Release on shutdown gets a few seconds of its own: shutdown's token may already be cancelled.
    private static readonly TimeSpan s_releaseTimeout = TimeSpan.FromSeconds(5);

    // A pass and a background renewal may both ask at once; one store round trip at a time keeps the lease (and its
    // ETag) consistent.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Lease? _lease;

    /// <summary>Who this holder is to the store: machine, process, and a random part, so two holders never mistake each other.</summary>
    public string Id { get; } = NewId();

    public string Name => name;

    /// <summary>Whether the lease is held now, by the clock rather than by the last answer of the store.</summary>
    public bool IsHeld => _lease is { } lease && lease.ExpiresAt > timeProvider.GetUtcNow();

    /// <summary>A holder id in the one format every lease site uses.</summary>
    public static string NewId() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Renews the lease if held, else tries to take it. Returns whether it is held. Storage failures propagate.</summary>
    public async Task<bool> HoldAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _lease = _lease is null
                ? await leases.TryAcquireAsync(name, Id, duration, cancellationToken)
                : await leases.RenewAsync(_lease, duration, cancellationToken) ?? await leases.TryAcquireAsync(name, Id, duration, cancellationToken);
            return _lease is not null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Gives the lease back on stop. A store that does not answer, or is already closed because the host is shutting down
    /// on another path (WebApplicationFactory stops the host while Program's RunAsync stops and disposes it too), is
    /// ignored: the lease then simply expires.
    /// </summary>
    public async Task ReleaseAsync()
    {
        if (_lease is not { } lease)
            return;
        _lease = null;
        using var timeout = new CancellationTokenSource(s_releaseTimeout);
        try
        {
            await leases.ReleaseAsync(lease, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or StorageUnavailableException or ObjectDisposedException)
        {
            // it expires on its own
        }
    }

    /// <summary>
    /// Runs <paramref name="run"/> once while holding the lease <paramref name="leaseName"/>, then releases it. Returns
    /// false without running when someone else holds it. The release is not optional: its failure propagates like the
    /// run's own.
    /// </summary>
    public static async Task<bool> TryRunAsync(ILeaseStore leases, string leaseName, string holderId, TimeSpan duration, Func<Task> run,
        CancellationToken cancellationToken)
    {
        var lease = await leases.TryAcquireAsync(leaseName, holderId, duration, cancellationToken);
        if (lease is null)
            return false;
        try
        {
            await run();
            return true;
        }
        finally
        {
            await leases.ReleaseAsync(lease, CancellationToken.None);
        }
    }

    public void Dispose() => _gate.Dispose();
}
