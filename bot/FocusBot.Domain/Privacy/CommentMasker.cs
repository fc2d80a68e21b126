using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FocusBot.Domain.Privacy;

/// <summary>
/// Masks what identifies a person in a comment before HR or an Executive reads it verbatim: e-mail addresses and phone
/// numbers by their shape, and the names of people FocusBot knows in the tenant (every word of each display name, so
/// first names and surnames alone are caught too). The one place comments are masked.
/// <para>Caught: addresses with any Unicode letters, in angle brackets or after "mailto:"; phone numbers of 7 to 15
/// digits written with spaces, dots, dashes, slashes or parentheses, with or without "+" or "00" and a country code
/// (as are other long numbers, e.g. order or employee numbers: better one too many masked than a phone number shown);
/// known names in any case and with or without accents ("CHLOE", "chloé"), and possessives ("Alex's" keeps its "'s").
/// A known name that is also an everyday word ("Will", "Mark", "Grace", <see cref="CommonWords"/>) is masked only when
/// written with a capital letter or next to another part of a known name ("sam carter"), so "we will" stays readable
/// while "Will said" is masked (a sentence starting "Will we..." is masked too: we err towards masking).</para>
/// <para>Missed: names of people FocusBot has never seen (customers, people in no team where FocusBot is installed and
/// without a chat with it), nicknames and misspellings ("Al" for Alex), one-letter name parts ("O'Brien" becomes
/// "O'[name]"), addresses written out ("alex at contoso dot com"), numbers of fewer than 7 digits or spelt in words,
/// and descriptions that point at one person ("our only night-shift supervisor"). HR is told comments are masked, not
/// anonymised, and the minimum number of commenters still applies.</para>
/// </summary>
public sealed partial class CommentMasker
{
    public const string NameMask = "[name]";
    public const string EmailMask = "[e-mail]";
    public const string PhoneMask = "[phone]";

    /// <summary>Name words that are everyday English words too: masked only when written with a capital.</summary>
    public static readonly IReadOnlySet<string> CommonWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "will", "mark", "bill", "grace", "hope", "joy", "may", "june", "april", "august", "rose", "faith", "dawn", "frank",
        "rich", "pat", "sue", "jack", "bob", "art", "chase", "drew", "guy", "max", "ray", "rob", "sandy", "lane", "page",
        "reed", "hunter", "king", "young", "long", "white", "black", "green", "brown", "price", "love", "bell", "ward",
        "hall", "wood", "field", "stone", "day", "case", "cook", "miles", "summer", "sky", "star", "amber", "ruby", "pearl",
        "crystal", "holly", "ivy", "iris", "major", "sterling", "carter", "baker", "mason", "taylor", "smith", "park",
        "hill", "rush", "best", "close", "short", "free", "nice", "fair", "small", "little", "north", "south", "west",
        "east", "van", "de", "la", "le", "di", "da", "del", "von", "al", "bin",
    };

    private readonly HashSet<string> _nameWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _namePairs = new(StringComparer.Ordinal);

    /// <param name="knownNames">Display names of the people FocusBot knows in the tenant.</param>
    public CommentMasker(IEnumerable<string?> knownNames)
    {
        ArgumentNullException.ThrowIfNull(knownNames);
        foreach (var name in knownNames)
        {
            var words = WordsOf(name ?? string.Empty).ToList();
            _nameWords.UnionWith(words);
            for (var i = 1; i < words.Count; i++)
                _namePairs.Add(words[i - 1] + " " + words[i]);
        }
    }

    /// <summary>The words of a text as the masker compares them: letters only, two or more, lower case, without accents.</summary>
    public static IEnumerable<string> WordsOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in Word().Matches(text))
        {
            if (match.Length >= 2)
                yield return Fold(match.Value);
        }
    }

    public string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // E-mails first: their local part can hold digits a phone pattern would take, and words a name would.
        var masked = Email().Replace(text, EmailMask);
        masked = PhoneCandidate().Replace(masked, m => IsPhone(m.Value) ? PhoneMask : m.Value);
        masked = MaskNames(masked);
        // "Alex Wilber" is one name: one mask, so the number of words does not hint at who it was.
        return AdjacentNames().Replace(masked, NameMask);
    }

    private string MaskNames(string text)
    {
        var words = Word().Matches(text);
        var builder = new StringBuilder(text.Length);
        var at = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            builder.Append(text, at, word.Index - at);
            // An everyday-word part of a name written in lower case counts when it stands next to the part it follows or
            // precedes in a known name ("sam carter"), and not otherwise ("Megan will help").
            var name = IsName(word.Value)
                || (i > 0 && Joined(text, words[i - 1], word) && _namePairs.Contains(Fold(words[i - 1].Value) + " " + Fold(word.Value)))
                || (i + 1 < words.Count && Joined(text, word, words[i + 1]) && _namePairs.Contains(Fold(word.Value) + " " + Fold(words[i + 1].Value)));
            builder.Append(name ? NameMask : word.Value);
            at = word.Index + word.Length;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    private static bool Joined(string text, Match first, Match second)
    {
        var between = text.AsSpan(first.Index + first.Length, second.Index - first.Index - first.Length);
        return between.Length > 0 && !between.ContainsAnyExcept(' ', '-');
    }

    private bool IsName(string word)
    {
        if (word.Length < 2)
            return false;
        var folded = Fold(word);
        if (!_nameWords.Contains(folded))
            return false;
        return !CommonWords.Contains(folded) || char.IsUpper(word[0]);
    }

    private static bool IsPhone(string candidate)
    {
        var digits = candidate.Count(char.IsAsciiDigit);
        if (digits is < 7 or > 15)
            return false;
        // A date is not a phone number: 2026-11-24, 24.11.2026, 24/11/2026.
        return !Date().IsMatch(candidate.Trim());
    }

    private static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"(?:mailto:)?[\p{L}\p{N}._%+\-'!#$&*=?^`{|}~]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // Starts with "+", "(" or a digit and ends with a digit; spaces (not line breaks), dots, dashes, slashes and parentheses
    // between. Not inside a word or a longer number.
    [GeneratedRegex(@"(?<![\p{L}\p{N}+])(?:\+|\()?\(?\d[\d ().\-/]*\d(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneCandidate();

    [GeneratedRegex(@"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"[\p{L}\p{M}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"\[name\](?:[ \-]+\[name\])+", RegexOptions.CultureInvariant)]
    private static partial Regex AdjacentNames();
}
