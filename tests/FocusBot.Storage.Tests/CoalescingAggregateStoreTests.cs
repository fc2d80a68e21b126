using FocusBot.Domain.Aggregates;

namespace FocusBot.Storage.Tests;

public sealed class CoalescingAggregateStoreTests
{
    private static AggregateDelta Org(string bucket, long delta) => new("tenant", "2026-W48", "org", "attitude", bucket, delta);

    [Fact]
    public async Task ApplyDeltas_CallersArrivingDuringAWrite_AreSummedIntoOneWriteAndEachWaitsForIt()
    {
        var inner = new RecordingStore();
        var store = new CoalescingAggregateStore(inner);

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
        var inner = new RecordingStore { Failure = new InvalidOperationException("disk full") };
        inner.Release.SetResult();
        var store = new CoalescingAggregateStore(inner);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ApplyDeltasAsync([Org("fav", 1)], CancellationToken.None));

        Assert.Equal("disk full", error.Message);
    }

    [Fact]
    public async Task ApplyDeltas_OneCallerCancels_TheBatchIsStillWrittenForTheOthers()
    {
        var inner = new RecordingStore();
        var store = new CoalescingAggregateStore(inner);
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

    /// <summary>Records each write; holds the first until released, so a test can line callers up behind it.</summary>
    private sealed class RecordingStore : IAggregateStore
    {
        public List<IReadOnlyList<AggregateDelta>> Writes { get; } = [];

        public TaskCompletionSource WriteStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Exception? Failure { get; init; }

        public async Task ApplyDeltasAsync(IReadOnlyList<AggregateDelta> deltas, CancellationToken cancellationToken)
        {
            lock (Writes)
                Writes.Add(deltas);
            WriteStarted.TrySetResult();
            await Release.Task;
            if (Failure is not null)
                throw Failure;
        }

        public Task<IReadOnlyList<AggregateCell>> ListAsync(string tenantId, string slice, string fromPeriod, string toPeriod, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AggregateCell>>([]);

        public Task ClearAsync(string tenantId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
