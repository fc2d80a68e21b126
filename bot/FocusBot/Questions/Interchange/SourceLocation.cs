namespace FocusBot.Questions.Interchange;

/// <summary>
/// Where in an imported file something is: the line (1-based, as an editor shows it) and, for JSON, which question of
/// the array (1-based) the line belongs to.
/// </summary>
public readonly record struct SourceLocation(int Line, int? Item = null)
{
    public override string ToString() => Item is { } item ? $"line {Line} (question {item})" : $"line {Line}";
}
