namespace FocusBot.Cards.Tests.Validation;

/// <summary>What validate-card.mjs said about a batch of cards.</summary>
public sealed record CardValidationReport(int ExitCode, int CheckedCount, IReadOnlyDictionary<string, IReadOnlyList<string>> Problems, string Output)
{
    public IReadOnlyList<string> ProblemsOf(string cardName) => Problems.TryGetValue(cardName, out var problems) ? problems : [];
}
