using System.Globalization;
using System.Text;
using FocusBot.Protocol.Activities;
using FocusBot.Questions.Interchange;

namespace FocusBot.Questions;

/// <summary>
/// The export as chat messages. Teams cannot take an arbitrary file from a bot without a OneDrive upload flow, so the
/// file's text goes in a markdown code block, which Teams shows monospaced with line breaks intact, ready to select and
/// copy. A bank too big for one message is split at line ends into numbered parts whose blocks, joined in order, are
/// the file.
/// </summary>
public static class QuestionExportMessages
{
    /// <summary>
    /// Characters of file text per message. Teams counts a message's size in UTF-16 and has documented limits from
    /// 40 KB to ~100 KB; 16,000 characters is 32 KB in UTF-16, with room for the escaping on the wire.
    /// </summary>
    public const int MaxCharsPerMessage = 16_000;

    private const string Fence = "```";

    public static IReadOnlyList<Activity> Create(QuestionFileFormat format, string content, int questionCount, int activeCount)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = format == QuestionFileFormat.Json ? "JSON" : "CSV";
        var parts = Split(content, MaxCharsPerMessage);
        var messages = new List<Activity>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var heading = new StringBuilder();
            if (i == 0)
            {
                heading.Append(CultureInfo.InvariantCulture, $"**Question bank as {name}**: {questionCount} questions, {activeCount} active. ");
                heading.Append("Edit it and send it back with `questions import`, pasted below the command or attached as a file. ");
                heading.Append("Questions you leave out are kept as inactive, so past results keep their wording.");
                if (format == QuestionFileFormat.Csv)
                    heading.Append(" Values starting with = + - or @ carry a leading ' so spreadsheets do not run them; the import removes it.");
            }

            if (parts.Count > 1)
                heading.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "\n\n" : string.Empty)}Part {i + 1} of {parts.Count}: join the parts in order into one file.");
            messages.Add(new Activity
            {
                Type = ActivityTypes.Message,
                TextFormat = "markdown",
                Summary = $"Question bank export ({name}){(parts.Count > 1 ? $", part {i + 1} of {parts.Count}" : string.Empty)}",
                Text = $"{heading}\n\n{Fence}\n{parts[i]}\n{Fence}",
            });
        }

        return messages;
    }

    /// <summary>Cuts at line ends only, so no question is split across messages unless one line alone is over the limit.</summary>
    internal static IReadOnlyList<string> Split(string content, int maxChars)
    {
        var text = content.TrimEnd('\r', '\n');
        var parts = new List<string>();
        var start = 0;
        while (text.Length - start > maxChars)
        {
            var end = text.LastIndexOf('\n', start + maxChars - 1, maxChars);
            var cut = end > start ? end + 1 : start + maxChars;
            parts.Add(text[start..cut].TrimEnd('\r', '\n'));
            start = cut;
        }

        parts.Add(text[start..]);
        return parts;
    }
}
