namespace FocusBot.Domain.Pulses;

/// <summary>The per-recipient delivery ledger of each pulse. Deliveries belong to a pulse stored in <see cref="IPulseStore"/>.</summary>
public interface IDeliveryStore
{
    /// <summary>Stores the deliveries that do not exist yet and leaves existing ones untouched. Returns how many were new.</summary>
    Task<int> CreateIfMissingAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    Task<Delivery?> GetAsync(string pulseId, string recipientKey, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a changed delivery if it is still at the version its <see cref="Delivery.ETag"/> names, and returns it with
    /// the new ETag; throws <see cref="Storage.ConcurrencyException"/> when another sender got there first.
    /// </summary>
    Task<Delivery> UpdateAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>Deliveries of a pulse, optionally only those in one status; streamed, in no particular order.</summary>
    IAsyncEnumerable<Delivery> ListAsync(string pulseId, DeliveryStatus? status, CancellationToken cancellationToken);

    /// <summary>How many deliveries of the pulse are in each status (statuses with none are left out).</summary>
    Task<IReadOnlyDictionary<DeliveryStatus, int>> CountByStatusAsync(string pulseId, CancellationToken cancellationToken);
}
