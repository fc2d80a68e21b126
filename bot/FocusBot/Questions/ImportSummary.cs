using FocusBot.Domain.Questions;

namespace FocusBot.Questions;

/// <summary>The one-line answer to an import that was applied: "Imported 31 questions (12 Knowledge, ...)".</summary>
public static class ImportSummary
{
    public static string Describe(QuestionImportOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var imported = outcome.Imported;
        var byDimension = Enum.GetValues<QuestionDimension>()
            .Select(d => (Dimension: d, Count: imported.Count(q => q.Dimension == d)))
            .Where(x => x.Count > 0)
            .Select(x => $"{x.Count} {x.Dimension}");
        var text = $"Imported {Plural(imported.Count, "question")} ({string.Join(", ", byDimension)}; {imported.Count(q => q.Active)} active): " +
            $"{outcome.Added} new, {outcome.Changed} changed, {outcome.Unchanged} unchanged.";
        if (outcome.Retired > 0)
        {
            text += $" {Plural(outcome.Retired, "question")} not in the import {(outcome.Retired == 1 ? "is" : "are")} kept as inactive, " +
                "so past results keep their wording.";
        }

        return text;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
