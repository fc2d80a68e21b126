using FocusBot.ConnectorSimulator.Recording;

namespace FocusBot.ConnectorSimulator;

public sealed partial class ConnectorSimulator
{
    /// <summary>Every accepted send, reply, update and delete, in arrival order (a snapshot).</summary>
    public IReadOnlyList<SentActivity> Sent => _log.Sent();

    /// <summary>How many activities have been recorded, without copying them.</summary>
    public int SentCount => _log.SentCount;

    /// <summary>Every successful create-conversation call, repeats included.</summary>
    public IReadOnlyList<CreatedConversation> CreatedConversations => _log.Created();

    /// <summary>Every request received, with the status answered.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _log.Requests();

    /// <summary>How many 429 answers were given (rate limits and injected 429s).</summary>
    public int ThrottledCount => _log.ThrottledCount;

    /// <summary>Accepted activities for one conversation, in arrival order.</summary>
    public IReadOnlyList<SentActivity> SentTo(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        return _log.SentTo(conversationId);
    }

    /// <summary>
    /// Waits until a recorded request matches <paramref name="match"/> (a request is recorded as its response starts, or
    /// once the simulator notices the client hung up); throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (_log.Requests().FirstOrDefault(match) is { } found)
                return found;
            if (TimeProvider.System.GetElapsedTime(started) >= timeout)
                throw new TimeoutException($"No matching request within {timeout}; {_log.Requests().Count} recorded.");
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken);
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> activities are recorded and returns them all; throws
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/> of real time.
    /// </summary>
    public async Task<IReadOnlyList<SentActivity>> WaitForSentAsync(
        int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var reached = _log.WhenSentAtLeast(count, out var cancel);
        try
        {
            await reached.WaitAsync(timeout, TimeProvider.System, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Expected {count} sent activities within {timeout}, got {_log.SentCount}.");
        }
        finally
        {
            cancel();
        }

        return _log.Sent();
    }
}
