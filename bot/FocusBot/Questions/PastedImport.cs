using System.Text.RegularExpressions;

namespace FocusBot.Questions;

/// <summary>
/// The text pasted below an import command (`questions import`, `kpis import`) in the same message. Read from the raw
/// message text, because command arguments arrive with their line breaks collapsed. Line 1 of the result is the first
/// non-blank line after the command, which is how the problems card counts lines.
/// </summary>
public static partial class PastedImport
{
    public static string Extract(string? messageText) => Extract(messageText, CommandPrefix());

    /// <param name="commandPrefix">Matches the command words at the start of the message (and the spaces after them).</param>
    public static string Extract(string? messageText, Regex commandPrefix)
    {
        ArgumentNullException.ThrowIfNull(commandPrefix);
        if (messageText is null)
            return string.Empty;
        var match = commandPrefix.Match(messageText);
        var content = match.Success ? messageText[match.Length..] : string.Empty;

        // Teams turns runs of spaces into no-break spaces, which JSON does not accept as white space.
        content = content.Replace('\u00A0', ' ');
        content = StripCodeFence(content);
        return DropLeadingBlankLines(content).TrimEnd();
    }

    private static string StripCodeFence(string content)
    {
        var trimmed = content.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
            return content;
        var firstBreak = trimmed.IndexOf('\n', StringComparison.Ordinal);
        if (firstBreak < 0)
            return content;
        var body = trimmed[(firstBreak + 1)..].TrimEnd();
        return body.EndsWith("```", StringComparison.Ordinal) ? body[..^3] : body;
    }

    private static string DropLeadingBlankLines(string content)
    {
        var start = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == '\n')
                start = i + 1;
            else if (!char.IsWhiteSpace(content[i]))
                break;
        }

        return content[start..];
    }

    [GeneratedRegex(@"^\s*questions\s+import\b[ \t]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommandPrefix();
}
