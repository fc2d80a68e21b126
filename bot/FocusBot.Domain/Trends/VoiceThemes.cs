namespace FocusBot.Domain.Trends;

/// <summary>
/// Chooses the Voice themes of a group from how many comments used each phrase (<see cref="VoicePhrases"/>): phrases
/// used in at least the minimum number of comments, most used first, written the way most people wrote them. A phrase
/// that overlaps one already chosen is left out, so one idea does not fill the list in several cuts ("response times"
/// and "faster response times"; "support staff refund" and "refund small amounts").
/// </summary>
public static class VoiceThemes
{
    /// <param name="phraseComments">Comments per phrase as written (the aggregate buckets, summed over the periods shown).</param>
    /// <param name="minimumComments">The fewest comments a phrase must appear in to be shown.</param>
    /// <param name="max">The most themes to return.</param>
    public static IReadOnlyList<VoiceTheme> Pick(IEnumerable<KeyValuePair<string, long>> phraseComments, int minimumComments, int max)
    {
        ArgumentNullException.ThrowIfNull(phraseComments);
        var byKey = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var (phrase, comments) in phraseComments)
        {
            // A count can only be positive once every contribution is in; anything else is left out rather than trusted.
            if (comments <= 0)
                continue;
            var key = VoicePhrases.Key(phrase);
            if (!byKey.TryGetValue(key, out var forms))
                byKey[key] = forms = new Dictionary<string, long>(StringComparer.Ordinal);
            forms[phrase] = forms.GetValueOrDefault(phrase) + comments;
        }

        var candidates = byKey
            .Select(pair => (Words: pair.Key.Split(' '), Forms: pair.Value, Comments: pair.Value.Values.Sum()))
            .Where(c => c.Comments >= minimumComments)
            // Equal counts: the longer phrase says more, and holds the shorter one, which then stays out.
            .OrderByDescending(c => c.Comments).ThenByDescending(c => c.Words.Length).ThenBy(c => string.Join(' ', c.Words), StringComparer.Ordinal);
        var chosen = new List<string[]>();
        var themes = new List<VoiceTheme>();
        foreach (var (words, forms, comments) in candidates)
        {
            if (themes.Count == max)
                break;
            if (chosen.Any(other => Overlap(other, words)))
                continue;
            chosen.Add(words);
            themes.Add(new VoiceTheme(MostWritten(forms), comments));
        }

        return themes;
    }

    /// <summary>
    /// Whether two phrases are cuts of one idea: one holds the other, or one runs on into the other through a meaningful
    /// word. Sharing only a weak word is no overlap ("ask customers" and "customer feedback" are two themes).
    /// </summary>
    private static bool Overlap(string[] a, string[] b) => Holds(a, b) || Holds(b, a) || RunsInto(a, b) || RunsInto(b, a);

    private static bool Holds(string[] longer, string[] shorter)
    {
        for (var start = 0; start + shorter.Length <= longer.Length; start++)
        {
            if (longer.AsSpan(start, shorter.Length).SequenceEqual(shorter))
                return true;
        }

        return false;
    }

    /// <summary>Whether the last words of <paramref name="a"/> are the first words of <paramref name="b"/>, one of them meaningful.</summary>
    private static bool RunsInto(string[] a, string[] b)
    {
        for (var shared = 1; shared < Math.Min(a.Length, b.Length); shared++)
        {
            var tail = a.AsSpan(a.Length - shared);
            if (tail.SequenceEqual(b.AsSpan(0, shared)) && !tail.ToArray().All(VoicePhrases.IsWeak))
                return true;
        }

        return false;
    }

    /// <summary>The way most comments wrote the phrase ("response times" over "response time"); ties go to the first in order.</summary>
    private static string MostWritten(Dictionary<string, long> forms) =>
        forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
}
