using System.Text.Json;
using System.Text.RegularExpressions;

namespace FocusBot.TestSupport;

/// <summary>
/// The strings Teams renders as markdown in what FocusBot sends (TextBlock text, Fact title and value, TextRun text, a
/// message's text), and the check that typed or Teams-supplied text in them cannot become a link, bold or italic text,
/// a heading or an HTML tag.
/// </summary>
public static partial class RenderedText
{
    /// <summary>Each rendered string of an activity FocusBot sent: its text, and the markdown strings of its cards.</summary>
    public static IEnumerable<string> OfActivity(JsonElement activity)
    {
        if (activity.ValueKind != JsonValueKind.Object)
            yield break; // a delete carries no activity
        if (activity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            yield return text.GetString()!;
        if (!activity.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
            yield break;
        foreach (var attachment in attachments.EnumerateArray())
        {
            if (attachment.TryGetProperty("content", out var content))
            {
                foreach (var inner in OfCard(content))
                    yield return inner;
            }
        }
    }

    /// <summary>Each string of a card that Teams renders as markdown (TextRun text is literal, but checked all the same).</summary>
    public static IEnumerable<string> OfCard(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type is "TextBlock" or "TextRun" && element.TryGetProperty("text", out var text))
                yield return text.GetString()!;
            if (type == "FactSet")
            {
                foreach (var fact in element.GetProperty("facts").EnumerateArray())
                {
                    yield return fact.GetProperty("title").GetString()!;
                    yield return fact.GetProperty("value").GetString()!;
                }
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var inner in OfCard(property.Value))
                    yield return inner;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var inner in OfCard(item))
                    yield return inner;
            }
        }
    }

    /// <summary>
    /// Null when the text is safe, else what is live in it: an unescaped [ or ] (a link), an unescaped _ or a * outside
    /// a bold span FocusBot wrote around escaped text, a line starting with #, or an unescaped &lt; that could start a tag
    /// (except the &lt;at&gt;...&lt;/at&gt; of a mention FocusBot wrote, whose name holds no markup).
    /// </summary>
    public static string? LiveMarkup(string text)
    {
        var withoutOurs = OurMention().Replace(OurBold().Replace(text, "$1"), "$1");
        for (var i = 0; i < withoutOurs.Length; i++)
        {
            var c = withoutOurs[i];
            if (c is not ('[' or ']' or '_' or '*' or '<') || IsEscaped(withoutOurs, i))
                continue;
            if (c == '<' && !(i + 1 < withoutOurs.Length && (char.IsAsciiLetter(withoutOurs[i + 1]) || withoutOurs[i + 1] is '/' or '!')))
                continue;
            return $"an unescaped '{c}' at {i}";
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.TrimStart(' ').StartsWith('#'))
                return "a heading: " + line;
        }

        return null;
    }

    private static bool IsEscaped(string text, int i)
    {
        var backslashes = 0;
        for (var j = i - 1; j >= 0 && text[j] == '\\'; j--)
            backslashes++;
        return backslashes % 2 == 1;
    }

    // "**...**" FocusBot writes around a name or behaviour: fine as long as nothing inside is live markup.
    [GeneratedRegex(@"\*\*((?:[^*\\\[\]<_]|\\.)+)\*\*")]
    private static partial Regex OurBold();

    [GeneratedRegex(@"<at>([^<>*\[\]_\\]*)</at>")]
    private static partial Regex OurMention();
}
