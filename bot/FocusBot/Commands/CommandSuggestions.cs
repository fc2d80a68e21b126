namespace FocusBot.Commands;

/// <summary>
/// "Did you mean ...?": the names closest to what someone typed, by the start they typed ("insi" for insights) or by a
/// few slips of the keyboard ("tremds" for trends), ignoring case. Callers pass only names the reader may use.
/// </summary>
public static class CommandSuggestions
{
    public const int MaxSuggestions = 3;

    // A start shorter than this fits too many commands to be a guess worth offering.
    private const int MinimumStart = 3;

    /// <summary>The closest of <paramref name="names"/> to the start of <paramref name="typed"/>, best first; empty if none is close.</summary>
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> names)
    {
        var words = typed.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return [];
        var scored = names
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(name => (Name: name, Score: Score(words, name.ToLowerInvariant())))
            .Where(s => s.Score is not null)
            .Select(s => (s.Name, Score: s.Score!.Value))
            .ToList();
        if (scored.Count == 0)
            return [];
        var best = scored.Min(s => s.Score.Distance);
        return [.. scored.Where(s => s.Score.Distance == best).OrderBy(s => s.Score.Missing).Select(s => s.Name).Take(MaxSuggestions)];
    }

    /// <summary>"Did you mean `a` or `b`?", or null when there is nothing to suggest.</summary>
    public static string? DidYouMean(IReadOnlyList<string> suggestions, string quote = "`") =>
        suggestions.Count == 0 ? null : $"Did you mean {EnglishList.Or([.. suggestions.Select(s => quote + s + quote)])}?";

    /// <summary>
    /// Compares the name with the typed text's first words (as many as the name has, or one more, so "onething" and
    /// "one thng" both count). Distance 0 is an exact start; Missing is how much of the name is left to type.
    /// </summary>
    private static (int Distance, int Missing)? Score(string[] words, string name)
    {
        var nameWords = name.Count(c => c == ' ') + 1;
        (int Distance, int Missing)? best = null;
        for (var take = 1; take <= Math.Min(words.Length, nameWords + 1); take++)
        {
            var head = string.Join(' ', words.Take(take));
            (int, int)? score = head.Length >= MinimumStart && name.StartsWith(head, StringComparison.Ordinal)
                ? (0, name.Length - head.Length)
                : Math.Abs(head.Length - name.Length) <= Tolerance(name) && EditDistance(head, name) is var d && d <= Tolerance(name)
                    ? (d, 0)
                    : null;
            if (score is { } s && (best is null || s.CompareTo(best.Value) < 0))
                best = s;
        }

        return best;
    }

    // Short names get one slip: two would make most short words ("hi", "yes", "test") look like some command.
    private static int Tolerance(string name) => name.Length switch
    {
        <= 4 => 1,
        <= 7 => 2,
        _ => 3,
    };

    /// <summary>Edits (insert, delete, replace, swap two neighbours) that turn one string into the other.</summary>
    private static int EditDistance(string a, string b)
    {
        var width = b.Length + 1;
        var d = new int[(a.Length + 1) * width];
        for (var i = 0; i <= a.Length; i++)
            d[i * width] = i;
        for (var j = 0; j <= b.Length; j++)
            d[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1), d[(i - 1) * width + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    best = Math.Min(best, d[(i - 2) * width + j - 2] + 1);
                d[i * width + j] = best;
            }
        }

        return d[a.Length * width + b.Length];
    }
}
