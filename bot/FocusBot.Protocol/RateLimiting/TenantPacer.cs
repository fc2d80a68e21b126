using FocusBot.Protocol.Connector;

namespace FocusBot.Protocol.RateLimiting;

/// <summary>
/// Decides when each waiting call of one tenant may leave: one at a time, a slot of 1/(rate × headroom) apart, the
/// earliest allowed first, never against its thread's windows. It only decides; a driver (<see cref="PacingThread"/>,
/// <see cref="PacingTimer"/>) asks it at the right instants and lets the released caller go. Every member is called
/// under the limiter's lock.
/// </summary>
internal sealed class TenantPacer
{
    public const long Never = long.MaxValue;
    private const int MadeUpSlots = 4;

    private readonly TeamsRateLimitOptions _options;
    private readonly long _frequency;
    private readonly long _slot;
    private readonly long _closest;
    private readonly long _guardWindow;
    private readonly Dictionary<string, ThreadLane> _lanes = new(StringComparer.Ordinal);
    private readonly PriorityQueue<ThreadLane, (long AllowedFrom, long Sequence)> _ready = new();
    private readonly RecentDepartures _departed = new(int.MaxValue);
    private int _leaving;
    private long _sequence;
    private long _nextOnSchedule = long.MinValue;
    private long _notBefore = long.MinValue;

    public TenantPacer(TeamsRateLimitOptions options, long frequency)
    {
        _options = options;
        _frequency = frequency;
        _slot = (long)Math.Ceiling(frequency / (options.GlobalRequestsPerSecond * options.GlobalHeadroom));
        // A driver that woke late releases the next callers on their own schedule again, but never closer than half a
        // slot: catching up quickly without sending a bunch.
        _closest = _slot / 2;
        _guardWindow = (long)((1 + GuardMargin(options.GlobalHeadroom)) * frequency);
    }

    /// <summary>Callers waiting for their turn.</summary>
    public int Waiting { get; private set; }

    /// <summary>What releases this tenant's waiters while there are any; null when nobody waits.</summary>
    public IPacingDriver? Driver { get; set; }

    /// <summary>
    /// True when the last decision found the guard's window filled by callers released whose requests have not left yet:
    /// only one of them leaving (<see cref="Left"/>) can let the next one go.
    /// </summary>
    public bool WaitsForLeaving { get; private set; }

    /// <summary>
    /// The guard counts departures in a window a little longer than Teams' second, so that a request that reaches
    /// Teams later than the one before it still finds the window as we counted it. The margin is two thirds of what the
    /// headroom buys (at 0.97, 50 slots span 1,031 ms: 21 ms); the last third is left for a released caller whose request
    /// leaves a little late, so that such callers do not make the guard hold the next one back. A 429 costs a
    /// person a second; a guard that holds costs everyone a little, so the margin gets the larger share.
    /// </summary>
    public static double GuardMargin(double headroom) => Math.Max(0, ((1 / headroom) - 1) * 2 / 3);

    /// <summary>
    /// Gives a call its turn at once when nobody waits and every limit allows it; the caller then never waits, and counts
    /// as leaving until it says it has (<see cref="Left"/>).
    /// </summary>
    public bool TryDepartNow(ConnectorOperation operation, string threadKey, long now)
    {
        if (Waiting > 0)
            return false;
        var lane = LaneFor(operation, threadKey);
        if (lane.AllowedFrom(now) > now || Math.Max(_nextOnSchedule, _notBefore) > now || GuardAllowsFrom(now) > now)
            return false;
        lane.Departed(now);
        _leaving++;
        Schedule(due: now, now);
        return true;
    }

    public PacedWaiter Enqueue(ConnectorOperation operation, string threadKey, long now, bool continueInline)
    {
        var lane = LaneFor(operation, threadKey);
        var waiter = new PacedWaiter(lane, ++_sequence, now, continueInline);
        lane.Add(waiter);
        Waiting++;
        if (!lane.Queued)
        {
            _ready.Enqueue(lane, (lane.AllowedFrom(now), waiter.Sequence));
            lane.Queued = true;
        }

        return waiter;
    }

    /// <summary>
    /// Releases the next waiter if its instant has come, and says when to ask again (<see cref="Never"/>: when something
    /// changes, a new waiter or a released caller's request leaving).
    /// </summary>
    public long ReleaseDue(long now, out PacedWaiter? released)
    {
        released = null;
        var due = NextDue(now, out var lane);
        if (due == Never || Math.Max(due, _notBefore) > now)
            return At(due);

        _ready.Dequeue();
        released = lane!.Release(now);
        released.State = WaiterState.Released;
        Waiting--;
        _leaving++;
        if (lane.FirstWaiting() is { } next)
            _ready.Enqueue(lane, (lane.AllowedFrom(next.ArrivedAt), next.Sequence));
        else
            lane.Queued = false;
        Schedule(due, now);
        return NextReleaseAt(now);
    }

    /// <summary>When the next waiter may go, without letting anyone go (<see cref="Never"/> as for <see cref="ReleaseDue"/>).</summary>
    public long NextReleaseAt(long now) => At(NextDue(now, out _));

    /// <summary>
    /// A caller that had its turn is writing its request now: that is what reaches Teams, so that is what the guard
    /// counts, however long the caller took between its turn and its request.
    /// </summary>
    public void Left(long now)
    {
        _leaving--;
        _departed.Add(now);
    }

    /// <summary>Takes a waiter out; false when it was released first (the caller then leaves as usual).</summary>
    public bool Cancel(PacedWaiter waiter)
    {
        if (waiter.State != WaiterState.Waiting)
            return false;
        waiter.State = WaiterState.Cancelled;
        waiter.Lane.LiveWaiters--;
        Waiting--;
        return true;
    }

    /// <summary>Forgets threads whose departures no longer hold anything back; true when nothing is left at all.</summary>
    public bool SweepIdle(long now)
    {
        foreach (var (key, lane) in _lanes)
        {
            if (lane.LiveWaiters == 0 && (lane.LastDeparture is not { } last || now - last > lane.KeptFor))
                _lanes.Remove(key);
        }

        return _lanes.Count == 0 && Waiting == 0 && _leaving == 0 && Driver is null;
    }

    // The next release is due a slot after this one was due, not after it happened: on a busy machine the thread wakes
    // a few milliseconds late now and then, and that must not push the whole schedule back (2,000-message runs of the
    // proactive bench at load averages of 34-47: elapsed/ideal 1.052 and 1.056 making up one slot, 1.037 and 1.039
    // making up four). At most four slots are made up, so a long stall is not followed by a long run of releases half a
    // slot apart.
    private void Schedule(long due, long now)
    {
        _nextOnSchedule = Math.Max(due, now - (MadeUpSlots * _slot)) + _slot;
        _notBefore = now + _closest;
    }

    private long At(long due) => due == Never ? Never : Math.Max(due, _notBefore);

    private long NextDue(long now, out ThreadLane? lane)
    {
        WaitsForLeaving = false;
        while (_ready.TryPeek(out lane, out var key))
        {
            var first = lane.FirstWaiting();
            if (first is null)
            {
                _ready.Dequeue();
                lane.Queued = false;
                continue;
            }

            // A key goes stale when the waiter it was made for gave up; the next one can only be allowed later.
            var allowedFrom = lane.AllowedFrom(first.ArrivedAt);
            if (key != (allowedFrom, first.Sequence))
            {
                _ready.DequeueEnqueue(lane, (allowedFrom, first.Sequence));
                continue;
            }

            var guard = GuardAllowsFrom(now);
            WaitsForLeaving = guard == Never;
            return guard == Never ? Never : Math.Max(Math.Max(allowedFrom, _nextOnSchedule), guard);
        }

        return Never;
    }

    /// <summary>
    /// The guard on real departures: however late callers' requests leave, no window of <see cref="_guardWindow"/> holds
    /// more than the limit. Callers that had their turn but whose requests have not left count as leaving now, since they
    /// may leave any moment.
    /// </summary>
    private long GuardAllowsFrom(long now)
    {
        _departed.ForgetUpTo(now - _guardWindow);
        var mustLeave = _departed.Count + _leaving - _options.GlobalRequestsPerSecond + 1;
        if (mustLeave <= 0)
            return long.MinValue;
        if (mustLeave > _departed.Count)
            return Never;
        return _departed.FromOldest(mustLeave - 1) + _guardWindow;
    }

    private ThreadLane LaneFor(ConnectorOperation operation, string threadKey)
    {
        var key = $"{(int)operation}|{threadKey}";
        if (!_lanes.TryGetValue(key, out var lane))
            _lanes[key] = lane = new ThreadLane(_options.WindowsFor(operation), _options.WindowMargin, _frequency);
        return lane;
    }
}
