namespace FocusBot.ConnectorSimulator.Recording;

/// <summary>Everything the simulator recorded, thread-safe; appends are O(1) and reads return snapshots.</summary>
internal sealed class SimulatorLog
{
    private readonly Lock _gate = new();
    private readonly List<SentActivity> _sent = [];
    private readonly Dictionary<string, List<SentActivity>> _sentByConversation = new(StringComparer.Ordinal);
    private readonly List<CreatedConversation> _created = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<SentWaiter> _waiters = [];
    private int _throttledCount;

    public int SentCount
    {
        get
        {
            lock (_gate)
            {
                return _sent.Count;
            }
        }
    }

    public int ThrottledCount => Volatile.Read(ref _throttledCount);

    public void AddSent(SentActivity activity)
    {
        lock (_gate)
        {
            _sent.Add(activity);
            if (!_sentByConversation.TryGetValue(activity.ConversationId, out var list))
            {
                list = [];
                _sentByConversation[activity.ConversationId] = list;
            }

            list.Add(activity);
            ReleaseSatisfiedWaiters();
        }
    }

    public void AddCreated(CreatedConversation created)
    {
        lock (_gate)
        {
            _created.Add(created);
        }
    }

    public void AddRequest(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    public void CountThrottled() => Interlocked.Increment(ref _throttledCount);

    public IReadOnlyList<SentActivity> Sent()
    {
        lock (_gate)
        {
            return [.. _sent];
        }
    }

    public IReadOnlyList<SentActivity> SentTo(string conversationId)
    {
        lock (_gate)
        {
            return _sentByConversation.TryGetValue(conversationId, out var list) ? [.. list] : [];
        }
    }

    public IReadOnlyList<CreatedConversation> Created()
    {
        lock (_gate)
        {
            return [.. _created];
        }
    }

    public IReadOnlyList<RecordedRequest> Requests()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> activities are recorded; the caller owns the timeout.</summary>
    public Task WhenSentAtLeast(int count, out Action cancel)
    {
        lock (_gate)
        {
            if (_sent.Count >= count)
            {
                cancel = static () => { };
                return Task.CompletedTask;
            }

            var waiter = new SentWaiter(count);
            _waiters.Add(waiter);
            cancel = () =>
            {
                lock (_gate)
                {
                    _waiters.Remove(waiter);
                }
            };
            return waiter.Completion.Task;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _sent.Clear();
            _sentByConversation.Clear();
            _created.Clear();
            _requests.Clear();
            Interlocked.Exchange(ref _throttledCount, 0);
        }
    }

    private void ReleaseSatisfiedWaiters()
    {
        // Waiters are the handful of tests awaiting a count, so this loop is short.
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_sent.Count >= _waiters[i].Count)
            {
                _waiters[i].Completion.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private sealed record SentWaiter(int Count)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
