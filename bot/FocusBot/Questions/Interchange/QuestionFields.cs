namespace FocusBot.Questions.Interchange;

/// <summary>
/// One question as read from a file, before validation: every value as the person wrote it (numbers and flags as
/// text), with where each came from so a problem can name the line.
/// </summary>
public sealed class QuestionFields
{
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);

    public QuestionFields(SourceLocation location) => Location = location;

    /// <summary>Where the question starts: its CSV line, or the line of its JSON object.</summary>
    public SourceLocation Location { get; }

    public string? Id { get; set; }

    public string? Text { get; set; }

    public string? Dimension { get; set; }

    public string? Level { get; set; }

    public string? Kind { get; set; }

    public IReadOnlyList<string>? Options { get; set; }

    public string? CorrectOption { get; set; }

    public string? Explanation { get; set; }

    public IReadOnlyList<string>? Tags { get; set; }

    public string? Active { get; set; }

    public string? InsightId { get; set; }

    /// <summary>Sets a field held as text by its column (a CSV header, a JSON property name), as both formats read them.</summary>
    public void SetText(string column, string? value)
    {
        switch (column)
        {
            case QuestionColumns.Id: Id = value; break;
            case QuestionColumns.Text: Text = value; break;
            case QuestionColumns.Dimension: Dimension = value; break;
            case QuestionColumns.Level: Level = value; break;
            case QuestionColumns.Kind: Kind = value; break;
            case QuestionColumns.CorrectOption: CorrectOption = value; break;
            case QuestionColumns.Explanation: Explanation = value; break;
            case QuestionColumns.Active: Active = value; break;
            case QuestionColumns.InsightId: InsightId = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(column), column, "Not a field held as text.");
        }
    }

    /// <summary>Remembers the line a field was written on (JSON objects span several lines).</summary>
    public void Locate(string field, SourceLocation location) => _locations[field] = location;

    public SourceLocation LocationOf(string field) => _locations.TryGetValue(field, out var location) ? location : Location;
}
