using FocusBot.Domain.Aggregates;

namespace FocusBot.Storage;

/// <summary>
/// Group commit for trend counters. Answers that arrive together mostly move the same cells (the organisation's week,
/// month and quarter, the question's level and tags), so the deltas of every caller that arrives while a write is under
/// way are summed and written together as one <see cref="IAggregateStore.ApplyDeltasAsync"/>. Each caller still returns
/// only once its own deltas are stored, so nothing is acknowledged before it is durable.
/// </summary>
internal sealed class CoalescingAggregateStore(IAggregateStore inner) : IAggregateStore, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private Dictionary<(string TenantId, string Period, string Slice, string Key, string Bucket), long> _pending = [];
    private TaskCompletionSource? _pendingWritten;

    public async Task ApplyDeltasAsync(IReadOnlyList<AggregateDelta> deltas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        if (deltas.Count == 0)
            return;
        TaskCompletionSource written;
        bool leads;
        lock (_gate)
        {
            foreach (var delta in deltas)
            {
                var cell = (delta.TenantId, delta.Period, delta.Slice, delta.Key, delta.Bucket);
                _pending[cell] = _pending.GetValueOrDefault(cell) + delta.Delta;
            }

            leads = _pendingWritten is null;
            written = _pendingWritten ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // The first caller of a batch writes it, once the write before it is done; later callers wait for that write.
        if (leads)
            _ = WriteNextBatchAsync();
        await written.Task.WaitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<AggregateCell>> ListAsync(string tenantId, string slice, string fromPeriod, string toPeriod, CancellationToken cancellationToken) =>
        inner.ListAsync(tenantId, slice, fromPeriod, toPeriod, cancellationToken);

    public Task<IReadOnlyList<AggregateCell>> ListSlicesAsync(string tenantId, IReadOnlyCollection<string> slices, string fromPeriod, string toPeriod, CancellationToken cancellationToken) =>
        inner.ListSlicesAsync(tenantId, slices, fromPeriod, toPeriod, cancellationToken);

    public Task ClearAsync(string tenantId, CancellationToken cancellationToken) => inner.ClearAsync(tenantId, cancellationToken);

    public void Dispose() => _writer.Dispose();

    private async Task WriteNextBatchAsync()
    {
        await _writer.WaitAsync();
        Dictionary<(string TenantId, string Period, string Slice, string Key, string Bucket), long> batch;
        TaskCompletionSource written;
        lock (_gate)
        {
            (batch, written) = (_pending, _pendingWritten!);
            (_pending, _pendingWritten) = ([], null);
        }

        try
        {
            // Other callers' deltas ride in this write, so one caller giving up must not cancel it.
            await inner.ApplyDeltasAsync([.. batch.Where(c => c.Value != 0).Select(c => new AggregateDelta(c.Key.TenantId, c.Key.Period, c.Key.Slice, c.Key.Key, c.Key.Bucket, c.Value))],
                CancellationToken.None);
            written.SetResult();
        }
        catch (Exception ex)
        {
            written.SetException(ex);
        }
        finally
        {
            _writer.Release();
        }
    }
}
