using System.Globalization;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Questions;

namespace FocusBot.Pulses;

/// <summary>
/// The answers a pulse card shows, and their stamp: the revision of the person's answer to each of the pulse's questions,
/// in question order ("2.1.0.1"; 0 for none). The card carries the stamp in its buttons' data, so a press on an older card
/// is told from a press on the current one. It says how often the person changed each answer, which their own card shows
/// them anyway, and nothing about who they are.
/// </summary>
public sealed record ShownAnswers(IReadOnlyDictionary<string, string> Values, string Stamp)
{
    /// <summary>The card data field holding the stamp.</summary>
    public const string DataKey = "shown";

    public static ShownAnswers Of(IReadOnlyList<Question> questions, IReadOnlyDictionary<string, Answer> stored)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(stored);
        return new ShownAnswers(
            stored.ToDictionary(a => a.Key, a => a.Value.Value, StringComparer.Ordinal),
            string.Join('.', questions.Select(q => (stored.TryGetValue(q.Id, out var answer) ? answer.Revision : 0).ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>A card showing no answers: what the weekly send shows, whatever the person may have answered elsewhere.</summary>
    public static ShownAnswers None(IReadOnlyList<Question> questions) => Of(questions, new Dictionary<string, Answer>());
}
