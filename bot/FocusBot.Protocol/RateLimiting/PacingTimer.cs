namespace FocusBot.Protocol.RateLimiting;

/// <summary>
/// Releases one tenant's waiters with a chain of one timer on the injected clock: what drives the pacer when that clock
/// is not the system's (a test's fake clock), since a thread can only sleep on real time. Released callers continue
/// right here (on the timer's callback, or on the caller that woke it), which keeps a fake clock's steps deterministic.
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
        PacedWaiter? released;
        lock (_gate)
        {
            if (_ended)
                return;
            var now = _clock.GetTimestamp();
            var next = _pacer.ReleaseDue(now, out released);
            // A new timer each time: a fake clock disarms a one-shot timer after its callback, even one re-armed in it.
            _timer?.Dispose();
            _timer = null;
            if (_pacer.Waiting == 0)
            {
                _pacer.Driver = null;
                _ended = true;
            }
            else if (next != TenantPacer.Never)
            {
                _timer = _clock.CreateTimer(static state => ((PacingTimer)state!).Wake(), this, DelayUntil(next, now), Timeout.InfiniteTimeSpan);
            }
        }

        released?.Go();
    }

    // Timers count whole milliseconds (and a fake clock fires a zero delay at once, inside this lock): round up.
    private TimeSpan DelayUntil(long next, long now)
    {
        var milliseconds = Math.Ceiling((next - now) * 1000.0 / _clock.TimestampFrequency);
        return TimeSpan.FromMilliseconds(Math.Max(1, milliseconds));
    }
}
