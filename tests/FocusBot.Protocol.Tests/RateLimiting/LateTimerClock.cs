namespace FocusBot.Protocol.Tests.RateLimiting;

/// <summary>
/// A test clock whose timers fire late, the way timers do on a thread pool too busy to run them on time: only when the
/// test advances the clock, and then every timer that came due during the step fires at the step's end.
/// (FakeTimeProvider does the same; this clock keeps the tests independent of how a version of it fires timers.)
/// </summary>
internal sealed class LateTimerClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<LateTimer> _armed = [];
    private long _now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero).UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate)
            return _now;
    }

    public override DateTimeOffset GetUtcNow() => new(GetTimestamp(), TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new LateTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock on by <paramref name="step"/>, then fires every timer due by then, all at that instant.</summary>
    public void Advance(TimeSpan step)
    {
        lock (_gate)
            _now += step.Ticks;
        while (TakeDue() is { } timer)
            timer.Fire();
    }

    private LateTimer? TakeDue()
    {
        lock (_gate)
        {
            var due = _armed.Where(t => t.DueAt <= _now).OrderBy(t => t.DueAt).FirstOrDefault();
            if (due is not null)
                _armed.Remove(due);
            return due;
        }
    }

    private void Arm(LateTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            _armed.Remove(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.DueAt = _now + dueTime.Ticks;
                _armed.Add(timer);
            }
        }
    }

    private sealed class LateTimer(LateTimerClock clock, TimerCallback callback, object? state) : ITimer
    {
        public long DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // Task.Delay and the pacer only ever set one-shot timers.
            if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
                throw new NotSupportedException("Periodic timers are not simulated.");
            clock.Arm(this, dueTime);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Arm(this, Timeout.InfiniteTimeSpan);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
