namespace FocusBot.Domain.Storage;

/// <summary>
/// Thrown when an update carries an ETag that no longer matches the stored entity: someone else changed or removed it
/// first. Read the entity again and decide whether the change still applies.
/// </summary>
public sealed class ConcurrencyException : Exception
{
    public ConcurrencyException()
    {
    }

    public ConcurrencyException(string message)
        : base(message)
    {
    }

    public ConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
