using System.Text.Json;
using FocusBot.Domain.Questions;

namespace FocusBot.Questions;

/// <summary>
/// Splits the active questions into pages for the list card. A page ends at <see cref="MaxPerPage"/> questions or when
/// its text would pass <see cref="TextBudgetBytes"/> as JSON on the wire (non-Latin text is escaped to six bytes a
/// character), which keeps every page card well under Teams' 28 KB.
/// </summary>
public static class QuestionListPages
{
    public const int MaxPerPage = 20;
    public const int TextBudgetBytes = 16 * 1024;

    /// <summary>Room for the markup around each question (two text blocks and their properties).</summary>
    private const int PerQuestionOverhead = 160;

    public static IReadOnlyList<IReadOnlyList<Question>> Split(IReadOnlyList<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var pages = new List<IReadOnlyList<Question>>();
        var page = new List<Question>();
        var bytes = 0;
        foreach (var question in questions)
        {
            var cost = WireBytes(question.Text) + WireBytes(question.Id) + PerQuestionOverhead;
            if (page.Count > 0 && (page.Count == MaxPerPage || bytes + cost > TextBudgetBytes))
            {
                pages.Add(page);
                page = [];
                bytes = 0;
            }

            page.Add(question);
            bytes += cost;
        }

        if (page.Count > 0)
            pages.Add(page);
        return pages;
    }

    private static int WireBytes(string text) => JsonEncodedText.Encode(text).EncodedUtf8Bytes.Length;
}
