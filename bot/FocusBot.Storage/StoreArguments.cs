namespace FocusBot.Storage;

/// <summary>
/// Search keys both backends write and query people by. What is written must also pass the domain's own checks
/// (QuestionBank.EnsureValid, AnswerBatch.EnsureOnePulse, Answer.DayOf), which each store calls.
/// </summary>
internal static class StoreArguments
{
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
