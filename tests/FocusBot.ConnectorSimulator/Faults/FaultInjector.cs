using System.Collections.Concurrent;

namespace FocusBot.ConnectorSimulator.Faults;

/// <summary>
/// Faults waiting for matching requests, applied first-in first-out, plus conversations that are blocked (403 for
/// every request) or removed (404). Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<PendingFault> _pending = [];
    private readonly ConcurrentDictionary<string, ConversationFate> _fates = new(StringComparer.Ordinal);
    private volatile bool _hasPending;

    /// <summary>Faults not yet used up.</summary>
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

    public void Enqueue(InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Times, 1);
        if (fault.Kind is FaultKind.Status or FaultKind.DeliveredThenStatus)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(fault.StatusCode, 100);
        }

        lock (_gate)
        {
            _pending.Add(new PendingFault(fault, fault.Times));
            _hasPending = true;
        }
    }

    /// <summary>The user blocked the bot: every request addressing the conversation gets 403 until <see cref="Clear"/>.</summary>
    public void BlockConversation(string conversationId) => _fates[conversationId] = ConversationFate.Blocked;

    /// <summary>The conversation is gone: every request addressing it gets 404 until <see cref="Clear"/>.</summary>
    public void RemoveConversation(string conversationId) => _fates[conversationId] = ConversationFate.Removed;

    /// <summary>Drops pending faults and lifts blocks and removals.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
            _hasPending = false;
        }

        _fates.Clear();
    }

    internal bool IsBlocked(string conversationId) =>
        _fates.TryGetValue(conversationId, out var fate) && fate == ConversationFate.Blocked;

    internal bool IsRemoved(string conversationId) =>
        _fates.TryGetValue(conversationId, out var fate) && fate == ConversationFate.Removed;

    /// <summary>Uses up one application of the oldest matching fault.</summary>
    internal InjectedFault? TakeNext(ConnectorOperation operation, string? conversationId)
    {
        // The common benchmark case has no faults at all; skip the lock then.
        if (!_hasPending)
        {
            return null;
        }

        lock (_gate)
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
                    _hasPending = _pending.Count > 0;
                }

                return pending.Fault;
            }

            return null;
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
}
