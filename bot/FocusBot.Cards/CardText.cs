using System.Globalization;
using System.Text;

namespace FocusBot.Cards;

/// <summary>
/// Makes text people typed safe to show in a card. TextBlock and Fact text is rendered as markdown, so typed text must
/// not be able to format itself (bold, headings, lists), add links or images, mention someone, pull in card functions
/// ({{DATE()}}) or attributes ({.class}), or hide itself with control and bidi characters; and it must stay short.
/// </summary>
public static class CardText
{
    /// <summary>Appended when text is cut to its bound.</summary>
    public const string Ellipsis = "…";

    /// <summary>The bound <see cref="Escape"/> applies: far above any name, well under a card's 28 KB.</summary>
    public const int MaxEscapedLength = 2000;

    // CommonMark lets a backslash make any ASCII punctuation literal. These can start or end markup anywhere in a line:
    // emphasis, code, links and images, autolinks and <at> mentions, strikethrough, tables, and markdown-it-attrs' {...}.
    private const string AlwaysEscaped = "\\`*_[]<>~|{}";

    // Escaped in card text besides: parentheses (a link's target half), and & (a typed "&lt;b&gt;" must not be decoded
    // into a tag, nor "&amp;" into "&"). "\&" and "\(" render as the plain character, so "Sales & Support" reads as typed.
    private const string AlsoEscapedInText = "()&";

    // After an escaped "<": a word joiner, so that even a client that ignored the backslash could not read a tag or an
    // autolink (both need a letter, "/" or "!" right after the "<").
    private const char WordJoiner = '\u2060';

    /// <summary>
    /// Text for a TextBlock or Fact: cleaned, bounded to <paramref name="maxLength"/> characters (before escaping),
    /// with markdown neutralised and line breaks kept as paragraph breaks.
    /// </summary>
    public static string Markdown(string? text, int maxLength)
    {
        var clean = Bound(Clean(text), maxLength);
        var output = new StringBuilder(clean.Length + 16);
        foreach (var line in clean.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // Markdown joins single line breaks into one paragraph; a blank line between lines keeps them apart.
            if (output.Length > 0)
                output.Append("\n\n");
            AppendLine(output, line);
        }

        return output.ToString();
    }

    /// <summary>
    /// <see cref="Markdown(string?, int)"/> for a string with no bound of its own (a team, channel or person name, a
    /// theme): the one escape every Teams- or user-supplied string goes through on its way into a TextBlock or Fact.
    /// </summary>
    public static string Escape(string? text) => Markdown(text, MaxEscapedLength);

    /// <summary>
    /// Text that is not rendered as markdown (input values, choice titles, fallback text, notification summaries):
    /// cleaned and bounded, otherwise as typed.
    /// </summary>
    public static string Plain(string? text, int maxLength) => Bound(Clean(text), maxLength);

    /// <summary>
    /// A display name for inside &lt;at&gt;...&lt;/at&gt;: one line, no angle brackets or markdown, bounded. The same
    /// string must be used in the card text and in the mention entity.
    /// </summary>
    public static string MentionName(string? name)
    {
        var clean = Plain(name, 64).Replace('\n', ' ');
        var output = new StringBuilder(clean.Length);
        foreach (var c in clean)
        {
            if (AlwaysEscaped.Contains(c, StringComparison.Ordinal))
                continue;
            output.Append(c);
        }

        var result = output.ToString().Trim();
        if (result.Length == 0)
            return "colleague";
        // A display name is no place for a link either.
        var unlinked = new StringBuilder(result.Length + 4);
        for (var i = 0; i < result.Length; i++)
        {
            if (!TryBreakLink(unlinked, result, ref i))
                unlinked.Append(result[i]);
        }

        return unlinked.ToString();
    }

    /// <summary>
    /// Removes control, format-override and invisible separator characters, turns any line break into \n and tabs
    /// into spaces, trims every line, allows at most one empty line in a row, and trims the whole.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                output.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
            }
            else if (c is '\n' or '\u2028' or '\u2029' or '\u0085')
                output.Append('\n');
            else if (c == '\t')
                output.Append(' ');
            else if (!IsHidden(c))
                output.Append(c);
        }

        var lines = output.ToString().Split('\n').Select(line => line.Trim());
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && (kept.Count == 0 || kept[^1].Length == 0))
                continue;
            kept.Add(line);
        }

        return string.Join('\n', kept).Trim();
    }

    /// <summary>The length the limits are checked against: UTF-16 units, as Input.Text's maxLength counts.</summary>
    public static int Length(string? text) => Clean(text).Length;

    private static string Bound(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
            return text;
        var cut = maxLength - Ellipsis.Length;
        // Never split a surrogate pair: half an emoji renders as a replacement box.
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return text[..Math.Max(0, cut)].TrimEnd() + Ellipsis;
    }

    private static void AppendLine(StringBuilder output, string line)
    {
        // Block markers only count at the start of a line: headings, quotes, list items, thematic breaks, setext underlines.
        var start = 0;
        if (line.Length > 0 && line[0] is '#' or '+' or '-' or '=')
        {
            output.Append('\\').Append(line[0]);
            start = 1;
        }
        else
        {
            var digits = 0;
            while (digits < line.Length && digits < 9 && char.IsAsciiDigit(line[digits]))
                digits++;
            if (digits > 0 && digits < line.Length && line[digits] is '.' or ')')
            {
                output.Append(line, 0, digits).Append('\\').Append(line[digits]);
                start = digits + 1;
            }
        }

        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '<')
            {
                output.Append('\\').Append(c).Append(WordJoiner);
            }
            else if (AlwaysEscaped.Contains(c, StringComparison.Ordinal) || AlsoEscapedInText.Contains(c, StringComparison.Ordinal))
            {
                output.Append('\\').Append(c);
            }
            else if (!TryBreakLink(output, line, ref i))
            {
                output.Append(c);
            }
        }
    }

    /// <summary>
    /// Clients that turn bare URLs into links look for "scheme://" and "www."; an invisible word joiner after the colon
    /// or the "www" keeps the text as it reads and the link dead. Returns false when <paramref name="i"/> starts neither.
    /// </summary>
    private static bool TryBreakLink(StringBuilder output, string text, ref int i)
    {
        if (text[i] == ':' && i + 2 < text.Length && text[i + 1] == '/' && text[i + 2] == '/')
        {
            output.Append(":\u2060");
            return true;
        }

        if (text[i] is 'w' or 'W' && IsWwwDot(text, i))
        {
            output.Append(text, i, 3).Append('\u2060');
            i += 2;
            return true;
        }

        return false;
    }

    private static bool IsWwwDot(string line, int i) =>
        i + 3 < line.Length && line[i + 3] == '.'
        && string.Equals(line.Substring(i, 3), "www", StringComparison.OrdinalIgnoreCase)
        && (i == 0 || !char.IsLetterOrDigit(line[i - 1]));

    private static bool IsHidden(char c)
    {
        if (char.IsControl(c))
            return true;
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            // Format characters (bidi overrides and isolates, zero-width joiners, soft hyphen, BOM) can reorder or hide
            // text; a surrogate of an emoji is not one of them.
            UnicodeCategory.Format => c is not '\u200D', // keep ZWJ: it joins emoji sequences people do type
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
            _ => false,
        };
    }
}
