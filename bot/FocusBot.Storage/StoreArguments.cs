using FocusBot.Domain.Answers;
using FocusBot.Domain.Questions;

namespace FocusBot.Storage;

/// <summary>Checks both backends make the same way before writing, so a bad import fails before anything changes.</summary>
internal static class StoreArguments
{
    /// <summary>Midnight UTC of the day: the only answer time either backend keeps (see Answer.AnsweredAt).</summary>
    public static DateTimeOffset DayOf(DateTimeOffset time) => new(time.UtcDateTime.Date, TimeSpan.Zero);

    public static void EnsureValidBank(IReadOnlyList<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            ArgumentNullException.ThrowIfNull(question, nameof(questions));
            if (string.IsNullOrEmpty(question.Id))
            {
                throw new ArgumentException("Every question needs an id.", nameof(questions));
            }

            if (!ids.Add(question.Id))
            {
                throw new ArgumentException($"The question id '{question.Id}' appears more than once in the bank.", nameof(questions));
            }
        }
    }

    public static void EnsureOnePulse(string pulseId, IReadOnlyList<Answer> answers)
    {
        ArgumentException.ThrowIfNullOrEmpty(pulseId);
        ArgumentNullException.ThrowIfNull(answers);
        var keys = new HashSet<(string, string)>();
        foreach (var answer in answers)
        {
            if (!string.Equals(answer.PulseId, pulseId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Every answer must belong to pulse '{pulseId}'.", nameof(answers));
            }

            if (!keys.Add((answer.QuestionId, answer.RespondentPseudonym)))
            {
                throw new ArgumentException("A question and respondent pair may appear only once in a batch.", nameof(answers));
            }
        }
    }

    /// <summary>At most this many search keys per name, so an odd name cannot flood the index.</summary>
    public const int MaxNameKeys = 8;

    /// <summary>Case-insensitive search key of a person's name.</summary>
    public static string NameKey(string name) => name.Trim().ToLowerInvariant();

    /// <summary>
    /// The keys a name is found under: the whole name, then the name from each later word on ("megan bowen", "bowen"),
    /// so a prefix search finds a person by first name, by surname, or by the start of the full name. Words are split
    /// at spaces only, which the SQLite migration's backfill repeats in SQL.
    /// </summary>
    public static IReadOnlyList<string> NameKeys(string? name)
    {
        var key = string.IsNullOrWhiteSpace(name) ? string.Empty : NameKey(name);
        if (key.Length == 0)
        {
            return [];
        }

        var keys = new List<string> { key };
        for (var i = 1; i < key.Length && keys.Count < MaxNameKeys; i++)
        {
            if (key[i - 1] == ' ' && key[i] != ' ')
            {
                keys.Add(key[i..]);
            }
        }

        return keys;
    }

    /// <summary>The smallest string greater than every string that starts with <paramref name="prefix"/>, for range scans.</summary>
    public static string PrefixEnd(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var last = prefix[^1];
        return last == char.MaxValue ? prefix + char.MaxValue : string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(last + 1)).ToString());
    }
}
