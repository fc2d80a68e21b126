namespace FocusBot.Domain.Deliveries;

/// <summary>The delivery ledgers: one row per recipient of each pulse, insight and recognition, keyed by ledger id (<see cref="LedgerIds"/>).</summary>
public interface IDeliveryStore
{
    /// <summary>Stores the deliveries that do not exist yet and leaves existing ones untouched. Returns how many were new.</summary>
    Task<int> CreateIfMissingAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    Task<Delivery?> GetAsync(string ledgerId, string recipientKey, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a changed delivery if it is still at the version its <see cref="Delivery.ETag"/> names, and returns it with
    /// the new ETag; throws <see cref="Storage.ConcurrencyException"/> when another sender got there first.
    /// </summary>
    Task<Delivery> UpdateAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>Deliveries of a ledger, optionally only those in one status; streamed, in no particular order.</summary>
    IAsyncEnumerable<Delivery> ListAsync(string ledgerId, DeliveryStatus? status, CancellationToken cancellationToken);

    /// <summary>How many deliveries of the ledger are in each status (statuses with none are left out).</summary>
    Task<IReadOnlyDictionary<DeliveryStatus, int>> CountByStatusAsync(string ledgerId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every delivery of the ledger, a bounded batch at a time, and returns how many went. Running it again
    /// finishes a deletion cut short. For ledgers nothing is sent from any more (a pulse past retention).
    /// </summary>
    Task<int> DeleteLedgerAsync(string ledgerId, CancellationToken cancellationToken);
}
