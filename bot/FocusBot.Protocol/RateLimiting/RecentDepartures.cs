namespace FocusBot.Protocol.RateLimiting;

/// <summary>
/// Departure timestamps, oldest first, in a ring that grows on demand up to <paramref name="maxKept"/>; when full, a new
/// departure pushes out the oldest. "Fewer than N departures in the last W" holds exactly when the N-th newest is older
/// than W, so every window is checked by one index instead of a scan.
/// </summary>
internal sealed class RecentDepartures(int maxKept)
{
    private long[] _times = new long[Math.Clamp(maxKept, 1, 8)];
    private int _start;

    public int Count { get; private set; }

    public long Newest => FromOldest(Count - 1);

    /// <summary>The departure <paramref name="index"/> places after the oldest kept.</summary>
    public long FromOldest(int index) => _times[(_start + index) % _times.Length];

    /// <summary>The <paramref name="place"/>-th newest departure (1 is the newest).</summary>
    public long FromNewest(int place) => FromOldest(Count - place);

    public void Add(long time)
    {
        if (Count == _times.Length && Count < maxKept)
            Grow();
        if (Count == _times.Length)
        {
            _times[_start] = time;
            _start = (_start + 1) % _times.Length;
            return;
        }

        _times[(_start + Count) % _times.Length] = time;
        Count++;
    }

    /// <summary>Forgets departures at or before <paramref name="time"/>.</summary>
    public void ForgetUpTo(long time)
    {
        while (Count > 0 && _times[_start] <= time)
        {
            _start = (_start + 1) % _times.Length;
            Count--;
        }
    }

    private void Grow()
    {
        var grown = new long[Math.Min(maxKept, _times.Length * 2)];
        for (var i = 0; i < Count; i++)
            grown[i] = FromOldest(i);
        _times = grown;
        _start = 0;
    }
}
