using FocusBot.Domain.Questions;
using FocusBot.Questions.Interchange;

namespace FocusBot.Questions;

/// <summary>
/// What an import did: either nothing (with every problem found) or replaced the bank, with how the new bank differs
/// from the old one.
/// </summary>
public sealed record QuestionImportOutcome
{
    public IReadOnlyList<ImportProblem> Problems { get; init; } = [];

    /// <summary>The questions the file held, as stored.</summary>
    public IReadOnlyList<Question> Imported { get; init; } = [];

    public int Added { get; init; }

    public int Changed { get; init; }

    public int Unchanged { get; init; }

    /// <summary>Questions in the old bank but not in the file: kept, inactive, so past answers keep their wording.</summary>
    public int Retired { get; init; }

    public bool Applied => Problems.Count == 0;

    public static QuestionImportOutcome Rejected(IReadOnlyList<ImportProblem> problems) => new() { Problems = problems };
}
