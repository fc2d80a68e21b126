namespace FocusBot.Protocol.RateLimiting;

/// <summary>Asks a <see cref="TenantPacer"/> to release its waiters at the instants it names.</summary>
internal interface IPacingDriver
{
    /// <summary>Something changed (a new waiter, one gave up, a released caller's request left): decide again now.</summary>
    void Wake();
}
