using Azure;
using FocusBot.Domain.Leases;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Leases: partition = lease name, one row. Taking a free lease is an insert (409 for the loser); taking an expired
/// one, or renewing, is a replace with the ETag that was read (412 for the loser): two contenders never both win.
/// </summary>
internal sealed class AzureLeaseStore(FocusTableClient client, AzureTableNames tables, TimeProvider timeProvider) : ILeaseStore
{
    private const string Row = "lease";

    public async Task<Lease?> TryAcquireAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holderId);
        var now = timeProvider.GetUtcNow();
        var expiresAt = now + duration;
        var entity = ToEntity(name, holderId, expiresAt);
        var current = await client.GetAsync(tables.Leases, TableKeys.Encode(name), Row, cancellationToken);
        if (current is null)
        {
            var etag = await client.TryInsertAsync(tables.Leases, entity, cancellationToken);
            return etag is null ? null : new Lease(name, holderId, expiresAt, etag);
        }

        var expired = current.GetRequiredDateTime(nameof(Lease.ExpiresAt)) <= now;
        if (!expired && !string.Equals(current.GetString(nameof(Lease.HolderId)), holderId, StringComparison.Ordinal))
        {
            return null;
        }

        return await TryReplaceAsync(entity, current.ETag!, cancellationToken) is { } newTag ? new Lease(name, holderId, expiresAt, newTag) : null;
    }

    public async Task<Lease?> RenewAsync(Lease lease, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var expiresAt = timeProvider.GetUtcNow() + duration;
        var etag = await TryReplaceAsync(ToEntity(lease.Name, lease.HolderId, expiresAt), lease.ETag, cancellationToken);
        return etag is null ? null : lease with { ExpiresAt = expiresAt, ETag = etag };
    }

    public Task ReleaseAsync(Lease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return client.TryDeleteAsync(tables.Leases, TableKeys.Encode(lease.Name), Row, cancellationToken, lease.ETag);
    }

    private async Task<string?> TryReplaceAsync(TableRow entity, string etag, CancellationToken cancellationToken)
    {
        try
        {
            return await client.ExecuteAsync(tables.Leases, TableOperation.Replace(entity, etag), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed || exception.IsNotFound)
        {
            return null;
        }
    }

    private static TableRow ToEntity(string name, string holderId, DateTimeOffset expiresAt) => new(TableKeys.Encode(name), Row)
    {
        [nameof(Lease.Name)] = name,
        [nameof(Lease.HolderId)] = holderId,
        [nameof(Lease.ExpiresAt)] = expiresAt,
    };
}
