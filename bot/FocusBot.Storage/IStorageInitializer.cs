using FocusBot.Domain.Storage;

namespace FocusBot.Storage;

/// <summary>
/// Prepares the configured backend before the bot serves traffic: SQLite creates its file and applies migrations,
/// Azure Tables creates its tables. Throws <see cref="StorageUnavailableException"/> with a one-sentence
/// message the host can print as it is.
/// </summary>
public interface IStorageInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
