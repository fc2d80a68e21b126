using System.Text;

namespace FocusBot.Domain.Trends;

/// <summary>
/// The short phrases of a "one thing we could do better" answer, from which Voice themes are made: runs of two or three
/// meaningful words as people wrote them ("response times", "ask customers"). Single words said too little to act on
/// ("ask (32)"). A run stops at punctuation and at function words ("the", "on", "we"), so a phrase never spans two
/// thoughts; numbers and very short or very long words stop it too. Words that only echo the question or say little on
/// their own ("customers", "better", "time") may be part of a phrase but cannot make one alone. Each phrase counts once
/// per answer however often it is repeated, so one long answer cannot make a theme.
/// </summary>
public static class VoicePhrases
{
    /// <summary>At most this many phrases are taken from one answer.</summary>
    public const int MaxPhrasesPerAnswer = 24;

    public const int ShortestPhrase = 2;
    public const int LongestPhrase = 3;

    private const int LongestWord = 40;

    private static readonly HashSet<string> s_functionWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren't", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "can't", "cannot", "could",
        "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during", "each", "eg", "even", "ever", "every",
        "few", "for", "from", "further", "get", "gets", "getting", "go", "got", "had", "hadn't", "has", "hasn't", "have", "haven't",
        "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "i'm", "i've", "ie", "if",
        "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "let", "let's", "like", "lot", "lots", "many", "may",
        "maybe", "me", "might", "mine", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "often", "oh",
        "ok", "on", "once", "one", "only", "or", "other", "others", "ought", "our", "ours", "ourselves", "out", "over", "own",
        "per", "please", "quite", "rather", "really", "same", "she", "should", "shouldn't", "so", "some", "something", "sometimes",
        "still", "such", "than", "thank", "thanks", "that", "that's", "the", "their", "theirs", "them", "themselves", "then", "there",
        "there's", "these", "they", "they're", "thing", "things", "this", "those", "though", "through", "thus", "to", "too", "under",
        "until", "up", "upon", "us", "use", "used", "using", "very", "via", "vs", "want", "was", "wasn't", "way", "ways", "we", "we'd",
        "we'll", "we're", "we've", "well", "were", "weren't", "what", "what's", "when", "where", "whether", "which", "while", "who",
        "whom", "why", "will", "with", "within", "without", "won't", "would", "wouldn't", "yet", "you", "you're", "your", "yours",
        "yourself", "yourselves", "etc", "make", "making", "made", "need", "needs", "needed", "think", "feel", "sure", "able",
        "always", "never", "already", "everyone", "anyone", "someone",
    };

    /// <summary>Words that echo the Voice question ("What one thing could we do better for our customers?") or say little alone.</summary>
    private static readonly HashSet<string> s_weakWords = new(StringComparer.Ordinal)
    {
        "customer", "client", "company", "team", "improve", "improving", "improvement", "better", "best", "good", "great", "new",
        "more", "less", "fewer", "time",
    };

    /// <summary>The distinct phrases of <paramref name="text"/> as written (lower-cased), one per <see cref="Key"/>, in order of appearance.</summary>
    public static IReadOnlyList<string> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var phrases = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in Runs(text))
        {
            for (var start = 0; start < run.Count; start++)
            {
                for (var length = ShortestPhrase; length <= LongestPhrase && start + length <= run.Count; length++)
                {
                    var words = run.GetRange(start, length);
                    if (words.All(IsWeak))
                        continue;
                    var phrase = string.Join(' ', words);
                    if (!seen.Add(Key(phrase)))
                        continue;
                    phrases.Add(phrase);
                    if (phrases.Count == MaxPhrasesPerAnswer)
                        return phrases;
                }
            }
        }

        return phrases;
    }

    /// <summary>What a phrase is counted under: each word singular, so "response times" and "response time" are one theme.</summary>
    public static string Key(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Singular));
    }

    /// <summary>Whether a word may be part of a phrase but cannot make one alone.</summary>
    public static bool IsWeak(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return s_weakWords.Contains(Singular(word));
    }

    /// <summary>The runs of phrase words: split at punctuation and at words that cannot be in a phrase.</summary>
    private static IEnumerable<List<string>> Runs(string text)
    {
        var run = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC) + "\n")
        {
            // An apostrophe or hyphen inside a word belongs to it ("don't", "follow-up").
            if (char.IsLetterOrDigit(c) || (c is '\'' or '’' or '-' && word.Length > 0))
            {
                word.Append(char.ToLowerInvariant(c == '’' ? '\'' : c));
                continue;
            }

            if (word.Length > 0)
            {
                var kept = PhraseWord(word.ToString());
                word.Clear();
                if (kept is not null)
                    run.Add(kept);
                else if (run.Count > 0)
                {
                    yield return run;
                    run = [];
                }
            }

            if (!char.IsWhiteSpace(c) && run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
            yield return run;
    }

    /// <summary>The word as it may stand in a phrase, or null when it ends a run.</summary>
    private static string? PhraseWord(string word)
    {
        word = word.TrimEnd('\'', '-');
        if (word.EndsWith("'s", StringComparison.Ordinal))
            word = word[..^2];
        if (word.Length < 2 || word.Length > LongestWord || word.Any(char.IsDigit) || s_functionWords.Contains(word))
            return null;
        return word;
    }

    /// <summary>Folds regular English plurals; leaves words ending in ss, us or is ("process", "status", "analysis").</summary>
    private static string Singular(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        if (word.Length > 4 && (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)))
            return word[..^2];
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
            return word[..^1];
        return word;
    }
}
