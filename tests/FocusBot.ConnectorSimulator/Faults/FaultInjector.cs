using System.Collections.Concurrent;

namespace FocusBot.ConnectorSimulator.Faults;

/// <summary>
/// Faults waiting for matching requests, applied first-in first-out; standing random faults that hit a share of the
/// matching requests; and conversations that are blocked (403 for every request) or removed (404). Records every fault it
/// applies. Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<PendingFault> _pending = [];
    private readonly List<RandomFault> _random = [];
    private readonly List<AppliedFault> _applied = [];
    private readonly ConcurrentDictionary<string, ConversationFate> _fates = new(StringComparer.Ordinal);
    private volatile bool _hasPending;

    /// <summary>Faults not yet used up (random faults never are, and are not counted).</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Every fault applied so far, queued or random, in the order requests met them (a snapshot).</summary>
    public IReadOnlyList<AppliedFault> Applied
    {
        get
        {
            lock (_gate)
            {
                return [.. _applied];
            }
        }
    }

    public void Enqueue(InjectedFault fault)
    {
        Validate(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Times, 1);
        lock (_gate)
        {
            _pending.Add(new PendingFault(fault, fault.Times));
            _hasPending = true;
        }
    }

    /// <summary>
    /// Hits each matching request with <paramref name="probability"/> until <see cref="Clear"/> (<see cref="InjectedFault.Times"/>
    /// is not used). Each call draws from its own generator seeded with <paramref name="seed"/>, so a run with the same
    /// requests in the same order meets the same faults. Queued faults go first; among random faults, the first added that
    /// hits wins.
    /// </summary>
    public void EnqueueRandom(InjectedFault fault, double probability, int seed)
    {
        Validate(fault);
        if (probability is <= 0 or > 1 || double.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability above 0 and at most 1.");
        }

        lock (_gate)
        {
            _random.Add(new RandomFault(fault, probability, new Random(seed)));
            _hasPending = true;
        }
    }

    /// <summary>The user blocked the bot: every request addressing the conversation gets 403 until lifted.</summary>
    public void BlockConversation(string conversationId) => _fates[conversationId] = ConversationFate.Blocked;

    /// <summary>The conversation is gone: every request addressing it gets 404 until lifted.</summary>
    public void RemoveConversation(string conversationId) => _fates[conversationId] = ConversationFate.Removed;

    /// <summary>Lifts a block or removal of one conversation (the user unblocked the bot), leaving others as they are.</summary>
    public void RestoreConversation(string conversationId) => _fates.TryRemove(conversationId, out _);

    /// <summary>Drops pending and random faults, forgets applied ones, and lifts blocks and removals.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
            _random.Clear();
            _applied.Clear();
            _hasPending = false;
        }

        _fates.Clear();
    }

    internal bool IsBlocked(string conversationId) =>
        _fates.TryGetValue(conversationId, out var fate) && fate == ConversationFate.Blocked;

    internal bool IsRemoved(string conversationId) =>
        _fates.TryGetValue(conversationId, out var fate) && fate == ConversationFate.Removed;

    /// <summary>Uses up one application of the oldest matching queued fault, or else draws the random ones.</summary>
    internal InjectedFault? TakeNext(ConnectorOperation operation, string? conversationId)
    {
        // The common benchmark case has no faults at all; skip the lock then.
        if (!_hasPending)
        {
            return null;
        }

        lock (_gate)
        {
            var fault = TakeQueued(operation, conversationId) ?? DrawRandom(operation, conversationId);
            if (fault is not null)
            {
                _applied.Add(new AppliedFault(fault, operation, conversationId));
            }

            return fault;
        }
    }

    private InjectedFault? TakeQueued(ConnectorOperation operation, string? conversationId)
    {
        for (var i = 0; i < _pending.Count; i++)
        {
            var pending = _pending[i];
            if (!pending.Fault.Matches(operation, conversationId))
            {
                continue;
            }

            pending.Remaining--;
            if (pending.Remaining == 0)
            {
                _pending.RemoveAt(i);
                _hasPending = _pending.Count > 0 || _random.Count > 0;
            }

            return pending.Fault;
        }

        return null;
    }

    private InjectedFault? DrawRandom(ConnectorOperation operation, string? conversationId)
    {
        foreach (var random in _random)
        {
            // Draw only for matching requests: other traffic must not shift which of the matching ones are hit.
            if (random.Fault.Matches(operation, conversationId) && random.Generator.NextDouble() < random.Probability)
            {
                return random.Fault;
            }
        }

        return null;
    }

    private static void Validate(InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Kind is FaultKind.Status or FaultKind.DeliveredThenStatus)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(fault.StatusCode, 100);
        }

        if (fault.Kind is FaultKind.Delay or FaultKind.DeliveredThenDelay)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(fault.Delay, TimeSpan.Zero);
        }
    }

    private enum ConversationFate
    {
        Blocked,
        Removed,
    }

    private sealed class PendingFault(InjectedFault fault, int remaining)
    {
        public InjectedFault Fault { get; } = fault;

        public int Remaining { get; set; } = remaining;
    }

    private sealed record RandomFault(InjectedFault Fault, double Probability, Random Generator);
}
