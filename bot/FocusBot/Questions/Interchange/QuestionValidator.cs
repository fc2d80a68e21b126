using System.Globalization;
using FocusBot.Domain.Questions;

namespace FocusBot.Questions.Interchange;

/// <summary>
/// Turns the rows of an import into questions, collecting every problem rather than stopping at the first, so HR can
/// fix a file in one go. Rules follow the measurement model: Knowledge is a quiz (scored % correct), Behaviour a
/// 7-day frequency, Attitude a 5-point agreement or the 0-10 advocacy item, Voice free text.
/// </summary>
public static class QuestionValidator
{
    public const int MaxQuestions = 1000;
    public const int MaxIdLength = 64;
    public const int MaxTextLength = 300;
    public const int MaxExplanationLength = 500;
    public const int MaxOptionLength = 150;
    public const int MinOptions = 2;
    public const int MaxOptions = 6;
    public const int MaxTags = 10;
    public const int MaxTagLength = 40;
    public const int MaxInsightIdLength = 128;

    /// <summary>The separator of options and tags in a CSV cell, so neither may contain it.</summary>
    public const char ListSeparator = '|';

    private const string ExpectedDimensions = "Knowledge, Behaviour, Attitude or Voice";
    private const string ExpectedKinds = "Agreement, Frequency, Quiz, Advocacy or FreeText";

    public static IReadOnlyList<Question> Validate(IReadOnlyList<QuestionFields> rows, DateTimeOffset now, List<ImportProblem> problems,
        IReadOnlyCollection<string>? existingIds = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(problems);
        if (rows.Count > MaxQuestions)
        {
            problems.Add(new ImportProblem(rows[MaxQuestions].Location, $"the bank can hold at most {MaxQuestions} questions; this file has {rows.Count}"));
            return [];
        }

        var questions = new List<Question>(rows.Count);
        var firstUse = new Dictionary<string, SourceLocation>(StringComparer.OrdinalIgnoreCase);
        var storedExactly = (existingIds ?? []).ToHashSet(StringComparer.Ordinal);
        var stored = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in storedExactly)
            stored.TryAdd(id, id);
        foreach (var row in rows)
        {
            var before = problems.Count;
            var question = ValidateRow(row, now, problems);
            if (question is not null && firstUse.TryGetValue(question.Id, out var earlier))
            {
                problems.Add(new ImportProblem(row.LocationOf(QuestionColumns.Id), $"id '{question.Id}' is already used on line {earlier.Line}"));
                continue;
            }

            if (question is not null && !storedExactly.Contains(question.Id) && stored.TryGetValue(question.Id, out var storedId))
            {
                // Ids are matched exactly when merging; one re-typed in another case would orphan the original's answers.
                problems.Add(new ImportProblem(row.LocationOf(QuestionColumns.Id),
                    $"id '{question.Id}' differs only in letter case from the existing question '{storedId}'; write it as '{storedId}'"));
            }

            if (question is not null)
                firstUse[question.Id] = row.LocationOf(QuestionColumns.Id);
            if (question is not null && problems.Count == before)
                questions.Add(question);
        }

        if (questions.Count > 0 && questions.Count == rows.Count && questions.All(q => !q.Active))
            problems.Add(new ImportProblem(rows[0].Location, "every question is inactive; at least one must be active for the weekly pulse"));
        return questions;
    }

    /// <summary>The question the row describes, or null when its id is unusable; other problems are added but still yield it.</summary>
    private static Question? ValidateRow(QuestionFields row, DateTimeOffset now, List<ImportProblem> problems)
    {
        void Problem(string field, string message) => problems.Add(new ImportProblem(row.LocationOf(field), message));

        var id = Clean(row.Id);
        if (id is null)
            Problem(QuestionColumns.Id, "id is missing");
        else if (!IsValidId(id))
            Problem(QuestionColumns.Id, $"id '{Quote(id)}' may only use letters, digits, '-', '_' and '.', start with a letter or digit, and be at most {MaxIdLength} characters");

        var text = Clean(row.Text);
        if (text is null)
            Problem(QuestionColumns.Text, "text is missing");
        else
            CheckText(text, QuestionColumns.Text, MaxTextLength, Problem);

        var dimension = ParseDimension(Clean(row.Dimension), Problem);
        var level = ParseLevel(Clean(row.Level), Problem);
        var kind = ParseKind(Clean(row.Kind), Problem);
        if (dimension is { } d && kind is { } k && !Fits(d, k))
            Problem(QuestionColumns.Kind, FitMessage(d, k));

        var options = (row.Options ?? []).Select(o => o.Trim()).ToList();
        var correct = Clean(row.CorrectOption);
        var explanation = Clean(row.Explanation);
        int? correctOption = null;
        if (kind == QuestionKind.Quiz)
        {
            CheckOptions(options, Problem);
            correctOption = ParseCorrectOption(correct, options.Count, Problem);
            if (explanation is null)
                Problem(QuestionColumns.Explanation, "quiz question needs an explanation (people see it after answering)");
        }
        else if (kind is { } other)
        {
            if (options.Count > 0)
                Problem(QuestionColumns.Options, $"only Quiz questions have options; {Scale(other)}");
            if (correct is not null)
                Problem(QuestionColumns.CorrectOption, "only Quiz questions have a correctOption");
            if (explanation is not null)
                Problem(QuestionColumns.Explanation, "only Quiz questions have an explanation");
        }

        if (explanation is not null)
            CheckText(explanation, QuestionColumns.Explanation, MaxExplanationLength, Problem);

        var tags = ParseTags(row.Tags, Problem);
        var active = ParseActive(Clean(row.Active), Problem);
        var insightId = Clean(row.InsightId);
        if (insightId is not null && (insightId.Length > MaxInsightIdLength || insightId.Any(char.IsControl)))
            Problem(QuestionColumns.InsightId, $"insightId must be at most {MaxInsightIdLength} characters on one line");

        if (id is null || !IsValidId(id))
            return null;
        return new Question
        {
            Id = id,
            Text = text ?? string.Empty,
            Dimension = dimension ?? QuestionDimension.Knowledge,
            Level = level ?? 1,
            Kind = kind ?? QuestionKind.Quiz,
            Options = kind == QuestionKind.Quiz ? options : [],
            CorrectOption = correctOption,
            Explanation = kind == QuestionKind.Quiz ? explanation : null,
            Tags = tags,
            Active = active,
            InsightId = insightId,
            CreatedAt = now,
        };
    }

    /// <summary>Which answer kinds each dimension's score can be computed from.</summary>
    public static bool Fits(QuestionDimension dimension, QuestionKind kind) => dimension switch
    {
        QuestionDimension.Knowledge => kind == QuestionKind.Quiz,
        QuestionDimension.Behaviour => kind == QuestionKind.Frequency,
        QuestionDimension.Attitude => kind is QuestionKind.Agreement or QuestionKind.Advocacy,
        QuestionDimension.Voice => kind == QuestionKind.FreeText,
        _ => false,
    };

    private static string FitMessage(QuestionDimension dimension, QuestionKind kind) => dimension switch
    {
        QuestionDimension.Knowledge => $"a Knowledge question must be a Quiz, not {kind} (its score is the share of correct answers)",
        QuestionDimension.Behaviour => $"a Behaviour question must be Frequency, not {kind} (it asks how often in the past 7 days)",
        QuestionDimension.Attitude => $"an Attitude question must be Agreement or Advocacy, not {kind}",
        _ => $"a Voice question must be FreeText, not {kind}",
    };

    private static string Scale(QuestionKind kind) => kind switch
    {
        QuestionKind.Agreement => "an Agreement question uses the 5-point scale from Strongly disagree to Strongly agree",
        QuestionKind.Frequency => "a Frequency question uses the scale Never, Once, 2-3 times, 4+ times",
        QuestionKind.Advocacy => "an Advocacy question uses the 0-10 scale",
        _ => "a FreeText question is answered in the person's own words",
    };

    private static QuestionDimension? ParseDimension(string? value, Action<string, string> problem)
    {
        if (value is null)
        {
            problem(QuestionColumns.Dimension, $"dimension is missing (expected {ExpectedDimensions})");
            return null;
        }

        // US spelling is welcome; numbers are not (Enum.TryParse would take "1").
        var name = value.Equals("Behavior", StringComparison.OrdinalIgnoreCase) ? nameof(QuestionDimension.Behaviour) : value;
        foreach (var dimension in Enum.GetValues<QuestionDimension>())
        {
            if (dimension.ToString().Equals(name, StringComparison.OrdinalIgnoreCase))
                return dimension;
        }

        problem(QuestionColumns.Dimension, $"unknown dimension '{Quote(value)}' (expected {ExpectedDimensions})");
        return null;
    }

    private static QuestionKind? ParseKind(string? value, Action<string, string> problem)
    {
        if (value is null)
        {
            problem(QuestionColumns.Kind, $"kind is missing (expected {ExpectedKinds})");
            return null;
        }

        var squashed = string.Concat(value.Where(c => c is not (' ' or '-' or '_')));
        foreach (var kind in Enum.GetValues<QuestionKind>())
        {
            if (kind.ToString().Equals(squashed, StringComparison.OrdinalIgnoreCase))
                return kind;
        }

        problem(QuestionColumns.Kind, $"unknown kind '{Quote(value)}' (expected {ExpectedKinds})");
        return null;
    }

    private static int? ParseLevel(string? value, Action<string, string> problem)
    {
        if (value is null)
        {
            problem(QuestionColumns.Level, "level is missing (expected 1, 2 or 3)");
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 3)
            return level;
        problem(QuestionColumns.Level, $"level must be 1, 2 or 3, not '{Quote(value)}'");
        return null;
    }

    private static void CheckOptions(List<string> options, Action<string, string> problem)
    {
        if (options.Count is < MinOptions or > MaxOptions)
            problem(QuestionColumns.Options, $"quiz question needs {MinOptions}-{MaxOptions} options (it has {options.Count})");
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            if (option.Length == 0)
                problem(QuestionColumns.Options, $"option {i} is empty");
            else if (option.Length > MaxOptionLength)
                problem(QuestionColumns.Options, $"option {i} is {option.Length} characters long; the limit is {MaxOptionLength}");
            if (option.Contains(ListSeparator, StringComparison.Ordinal))
                problem(QuestionColumns.Options, $"option {i} contains '{ListSeparator}', which separates options in CSV files");
            if (option.Any(char.IsControl))
                problem(QuestionColumns.Options, $"option {i} contains a line break or other control character");
            if (option.Length > 0 && !seen.TryAdd(option, i))
                problem(QuestionColumns.Options, $"options {seen[option]} and {i} are the same ('{Quote(option)}')");
        }
    }

    private static int? ParseCorrectOption(string? value, int optionCount, Action<string, string> problem)
    {
        if (value is null)
        {
            problem(QuestionColumns.CorrectOption, "quiz question needs correctOption: the number of the right option, counting from 0");
            return null;
        }

        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            problem(QuestionColumns.CorrectOption, $"correctOption must be a whole number, not '{Quote(value)}'");
            return null;
        }

        if (index < 0 || index >= optionCount)
        {
            var range = optionCount == 0 ? "the question has no options" : $"its {optionCount} options are numbered 0 to {optionCount - 1}";
            problem(QuestionColumns.CorrectOption, $"correctOption {index} is out of range: {range}");
            return null;
        }

        return index;
    }

    private static List<string> ParseTags(IReadOnlyList<string>? raw, Action<string, string> problem)
    {
        var tags = new List<string>();
        foreach (var tag in (raw ?? []).Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            if (tag.Length > MaxTagLength)
                problem(QuestionColumns.Tags, $"tag '{Quote(tag)}' is longer than {MaxTagLength} characters");
            else if (tag.Contains(ListSeparator, StringComparison.Ordinal) || tag.Any(char.IsControl))
                problem(QuestionColumns.Tags, $"tag '{Quote(tag)}' may not contain '{ListSeparator}' or a line break");
            else if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
                tags.Add(tag);
        }

        if (tags.Count > MaxTags)
            problem(QuestionColumns.Tags, $"a question can have at most {MaxTags} tags (it has {tags.Count})");
        return tags;
    }

    private static bool ParseActive(string? value, Action<string, string> problem)
    {
        switch (value?.ToUpperInvariant())
        {
            case null or "TRUE" or "YES" or "Y" or "1":
                return true;
            case "FALSE" or "NO" or "N" or "0":
                return false;
            default:
                problem(QuestionColumns.Active, $"active must be true or false, not '{Quote(value!)}'");
                return true;
        }
    }

    private static void CheckText(string value, string field, int limit, Action<string, string> problem)
    {
        if (value.Length > limit)
            problem(field, $"{field} is {value.Length} characters long; the limit is {limit}");
        if (value.Any(char.IsControl))
            problem(field, $"{field} contains a line break or other control character; keep it on one line");
    }

    private static bool IsValidId(string id) =>
        id.Length <= MaxIdLength
        && char.IsAsciiLetterOrDigit(id[0])
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Echoes what the person wrote, cut short so one bad cell cannot flood the problems card.</summary>
    internal static string Quote(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 37), "...");
}
