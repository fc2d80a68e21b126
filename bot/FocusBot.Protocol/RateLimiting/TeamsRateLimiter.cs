using FocusBot.Protocol.Connector;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FocusBot.Protocol.RateLimiting;

/// <summary>
/// Keeps outbound Connector traffic inside Teams' limits: per thread sliding windows (7/1 s, 8/2 s, 60/30 s, 1800/h for
/// sends) and a global per-tenant rate. Calls that cannot leave at once wait in their tenant's queue, and one driver per
/// tenant lets them go one at a time, evenly spaced, so a fan-out of thousands of messages arrives at Teams as a steady
/// stream instead of bunches that draw 429s.
/// </summary>
public sealed partial class TeamsRateLimiter
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly TeamsRateLimitOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly bool _onSystemClock;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TenantPacer> _tenants = new(StringComparer.Ordinal);
    private long _lastSweep;
    private int _pacingThreads;

    public TeamsRateLimiter(IOptions<TeamsRateLimitOptions> options, TimeProvider timeProvider, ILogger<TeamsRateLimiter>? logger = null)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<TeamsRateLimiter>.Instance;
        _onSystemClock = ReferenceEquals(timeProvider, TimeProvider.System);
        _lastSweep = timeProvider.GetTimestamp();
    }

    /// <summary>Pacing threads running now (each ends a second after its tenant has nobody waiting).</summary>
    internal int PacingThreads => Volatile.Read(ref _pacingThreads);

    /// <summary>Tenants whose pacing state is kept (forgotten an hour after their last call).</summary>
    internal int TenantsKept
    {
        get
        {
            lock (_gate)
                return _tenants.Count;
        }
    }

    /// <summary>
    /// Waits until a call of <paramref name="operation"/> on <paramref name="threadKey"/> may leave. The turn counts as
    /// leaving any moment until the caller calls <see cref="PacedTurn.Leave"/> (or disposes it) right before writing its
    /// request.
    /// </summary>
    public ValueTask<PacedTurn> AcquireAsync(string tenantId, ConnectorOperation operation, string threadKey, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return ValueTask.FromCanceled<PacedTurn>(cancellationToken);

        TenantPacer pacer;
        PacedWaiter waiter;
        IPacingDriver driver;
        lock (_gate)
        {
            var now = _timeProvider.GetTimestamp();
            SweepIdle(now);
            if (!_tenants.TryGetValue(tenantId, out pacer!))
                _tenants[tenantId] = pacer = new TenantPacer(_options, _timeProvider.TimestampFrequency);
            if (pacer.TryDepartNow(operation, threadKey, now))
                return ValueTask.FromResult(new PacedTurn(this, pacer));
            waiter = pacer.Enqueue(operation, threadKey, now, continueInline: !_onSystemClock);
            driver = pacer.Driver ??= StartDriver(tenantId, pacer);
        }

        driver.Wake();
        return WaitForTurnAsync(pacer, waiter, cancellationToken);
    }

    /// <summary>A turn's request is being written: from now it counts in the tenant's second (see <see cref="PacedTurn"/>).</summary>
    internal void Leave(TenantPacer pacer)
    {
        IPacingDriver? blocked;
        lock (_gate)
        {
            pacer.Left(_timeProvider.GetTimestamp());
            blocked = pacer.WaitsForLeaving ? pacer.Driver : null;
        }

        blocked?.Wake();
    }

    private async ValueTask<PacedTurn> WaitForTurnAsync(TenantPacer pacer, PacedWaiter waiter, CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(() => GiveUp(pacer, waiter, cancellationToken)))
            await waiter.Turn.ConfigureAwait(false);
        return new PacedTurn(this, pacer);
    }

    // A cancelled waiter leaves the queue without taking a slot; the next one takes its place.
    private void GiveUp(TenantPacer pacer, PacedWaiter waiter, CancellationToken cancellationToken)
    {
        IPacingDriver? driver;
        lock (_gate)
        {
            if (!pacer.Cancel(waiter))
                return;
            driver = pacer.Driver;
        }

        waiter.GiveUp(cancellationToken);
        driver?.Wake();
    }

    // A thread can only sleep on real time; any other clock (a test's) drives the pacer with its own timers.
    private IPacingDriver StartDriver(string tenantId, TenantPacer pacer)
    {
        if (!_onSystemClock)
            return new PacingTimer(_gate, pacer, _timeProvider);

        Interlocked.Increment(ref _pacingThreads);
        LogPacingStarted(_logger, tenantId);
        return PacingThread.Start(_gate, pacer, _timeProvider, failure =>
        {
            Interlocked.Decrement(ref _pacingThreads);
            if (failure is null)
                LogPacingEnded(_logger, tenantId);
            else
                LogPacingFailed(_logger, tenantId, failure);
        });
    }

    // Threads and tenants quiet for longer than their longest window no longer constrain anything.
    private void SweepIdle(long now)
    {
        if (_timeProvider.GetElapsedTime(_lastSweep, now) < SweepEvery)
            return;
        _lastSweep = now;
        foreach (var (tenantId, pacer) in _tenants)
        {
            if (pacer.SweepIdle(now))
                _tenants.Remove(tenantId);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pacing thread for tenant {TenantId} started")]
    private static partial void LogPacingStarted(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pacing thread for tenant {TenantId} ended: nobody waiting")]
    private static partial void LogPacingEnded(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pacing thread for tenant {TenantId} failed; the next call starts another")]
    private static partial void LogPacingFailed(ILogger logger, string tenantId, Exception exception);
}
