using System.Text.Json;
using System.Text.RegularExpressions;

namespace FocusBot.Tests.Support;

/// <summary>
/// The text of a card as Teams shows it: one string per TextBlock and per fact title and value, with the markdown
/// escapes FocusBot adds (a backslash before punctuation, an invisible word joiner) taken out again.
/// </summary>
public static partial class ShownText
{
    public static IReadOnlyList<string> LinesOf(JsonElement card)
    {
        List<string> lines = [];
        Collect(card, lines);
        return lines;
    }

    public static string Unescape(string markdown) => Escaped().Replace(markdown, "$1").Replace("\u2060", string.Empty, StringComparison.Ordinal);

    private static void Collect(JsonElement element, List<string> lines)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                Collect(item, lines);
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
            return;
        var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "TextBlock")
            lines.Add(Unescape(element.GetProperty("text").GetString()!));
        if (type == "FactSet")
        {
            foreach (var fact in element.GetProperty("facts").EnumerateArray())
            {
                lines.Add(Unescape(fact.GetProperty("title").GetString()!));
                lines.Add(Unescape(fact.GetProperty("value").GetString()!));
            }
        }

        foreach (var property in element.EnumerateObject())
            Collect(property.Value, lines);
    }

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex Escaped();
}
