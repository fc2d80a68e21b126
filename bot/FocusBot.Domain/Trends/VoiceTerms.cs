using System.Text;

namespace FocusBot.Domain.Trends;

/// <summary>
/// The meaningful terms of a "one thing we could do better" answer: lower-cased words of three letters or more, with
/// stop words, words that only echo the question, and numbers dropped, and simple plurals folded ("issues" → "issue").
/// Each term counts once per answer, so one long answer cannot dominate a theme.
/// </summary>
public static class VoiceTerms
{
    /// <summary>At most this many terms are taken from one answer.</summary>
    public const int MaxTermsPerAnswer = 24;

    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        // Common English function words.
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren't", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "can't", "cannot", "could",
        "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during", "each", "even", "ever", "every",
        "few", "for", "from", "further", "get", "gets", "getting", "got", "had", "hadn't", "has", "hasn't", "have", "haven't",
        "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "i'm", "i've", "if",
        "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "let", "let's", "like", "lot", "lots", "many", "may",
        "maybe", "me", "might", "mine", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off",
        "often", "on", "once", "one", "only", "or", "other", "others", "ought", "our", "ours", "ourselves", "out", "over", "own",
        "per", "please", "quite", "rather", "really", "same", "she", "should", "shouldn't", "so", "some", "something", "sometimes",
        "still", "such", "than", "that", "that's", "the", "their", "theirs", "them", "themselves", "then", "there", "there's",
        "these", "they", "they're", "thing", "things", "this", "those", "though", "through", "thus", "to", "too", "under", "until",
        "up", "upon", "us", "use", "used", "using", "very", "via", "want", "was", "wasn't", "way", "ways", "we", "we'd", "we'll",
        "we're", "we've", "well", "were", "weren't", "what", "what's", "when", "where", "whether", "which", "while", "who",
        "whom", "why", "will", "with", "within", "without", "won't", "would", "wouldn't", "yet", "you", "you're", "your", "yours",
        "yourself", "yourselves", "etc", "make", "making", "made", "need", "needs", "needed", "think", "feel", "sure", "able",
        "better", "best", "good", "great", "new", "time", "times", "always", "never", "already", "everyone", "anyone", "someone",
        // Words that only echo the Voice question ("What one thing could we do better for our customers?").
        "customer", "customers", "client", "clients", "improve", "improving", "improvement", "company", "team", "teams",
    };

    /// <summary>The distinct terms of <paramref name="text"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC) + " ")
        {
            if (char.IsLetterOrDigit(c) || ((c == '\'' || c == '’') && word.Length > 0))
            {
                word.Append(char.ToLowerInvariant(c == '’' ? '\'' : c));
                continue;
            }

            if (word.Length > 0 && Term(word.ToString().TrimEnd('\'')) is { } term && seen.Add(term))
            {
                terms.Add(term);
                if (terms.Count == MaxTermsPerAnswer)
                    break;
            }

            word.Clear();
        }

        return terms;
    }

    private static string? Term(string word)
    {
        if (word.Length < 3 || s_stopWords.Contains(word) || word.Any(char.IsDigit) || word.Length > 40)
            return null;
        if (word.EndsWith("'s", StringComparison.Ordinal))
            word = word[..^2];
        var singular = Singular(word);
        return singular.Length < 3 || s_stopWords.Contains(singular) ? null : singular;
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
