namespace FocusBot.Domain.Aggregates;

public interface IAggregateStore
{
    /// <summary>
    /// Adds the deltas to their cells (creating missing cells at zero). Deltas for the same cell are summed first.
    /// SQLite applies the whole list atomically; Azure Tables applies each partition's chunk of up to 100 cells atomically.
    /// </summary>
    Task ApplyDeltasAsync(IReadOnlyList<AggregateDelta> deltas, CancellationToken cancellationToken);

    /// <summary>Cells of one slice whose period lies between <paramref name="fromPeriod"/> and <paramref name="toPeriod"/> inclusive (ordinal text order).</summary>
    Task<IReadOnlyList<AggregateCell>> ListAsync(string tenantId, string slice, string fromPeriod, string toPeriod, CancellationToken cancellationToken);

    /// <summary>
    /// Cells of several slices, periods as in <see cref="ListAsync"/>, in as few reads as the store can: a report of
    /// every team asks once rather than once per team.
    /// </summary>
    Task<IReadOnlyList<AggregateCell>> ListSlicesAsync(string tenantId, IReadOnlyCollection<string> slices, string fromPeriod, string toPeriod, CancellationToken cancellationToken);

    /// <summary>Removes every cell of the tenant, before a rebuild from the answers.</summary>
    Task ClearAsync(string tenantId, CancellationToken cancellationToken);
}
