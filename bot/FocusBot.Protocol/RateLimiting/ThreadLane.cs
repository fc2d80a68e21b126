namespace FocusBot.Protocol.RateLimiting;

/// <summary>
/// The calls of one operation on one thread (conversation, user or team), in the order they came, and when earlier
/// calls on it left. Teams' per-thread windows are checked against those real departures, plus a margin for a call
/// that reaches Teams a little later than it left.
/// </summary>
internal sealed class ThreadLane
{
    private readonly Queue<PacedWaiter> _waiting = new();
    private readonly IReadOnlyList<RateWindow> _windows;
    private readonly long[] _windowTicks;
    private readonly RecentDepartures _departures;

    public ThreadLane(IReadOnlyList<RateWindow> windows, TimeSpan margin, long frequency)
    {
        foreach (var window in windows)
            ArgumentOutOfRangeException.ThrowIfLessThan(window.Count, 1, nameof(windows));
        _windows = windows;
        _windowTicks = [.. windows.Select(w => Ticks(w.Period + margin, frequency))];
        _departures = new RecentDepartures(windows.Count == 0 ? 1 : windows.Max(w => w.Count));
        KeptFor = _windowTicks.Length == 0 ? 0 : _windowTicks.Max();
    }

    /// <summary>How long a departure can still hold back a later call: the longest window with its margin.</summary>
    public long KeptFor { get; }

    public int LiveWaiters { get; set; }

    /// <summary>Whether the lane has an entry in its tenant's ready queue (at most one at a time).</summary>
    public bool Queued { get; set; }

    public long? LastDeparture => _departures.Count == 0 ? null : _departures.Newest;

    public void Add(PacedWaiter waiter)
    {
        _waiting.Enqueue(waiter);
        LiveWaiters++;
    }

    /// <summary>The first waiter still waiting; cancelled ones ahead of it are dropped here.</summary>
    public PacedWaiter? FirstWaiting()
    {
        while (_waiting.TryPeek(out var waiter) && waiter.State != WaiterState.Waiting)
            _waiting.Dequeue();
        return _waiting.Count == 0 ? null : _waiting.Peek();
    }

    /// <summary>The earliest instant a call arriving at <paramref name="arrivedAt"/> may leave by every window.</summary>
    public long AllowedFrom(long arrivedAt)
    {
        var allowed = arrivedAt;
        for (var i = 0; i < _windows.Count; i++)
        {
            if (_departures.Count >= _windows[i].Count)
                allowed = Math.Max(allowed, _departures.FromNewest(_windows[i].Count) + _windowTicks[i]);
        }

        return allowed;
    }

    public PacedWaiter Release(long now)
    {
        var waiter = _waiting.Dequeue();
        LiveWaiters--;
        _departures.Add(now);
        return waiter;
    }

    public void Departed(long now) => _departures.Add(now);

    private static long Ticks(TimeSpan period, long frequency) => (long)(period.TotalSeconds * frequency);
}
