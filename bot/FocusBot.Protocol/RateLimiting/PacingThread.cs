namespace FocusBot.Protocol.RateLimiting;

/// <summary>
/// A thread of its own that releases one tenant's waiters at their instants: it sleeps until about a millisecond
/// before the next one, then spins to it. A timer per call fires late when the thread pool is busy and lets calls go
/// together; this thread does not wait for the pool, and the pacer never lets two calls go closer than half a slot
/// even when the thread itself wakes late. Released callers continue on the thread pool, never here, so no caller's
/// code can hold up the next release. The thread ends after a second with nobody waiting.
/// </summary>
internal sealed class PacingThread : IPacingDriver
{
    private static readonly TimeSpan SpinFor = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan EndAfterIdle = TimeSpan.FromSeconds(1);
    // Decides again at least this often, so that nothing depends on a wake-up arriving.
    private static readonly TimeSpan LongestNap = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate;
    private readonly TenantPacer _pacer;
    private readonly TimeProvider _clock;
    private readonly Action<Exception?> _ended;
    private readonly object _signal = new();
    private bool _woken;

    private PacingThread(Lock gate, TenantPacer pacer, TimeProvider clock, Action<Exception?> ended)
    {
        _gate = gate;
        _pacer = pacer;
        _clock = clock;
        _ended = ended;
    }

    /// <param name="ended">
    /// Called on the thread as it ends, after it has detached itself from the pacer: with null when nobody was waiting,
    /// with the exception if it failed (the next call for the tenant then starts a new thread, which lets the waiting go).
    /// </param>
    public static PacingThread Start(Lock gate, TenantPacer pacer, TimeProvider clock, Action<Exception?> ended)
    {
        var driver = new PacingThread(gate, pacer, clock, ended);
        new Thread(driver.Run) { IsBackground = true, Name = "FocusBot pacing" }.Start();
        return driver;
    }

    public void Wake()
    {
        lock (_signal)
        {
            _woken = true;
            Monitor.Pulse(_signal);
        }
    }

    // An exception escaping a thread of our own would end the process: report it and step aside instead.
    private void Run()
    {
        try
        {
            ReleaseUntilIdle();
            _ended(null);
        }
        catch (Exception exception)
        {
            lock (_gate)
            {
                if (_pacer.Driver == this)
                    _pacer.Driver = null;
            }

            _ended(exception);
        }
    }

    private void ReleaseUntilIdle()
    {
        long? idleSince = null;
        while (true)
        {
            long now, next;
            PacedWaiter? released;
            lock (_gate)
            {
                now = _clock.GetTimestamp();
                next = _pacer.ReleaseDue(now, out released);
                if (released is null && _pacer.Waiting == 0)
                {
                    idleSince ??= now;
                    if (_clock.GetElapsedTime(idleSince.Value, now) >= EndAfterIdle)
                    {
                        _pacer.Driver = null;
                        break;
                    }
                }
                else
                {
                    idleSince = null;
                }
            }

            released?.Go();
            WaitFor(next);
        }
    }

    private void WaitFor(long next)
    {
        var remaining = next == TenantPacer.Never ? LongestNap : _clock.GetElapsedTime(_clock.GetTimestamp(), next);
        var nap = (int)Math.Min((remaining - SpinFor).TotalMilliseconds, LongestNap.TotalMilliseconds);
        if (nap >= 1)
            Nap(nap);
        else
            SpinUntil(next);
    }

    private void Nap(int milliseconds)
    {
        lock (_signal)
        {
            if (!_woken)
                Monitor.Wait(_signal, milliseconds);
            _woken = false;
        }
    }

    // The last millisecond: a sleeping thread wakes up to a millisecond late, a spinning one on time.
    private void SpinUntil(long next)
    {
        while (_clock.GetTimestamp() < next)
            Thread.SpinWait(20);
    }
}
