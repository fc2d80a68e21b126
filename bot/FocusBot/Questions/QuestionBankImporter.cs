using FocusBot.Domain.Questions;
using FocusBot.Questions.Interchange;

namespace FocusBot.Questions;

/// <summary>
/// Applies an HR import: validates everything first, then replaces the bank in one all-or-nothing write. Questions
/// missing from the file are not deleted but kept as inactive: answers already given, trend reports and a pulse that
/// is still open all refer to them by id.
/// </summary>
public sealed partial class QuestionBankImporter(IQuestionStore store, TimeProvider timeProvider, ILogger<QuestionBankImporter> logger)
{
    public async Task<QuestionImportOutcome> ImportAsync(string content, QuestionFileFormat format, CancellationToken cancellationToken)
    {
        var existing = await store.ListAsync(includeInactive: true, cancellationToken);
        var read = QuestionBankReader.Read(content, format, timeProvider.GetUtcNow(), [.. existing.Select(q => q.Id)]);
        if (!read.IsValid)
        {
            LogRejected(logger, format, read.Problems.Count);
            return QuestionImportOutcome.Rejected(read.Problems);
        }

        var outcome = Merge(read.Questions, existing);
        await store.ReplaceBankAsync([.. outcome.Imported, .. Retire(read.Questions, existing)], cancellationToken);
        LogApplied(logger, format, outcome.Imported.Count, outcome.Added, outcome.Changed, outcome.Retired);
        return outcome;
    }

    private static QuestionImportOutcome Merge(IReadOnlyList<Question> imported, IReadOnlyList<Question> existing)
    {
        var byId = existing.ToDictionary(q => q.Id, StringComparer.Ordinal);
        int added = 0, changed = 0, unchanged = 0;
        var stored = new List<Question>(imported.Count);
        foreach (var question in imported)
        {
            if (!byId.TryGetValue(question.Id, out var before))
            {
                added++;
                stored.Add(question);
                continue;
            }

            // The bank's own facts survive an import: when the question was created, and the insight it practises
            // (CSV has no column for it, and the insights feature owns it).
            var kept = question with { CreatedAt = before.CreatedAt, InsightId = question.InsightId ?? before.InsightId };
            if (QuestionContent.Same(kept, before))
                unchanged++;
            else
                changed++;
            stored.Add(kept);
        }

        var importedIds = imported.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var retired = existing.Count(q => !importedIds.Contains(q.Id));
        return new QuestionImportOutcome { Imported = stored, Added = added, Changed = changed, Unchanged = unchanged, Retired = retired };
    }

    private static IEnumerable<Question> Retire(IReadOnlyList<Question> imported, IReadOnlyList<Question> existing)
    {
        var ids = imported.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        return existing.Where(q => !ids.Contains(q.Id)).Select(q => q with { Active = false });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Question import ({Format}) refused with {Problems} problem(s); bank unchanged")]
    private static partial void LogRejected(ILogger logger, QuestionFileFormat format, int problems);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Question import ({Format}) applied: {Count} questions, {Added} new, {Changed} changed, {Retired} retired")]
    private static partial void LogApplied(ILogger logger, QuestionFileFormat format, int count, int added, int changed, int retired);
}
