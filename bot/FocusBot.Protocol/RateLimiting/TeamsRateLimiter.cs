using FocusBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace FocusBot.Protocol.RateLimiting;

/// <summary>
/// Keeps outbound Connector traffic inside Teams' limits by reserving a departure time for each call before it is made:
/// per thread sliding windows (7/1 s, 8/2 s, 60/30 s, 1800/h for sends) and a global per-tenant rate. Reserving instead of
/// counting after the fact means a fan-out of thousands of messages is paced, never bursts into a 429 storm.
/// </summary>
public sealed class TeamsRateLimiter(IOptions<TeamsRateLimitOptions> options, TimeProvider timeProvider)
{
    private readonly TeamsRateLimitOptions _options = options.Value;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<long>> _threads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TenantSchedule> _tenants = new(StringComparer.Ordinal);
    private long _lastSweep;

    /// <summary>Waits until a call of <paramref name="operation"/> on <paramref name="threadKey"/> may leave.</summary>
    public async ValueTask AcquireAsync(string tenantId, ConnectorOperation operation, string threadKey, CancellationToken cancellationToken)
    {
        var delay = Reserve(tenantId, operation, threadKey);
        do
        {
            if (delay > TimeSpan.Zero)
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            delay = ConfirmDeparture(tenantId);
        }
        while (delay > TimeSpan.Zero);
    }

    /// <summary>
    /// A timer can fire late (a busy thread pool) and bunch calls that were scheduled apart; checking the departures that
    /// really happened in the last second keeps the tenant under its limit even then.
    /// </summary>
    internal TimeSpan ConfirmDeparture(string tenantId)
    {
        var now = timeProvider.GetTimestamp();
        var window = ToTicks(TimeSpan.FromSeconds(1) + _options.WindowMargin, timeProvider.TimestampFrequency);
        lock (_gate)
        {
            var departed = _tenants[tenantId].Departed;
            while (departed.Count > 0 && departed.Peek() <= now - window)
                departed.Dequeue();
            if (departed.Count >= _options.GlobalRequestsPerSecond)
                return timeProvider.GetElapsedTime(now, departed.Peek() + window);
            departed.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>Reserves the earliest departure allowed by every limit and returns how long to wait for it.</summary>
    internal TimeSpan Reserve(string tenantId, ConnectorOperation operation, string threadKey)
    {
        var windows = _options.WindowsFor(operation);
        var now = timeProvider.GetTimestamp();
        var frequency = timeProvider.TimestampFrequency;
        lock (_gate)
        {
            SweepIdle(now, frequency);
            var key = $"{(int)operation}|{threadKey}";
            if (!_threads.TryGetValue(key, out var departures))
                _threads[key] = departures = new Queue<long>();

            var earliest = now;
            if (departures.Count > 0)
                earliest = Math.Max(earliest, LastOf(departures));
            var history = departures.ToArray();
            foreach (var window in windows)
            {
                // The new call may leave once the window holds fewer than Count earlier departures.
                if (history.Length >= window.Count)
                    earliest = Math.Max(earliest, history[^window.Count] + ToTicks(window.Period + _options.WindowMargin, frequency));
            }

            if (!_tenants.TryGetValue(tenantId, out var tenant))
                _tenants[tenantId] = tenant = new TenantSchedule();
            var departure = tenant.Reserve(now, earliest, SlotLength(frequency));

            departures.Enqueue(departure);
            var longest = windows.Max(w => w.Count);
            while (departures.Count > longest)
                departures.Dequeue();

            return timeProvider.GetElapsedTime(now, departure);
        }
    }

    private long SlotLength(long frequency) =>
        (long)Math.Ceiling(frequency / (_options.GlobalRequestsPerSecond * _options.GlobalHeadroom));

    private static long ToTicks(TimeSpan period, long frequency) => (long)(period.TotalSeconds * frequency);

    private static long LastOf(Queue<long> queue)
    {
        long last = 0;
        foreach (var item in queue)
            last = item;
        return last;
    }

    // Threads that have been quiet for longer than the longest window no longer constrain anything.
    private void SweepIdle(long now, long frequency)
    {
        var hour = ToTicks(TimeSpan.FromHours(1), frequency);
        if (now - _lastSweep < ToTicks(TimeSpan.FromMinutes(1), frequency))
            return;
        _lastSweep = now;
        foreach (var (key, departures) in _threads.ToArray())
        {
            if (departures.Count == 0 || now - LastOf(departures) > hour)
                _threads.Remove(key);
        }
    }

    /// <summary>
    /// The tenant-wide schedule: one departure per slot of 1/rate seconds, so any one-second window holds at most
    /// rate departures. Slots are handed out in order of the earliest time each call may leave.
    /// </summary>
    private sealed class TenantSchedule
    {
        private readonly HashSet<long> _taken = [];
        private long _lowestKept;

        /// <summary>When calls actually left, for the last second.</summary>
        public Queue<long> Departed { get; } = new();

        public long Reserve(long now, long earliest, long slotLength)
        {
            var slot = (earliest + slotLength - 1) / slotLength;
            while (_taken.Contains(slot))
                slot++;
            _taken.Add(slot);
            Forget((now / slotLength) - 1);
            return slot * slotLength;
        }

        private void Forget(long beforeSlot)
        {
            if (beforeSlot - _lowestKept < 1024)
                return;
            _taken.RemoveWhere(s => s < beforeSlot);
            _lowestKept = beforeSlot;
        }
    }
}
