namespace FocusBot.Questions.Interchange;

/// <summary>One CSV record and the line it starts on (a quoted value may span several lines).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}
