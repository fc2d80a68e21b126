namespace FocusBot.Questions.Interchange;

/// <summary>One reason an import was refused, e.g. "line 7: quiz question needs 2-6 options (it has 1)".</summary>
public sealed record ImportProblem(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
