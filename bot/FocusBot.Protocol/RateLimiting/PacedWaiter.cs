namespace FocusBot.Protocol.RateLimiting;

/// <summary>
/// One call waiting for its turn. <see cref="State"/> changes only under the limiter's lock, so a waiter is either
/// released or cancelled, never both; the task is completed outside the lock because completing it can run the
/// caller's code.
/// </summary>
internal sealed class PacedWaiter(ThreadLane lane, long sequence, long arrivedAt, bool continueInline)
{
    private readonly TaskCompletionSource _turn =
        new(continueInline ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);

    public ThreadLane Lane { get; } = lane;

    /// <summary>Arrival order within the tenant: among calls allowed at the same instant, the first to come goes first.</summary>
    public long Sequence { get; } = sequence;

    public long ArrivedAt { get; } = arrivedAt;

    public WaiterState State { get; set; }

    public Task Turn => _turn.Task;

    public void Go() => _turn.TrySetResult();

    public void GiveUp(CancellationToken cancellationToken) => _turn.TrySetCanceled(cancellationToken);
}

internal enum WaiterState
{
    Waiting,
    Released,
    Cancelled,
}
