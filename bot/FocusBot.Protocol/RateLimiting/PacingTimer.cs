namespace FocusBot.Protocol.RateLimiting;

/// <summary>
/// Releases one tenant's waiters with a chain of one timer on the injected clock: what drives the pacer when that clock
/// is not the system's (a test's fake clock, or a host test's shifted one), since a thread can only sleep on real time.
/// Waiters are let go only from the timer's callback, and continue right there: with a fake clock that is the test's
/// own step, which keeps the steps deterministic; never on a caller that merely woke the driver, since that caller may
/// be holding locks of its own.
/// </summary>
internal sealed class PacingTimer : IPacingDriver
{
    private readonly Lock _gate;
    private readonly TenantPacer _pacer;
    private readonly TimeProvider _clock;
    private ITimer? _timer;
    private bool _ended;

    public PacingTimer(Lock gate, TenantPacer pacer, TimeProvider clock)
    {
        _gate = gate;
        _pacer = pacer;
        _clock = clock;
    }

    public void Wake()
    {
        lock (_gate)
        {
            if (!_ended)
            {
                var now = _clock.GetTimestamp();
                Arm(_pacer.NextReleaseAt(now), now);
            }
        }
    }

    private void OnTimer()
    {
        PacedWaiter? released;
        lock (_gate)
        {
            if (_ended)
                return;
            var now = _clock.GetTimestamp();
            Arm(_pacer.ReleaseDue(now, out released), now);
        }

        released?.Go();
    }

    // A new timer each time: a fake clock disarms a one-shot timer after its callback, even one re-armed in it.
    private void Arm(long next, long now)
    {
        _timer?.Dispose();
        _timer = null;
        if (_pacer.Waiting == 0)
        {
            _pacer.Driver = null;
            _ended = true;
        }
        else if (next != TenantPacer.Never)
        {
            _timer = _clock.CreateTimer(static state => ((PacingTimer)state!).OnTimer(), this, DelayUntil(next, now), Timeout.InfiniteTimeSpan);
        }
    }

    // Timers count whole milliseconds, and a fake clock fires a zero delay at once, inside this lock: round up.
    private TimeSpan DelayUntil(long next, long now)
    {
        var milliseconds = Math.Ceiling((next - now) * 1000.0 / _clock.TimestampFrequency);
        return TimeSpan.FromMilliseconds(Math.Max(1, milliseconds));
    }
}
