using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Questions.Interchange;

namespace FocusBot.Questions;

/// <summary>The answer to an import that was refused: nothing changed, and what to fix, line by line.</summary>
public static class ImportProblemsCard
{
    public const int MaxShown = 20;

    /// <summary>Problems echo what was imported; a long one is cut so the card stays small.</summary>
    private const int MaxProblemLength = 300;

    /// <summary>Bytes of problem text on the wire (non-Latin text escapes to six bytes a character), well inside 28 KB.</summary>
    private const int TextBudgetBytes = 18 * 1024;

    public const string BankUnchanged = "The question bank is unchanged. Fix these and send `questions import` again.";

    /// <param name="unchanged">What stayed as it was and how to try again (the question bank's by default).</param>
    public static AdaptiveCard Create(IReadOnlyList<ImportProblem> problems, string unchanged = BankUnchanged)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var title = problems.Count == 1 ? "Nothing was imported: 1 problem to fix" : $"Nothing was imported: {problems.Count} problems to fix";
        List<CardElement> body =
        [
            new TextBlock(title) { Size = "Medium", Weight = "Bolder", Color = "Attention" },
            new TextBlock(unchanged) { IsSubtle = true, Spacing = "None" },
        ];

        var shown = 0;
        var bytes = 0;
        foreach (var problem in problems.Take(MaxShown))
        {
            // The "- " is our list marker; the problem quotes the imported file, which is not ours to format.
            var text = "- " + CardText.Escape(Cut(problem.ToString()));
            bytes += JsonEncodedText.Encode(text).EncodedUtf8Bytes.Length;
            if (shown > 0 && bytes > TextBudgetBytes)
                break;
            body.Add(new TextBlock(text) { Spacing = "Small" });
            shown++;
        }

        if (problems.Count > shown)
            body.Add(new TextBlock($"...and {problems.Count - shown} more.") { IsSubtle = true });
        return new AdaptiveCard { FallbackText = title, Body = body };
    }

    private static string Cut(string text) => text.Length <= MaxProblemLength ? text : string.Concat(text.AsSpan(0, MaxProblemLength - 3), "...");
}
