using FocusBot.ConnectorSimulator.Recording;
using FocusBot.Pulses;
using SimOperation = FocusBot.ConnectorSimulator.ConnectorOperation;

namespace FocusBot.Tests.Support;

/// <summary>
/// Pulse cards as the people see them in their chats: how many each chat received, who got none, how many came twice.
/// Reads only what the simulator has recorded since the last look, so polling it during a fan-out stays cheap.
/// </summary>
public sealed class PulseCardTally(ConnectorSimulator.ConnectorSimulator simulator, IReadOnlyCollection<string> chats)
{
    private readonly Dictionary<string, int> _cardsByChat = new(StringComparer.Ordinal);
    private int _seen;

    /// <summary>A pulse card: a new message (not an update) carrying the card, whether sent proactively or as a reply.</summary>
    public static bool IsPulseCard(SentActivity sent) =>
        sent.Operation is SimOperation.Send or SimOperation.Reply
        && sent.Activity.TryGetProperty("attachments", out _)
        && sent.Activity.GetRawText().Contains(PulseCard.Title, StringComparison.Ordinal);

    /// <summary>Cards in all chats, duplicates included.</summary>
    public int Cards { get; private set; }

    public int Duplicates => _cardsByChat.Values.Sum(n => n - 1);

    public IReadOnlyDictionary<string, int> CardsByChat => _cardsByChat;

    /// <summary>Chats that have no card yet.</summary>
    public IReadOnlyList<string> Lost => [.. chats.Where(c => !_cardsByChat.ContainsKey(c))];

    public bool EveryoneHasOne => chats.All(_cardsByChat.ContainsKey);

    /// <summary>Takes in what was recorded since the last call; returns this tally.</summary>
    public PulseCardTally Update()
    {
        var sent = simulator.Sent;
        for (; _seen < sent.Count; _seen++)
        {
            if (!IsPulseCard(sent[_seen]))
                continue;
            _cardsByChat[sent[_seen].ConversationId] = _cardsByChat.GetValueOrDefault(sent[_seen].ConversationId) + 1;
            Cards++;
        }

        return this;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitUntilAsync(Func<PulseCardTally, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!condition(Update()))
        {
            if (DateTimeOffset.UtcNow >= deadline)
                return false;
            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        }

        return true;
    }

    /// <summary>One line for assertion messages: lost people (a few named), duplicates, cards.</summary>
    public string Describe()
    {
        Update();
        var lost = Lost;
        var named = lost.Count == 0 ? "" : $" (e.g. {string.Join(", ", lost.Take(5))})";
        var twice = _cardsByChat.Where(c => c.Value > 1).Take(5).Select(c => $"{c.Key}×{c.Value}");
        return $"{chats.Count} people: {lost.Count} without a card{named}; {Duplicates} duplicates ({string.Join(", ", twice)}); {Cards} cards in all";
    }
}
