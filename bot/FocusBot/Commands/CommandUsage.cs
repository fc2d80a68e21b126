namespace FocusBot.Commands;

/// <summary>
/// How a command is typed, as help shows it. Forms use one notation: [optional], &lt;yours to fill in&gt;, a|b for one of
/// them. Each form and the example must be what the command's handler really accepts.
/// </summary>
/// <param name="Forms">One line per way of typing the command, the bare command first.</param>
/// <param name="Example">One real line to type, with made-up values where the reader fills some in.</param>
public sealed record CommandUsage(IReadOnlyList<string> Forms, string Example)
{
    /// <summary>What `help &lt;command&gt;` adds: defaults, limits, what happens next.</summary>
    public string? Details { get; init; }

    public const string Notation = "[ ] is optional, < > is yours to fill in, | means one of.";

    /// <summary>False for a command typed bare: its one form is already the example, and there is no notation to explain.</summary>
    public bool HasArguments => Forms.Count > 1 || Example != Forms[0];
}
