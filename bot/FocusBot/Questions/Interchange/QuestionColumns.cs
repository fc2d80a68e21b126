namespace FocusBot.Questions.Interchange;

/// <summary>
/// The field names of the interchange formats: JSON property names and CSV header names alike, in the order exports
/// write them.
/// </summary>
public static class QuestionColumns
{
    public const string Id = "id";
    public const string Text = "text";
    public const string Dimension = "dimension";
    public const string Level = "level";
    public const string Kind = "kind";
    public const string Options = "options";
    public const string CorrectOption = "correctOption";
    public const string Explanation = "explanation";
    public const string Tags = "tags";
    public const string Active = "active";

    /// <summary>JSON only: the customer insight a question practises, which the insights feature sets.</summary>
    public const string InsightId = "insightId";

    public static IReadOnlyList<string> Csv { get; } = [Id, Text, Dimension, Level, Kind, Options, CorrectOption, Explanation, Tags, Active];

    public static IReadOnlyList<string> Json { get; } = [.. Csv, InsightId];

    public static IReadOnlyList<string> RequiredInCsv { get; } = [Id, Text, Dimension, Level, Kind];

    /// <summary>
    /// The canonical name for what a person typed: case, spaces, '_' and '-' are ignored, so "Correct option",
    /// "correct_option" and "CORRECTOPTION" all mean <see cref="CorrectOption"/>.
    /// </summary>
    public static string? Match(string name, IReadOnlyList<string> known)
    {
        var key = Squash(name);
        return known.FirstOrDefault(k => Squash(k) == key);
    }

    public static string Describe(IReadOnlyList<string> names) => string.Join(", ", names);

    private static string Squash(string value) =>
        string.Concat(value.Where(c => c is not (' ' or '_' or '-'))).ToUpperInvariant();
}
