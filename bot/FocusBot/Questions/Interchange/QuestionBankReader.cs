using FocusBot.Domain.Questions;

namespace FocusBot.Questions.Interchange;

/// <summary>What an import file says: the questions when it is valid, otherwise every problem found.</summary>
public sealed record QuestionBankReadResult(IReadOnlyList<Question> Questions, IReadOnlyList<ImportProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>Reads a whole import (JSON or CSV) into validated questions; nothing here touches the store.</summary>
public static class QuestionBankReader
{
    /// <param name="existingIds">Ids already in the bank, to catch one re-typed in another letter case.</param>
    public static QuestionBankReadResult Read(string content, QuestionFileFormat format, DateTimeOffset now, IReadOnlyCollection<string>? existingIds = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = new List<ImportProblem>();
        var rows = format == QuestionFileFormat.Json
            ? QuestionJsonFormat.Read(content, problems)
            : QuestionCsvFormat.Read(content, problems);
        var questions = QuestionValidator.Validate(rows, now, problems, existingIds);
        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(new SourceLocation(1), format == QuestionFileFormat.Json
                ? "no questions found: the list [ ] is empty"
                : "no questions found: after the header row, each line is one question"));
        }

        // Sorted by line so the card reads top to bottom like the file (a stable sort keeps same-line problems in order).
        return new QuestionBankReadResult(
            problems.Count == 0 ? questions : [],
            [.. problems.OrderBy(p => p.Location.Line)]);
    }

    /// <summary>JSON starts with [ or {; anything else is taken for CSV.</summary>
    public static QuestionFileFormat Detect(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var first = content.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return first.StartsWith('[') || first.StartsWith('{') ? QuestionFileFormat.Json : QuestionFileFormat.Csv;
    }
}
