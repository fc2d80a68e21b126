namespace FocusBot.Domain.Leases;

/// <summary>
/// Named leases that elect a single sender among several instances of the bot. Two contenders never both hold the
/// same lease; a holder that stops renewing loses it when it expires.
/// </summary>
public interface ILeaseStore
{
    /// <summary>Takes the lease when it is free, expired, or already held by <paramref name="holderId"/>; null otherwise.</summary>
    Task<Lease?> TryAcquireAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Extends a held lease by <paramref name="duration"/> from now; null when it was lost to someone else.</summary>
    Task<Lease?> RenewAsync(Lease lease, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up if it is still held; does nothing when it was already lost.</summary>
    Task ReleaseAsync(Lease lease, CancellationToken cancellationToken);
}
