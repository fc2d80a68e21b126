namespace FocusBot.Domain.Storage;

/// <summary>
/// Thrown when the storage backend cannot be reached or written (locked file, unwritable directory, outage after the
/// bounded retries). The message is one sentence naming the location and the cause, fit to print to an operator.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
