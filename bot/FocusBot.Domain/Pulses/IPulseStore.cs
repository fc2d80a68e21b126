namespace FocusBot.Domain.Pulses;

public interface IPulseStore
{
    /// <summary>Stores a new pulse and returns it with its ETag, or null when a pulse with that id already exists.</summary>
    Task<Pulse?> CreateAsync(Pulse pulse, CancellationToken cancellationToken);

    Task<Pulse?> GetAsync(string pulseId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a changed pulse if it is still at the version its <see cref="Pulse.ETag"/> names, and returns it with the
    /// new ETag; throws <see cref="Storage.ConcurrencyException"/> when it changed or was removed meanwhile.
    /// </summary>
    Task<Pulse> UpdateAsync(Pulse pulse, CancellationToken cancellationToken);

    /// <summary>The latest <paramref name="count"/> pulses, newest (by <see cref="Pulse.OpensAt"/>) first.</summary>
    Task<IReadOnlyList<Pulse>> ListRecentAsync(int count, CancellationToken cancellationToken);

    /// <summary>Every pulse not yet closed (Scheduled, Sending or Open): what the scheduler must carry on with after a restart.</summary>
    Task<IReadOnlyList<Pulse>> ListActiveAsync(CancellationToken cancellationToken);
}
