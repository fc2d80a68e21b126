namespace FocusBot.TestSupport;

/// <summary>What validate-card.mjs said about a batch of cards: each card's problems by its name.</summary>
public sealed record CardValidationReport(int ExitCode, int CheckedCount, IReadOnlyDictionary<string, IReadOnlyList<string>> Problems, string Output)
{
    public IReadOnlyList<string> ProblemsOf(string cardName) => Problems.TryGetValue(cardName, out var problems) ? problems : [];
}
