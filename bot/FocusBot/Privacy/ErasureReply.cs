namespace FocusBot.Privacy;

/// <summary>
/// How long the Erase button waits for the erasure before answering "in progress": Teams gives a card action about
/// five seconds, and a large tenant's erasure on Azure can take longer. The outcome then follows as a message.
/// </summary>
public sealed class ErasureReply
{
    public TimeSpan Within { get; init; } = TimeSpan.FromSeconds(3);
}
