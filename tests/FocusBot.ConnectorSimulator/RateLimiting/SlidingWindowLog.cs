namespace FocusBot.ConnectorSimulator.RateLimiting;

/// <summary>
/// Times of the most recent admitted requests for one key, oldest first, kept in a ring that grows on demand up to
/// the largest limit. "Fewer than L requests in the last W" holds exactly when the L-th most recent request is at
/// least W old, so each window is checked in O(1) and no timestamp list is ever scanned.
/// </summary>
internal sealed class SlidingWindowLog(int capacity)
{
    private long[] _ticks = new long[Math.Min(capacity, 8)];
    private int _start;
    private int _count;

    /// <summary>Zero when a request at <paramref name="nowTicks"/> fits every window, else the ticks until it would.</summary>
    public long TicksUntilAdmitted(long nowTicks, IReadOnlyList<RateLimitWindow> windows)
    {
        long wait = 0;
        foreach (var window in windows)
        {
            if (window.Limit <= 0)
            {
                // A zero limit throttles everything; suggest retrying after one window.
                wait = Math.Max(wait, window.Window.Ticks);
                continue;
            }

            if (_count < window.Limit)
            {
                continue;
            }

            var limitingTicks = At(_count - window.Limit);
            wait = Math.Max(wait, limitingTicks + window.Window.Ticks - nowTicks);
        }

        return wait;
    }

    public void Add(long nowTicks)
    {
        if (_count == _ticks.Length && _count < capacity)
        {
            Grow();
        }

        if (_count == _ticks.Length)
        {
            // Full at the largest limit: the oldest entry can no longer decide any window.
            _ticks[_start] = nowTicks;
            _start = (_start + 1) % _ticks.Length;
            return;
        }

        _ticks[(_start + _count) % _ticks.Length] = nowTicks;
        _count++;
    }

    private long At(int indexFromOldest) => _ticks[(_start + indexFromOldest) % _ticks.Length];

    private void Grow()
    {
        var grown = new long[Math.Min(capacity, _ticks.Length * 2)];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = At(i);
        }

        _ticks = grown;
        _start = 0;
    }
}
