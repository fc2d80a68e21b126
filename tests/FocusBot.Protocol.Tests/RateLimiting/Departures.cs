using FocusBot.Protocol.Connector;
using FocusBot.Protocol.RateLimiting;

namespace FocusBot.Protocol.Tests.RateLimiting;

/// <summary>
/// Starts calls through a limiter and records, on the limiter's clock, when each was let go. With a test clock the
/// limiter lets callers continue on the clock's own step, so each time is exactly the instant of release.
/// </summary>
internal sealed class Departures(TeamsRateLimiter limiter, TimeProvider clock)
{
    private readonly long _start = clock.GetTimestamp();
    private readonly List<Departure> _left = [];
    private readonly List<Task> _calls = [];

    public IReadOnlyList<Task> Calls => _calls;

    /// <summary>Departures so far, in the order they left.</summary>
    public IReadOnlyList<Departure> Left
    {
        get
        {
            lock (_left)
                return [.. _left.OrderBy(d => d.At)];
        }
    }

    public bool AllDone => _calls.TrueForAll(c => c.IsCompleted);

    public Task Start(string threadKey, string tenant = "t", CancellationToken cancellationToken = default)
    {
        var call = RunAsync(tenant, threadKey, cancellationToken);
        _calls.Add(call);
        return call;
    }

    private async Task RunAsync(string tenant, string threadKey, CancellationToken cancellationToken)
    {
        await limiter.LeaveOnTurnAsync(tenant, threadKey, cancellationToken).ConfigureAwait(false);
        var at = clock.GetElapsedTime(_start);
        lock (_left)
            _left.Add(new Departure(tenant, threadKey, at));
    }
}

internal sealed record Departure(string Tenant, string ThreadKey, TimeSpan At);

internal static class LimiterTurns
{
    /// <summary>Waits for a send's turn and leaves at once, as a caller with nothing to do before its request does.</summary>
    public static async Task LeaveOnTurnAsync(this TeamsRateLimiter limiter, string tenant, string threadKey, CancellationToken cancellationToken)
    {
        var turn = await limiter.AcquireAsync(tenant, ConnectorOperation.SendMessage, threadKey, cancellationToken).ConfigureAwait(false);
        turn.Leave();
    }
}
