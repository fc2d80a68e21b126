using System.Collections.Concurrent;

namespace FocusBot.Protocol.Tests.Connector;

/// <summary>
/// The system clock, noting the due time of every timer set on it: a test reads what the client chose to wait, which a
/// stopwatch on a busy machine cannot tell apart from how long the wait happened to take.
/// </summary>
internal sealed class TimerWatchingClock : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    public IReadOnlyList<TimeSpan> DueTimes => [.. _dueTimes];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _dueTimes.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
