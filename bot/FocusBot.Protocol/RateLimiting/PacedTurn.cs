namespace FocusBot.Protocol.RateLimiting;

/// <summary>
/// A call's turn from <see cref="TeamsRateLimiter"/>. The limiter counts the call in its tenant's second from
/// <see cref="Leave"/>, called right before the request is written, not from the turn: what a caller does in between
/// (a delivery ledger marking the message in flight in a store, a token fetch) takes as long as it takes, and requests
/// let go a slot apart must not reach Teams bunched because the first of them waited longest on a busy store. Until it
/// leaves, the call counts as leaving any moment. Disposing leaves if the caller has not.
/// </summary>
public sealed class PacedTurn : IDisposable
{
    private readonly TenantPacer _pacer;
    private TeamsRateLimiter? _limiter;

    internal PacedTurn(TeamsRateLimiter limiter, TenantPacer pacer)
    {
        _limiter = limiter;
        _pacer = pacer;
    }

    /// <summary>The request leaves now. Only the first call counts.</summary>
    public void Leave() => Interlocked.Exchange(ref _limiter, null)?.Leave(_pacer);

    public void Dispose() => Leave();
}
