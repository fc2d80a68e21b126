using FocusBot.Domain.Aggregates;
using Moq;

namespace FocusBot.Storage.Tests;

public sealed class CoalescingAggregateStoreTests
{
    private static AggregateDelta Org(string bucket, long delta) => new("tenant", "2026-W48", "org", "attitude", bucket, delta);

    [Fact]
    public async Task ApplyDeltas_CallersArrivingDuringAWrite_AreSummedIntoOneWriteAndEachWaitsForIt()
    {
        var inner = new HeldWrites();
        var store = new CoalescingAggregateStore(inner.Store.Object);

        var first = store.ApplyDeltasAsync([Org("fav", 1)], CancellationToken.None);
        await inner.WriteStarted.Task; // the first write is under way and held
        var second = store.ApplyDeltasAsync([Org("fav", 1), Org("unfav", 1)], CancellationToken.None);
        var third = store.ApplyDeltasAsync([Org("fav", 1), Org("unfav", -1)], CancellationToken.None);
        Assert.False(second.IsCompleted);
        inner.Release.SetResult();
        await Task.WhenAll(first, second, third);

        Assert.Equal(2, inner.Writes.Count);
        Assert.Equal([Org("fav", 1)], inner.Writes[0]);
        // unfav +1 -1 cancels out and is not written at all.
        Assert.Equal([Org("fav", 2)], inner.Writes[1]);
    }

    [Fact]
    public async Task ApplyDeltas_WriteFails_EveryCallerInTheBatchSeesTheFailure()
    {
        var inner = new HeldWrites(new InvalidOperationException("disk full"));
        inner.Release.SetResult();
        var store = new CoalescingAggregateStore(inner.Store.Object);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ApplyDeltasAsync([Org("fav", 1)], CancellationToken.None));

        Assert.Equal("disk full", error.Message);
    }

    [Fact]
    public async Task ApplyDeltas_OneCallerCancels_TheBatchIsStillWrittenForTheOthers()
    {
        var inner = new HeldWrites();
        var store = new CoalescingAggregateStore(inner.Store.Object);
        var first = store.ApplyDeltasAsync([Org("fav", 1)], CancellationToken.None);
        await inner.WriteStarted.Task;
        using var cancel = new CancellationTokenSource();
        var quitter = store.ApplyDeltasAsync([Org("fav", 1)], cancel.Token);
        var stayer = store.ApplyDeltasAsync([Org("fav", 1)], CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => quitter);
        inner.Release.SetResult();
        await Task.WhenAll(first, stayer);

        Assert.Equal([Org("fav", 2)], inner.Writes[1]);
    }

    /// <summary>An aggregate store that records each write and holds it until released, so a test can line callers up behind it.</summary>
    private sealed class HeldWrites
    {
        public HeldWrites(Exception? failure = null)
        {
            Store.Setup(s => s.ApplyDeltasAsync(It.IsAny<IReadOnlyList<AggregateDelta>>(), It.IsAny<CancellationToken>()))
                .Returns(async (IReadOnlyList<AggregateDelta> deltas, CancellationToken _) =>
                {
                    lock (Writes)
                        Writes.Add(deltas);
                    WriteStarted.TrySetResult();
                    await Release.Task;
                    if (failure is not null)
                        throw failure;
                });
        }

        public Mock<IAggregateStore> Store { get; } = new(MockBehavior.Strict);

        public List<IReadOnlyList<AggregateDelta>> Writes { get; } = [];

        public TaskCompletionSource WriteStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
