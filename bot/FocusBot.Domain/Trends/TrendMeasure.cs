namespace FocusBot.Domain.Trends;

/// <summary>
/// What a figure measures, and the aggregate keys and buckets it is counted in. Dimension measures pool every answer
/// of that dimension; a question measure ("q:&lt;index&gt;:&lt;id&gt;") holds one question's answers (kept for the whole organisation).
/// </summary>
public static class TrendMeasure
{
    public const string Knowledge = "K";
    public const string Behaviour = "B";
    public const string Attitude = "A";
    public const string Advocacy = "ADV";
    public const string Voice = "V";
    public const string Participation = "P";
    public const string QuestionPrefix = "q:";

    /// <summary>Aggregate key of the privacy gate's decisions: bucket = a measure (1 = hidden) or <see cref="Sealed"/>.</summary>
    public const string GateKey = "gate";

    /// <summary>Bucket of the org slice's gate key: 1 once the period's figures are final and checked.</summary>
    public const string Sealed = "#sealed";

    /// <summary>Aggregate key of the index slice (bucket = slice).</summary>
    public const string SliceKey = "slice";

    /// <summary>
    /// Aggregate key of Voice phrase cells (bucket = a phrase as written, count = comments using it). Not the "term" key
    /// of the single words counted before phrases: sealed weeks keep those cells, and they must not mix into phrases.
    /// </summary>
    public const string PhraseKey = "phrase";

    public static readonly IReadOnlyList<string> Indices = [Knowledge, Behaviour, Attitude];

    /// <summary>Every dimension measure a slice can have, participation first.</summary>
    public static readonly IReadOnlyList<string> SliceMeasures = [Participation, Knowledge, Behaviour, Attitude, Advocacy, Voice];

    /// <summary>"q:K:quiz-7": the index the question feeds is part of its key, so the gate knows its family.</summary>
    public static string Question(string indexMeasure, string questionId) => QuestionPrefix + indexMeasure + ":" + questionId;

    public static bool IsQuestion(string measure) => measure.StartsWith(QuestionPrefix, StringComparison.Ordinal);

    /// <summary>The index measure and question id of a question measure.</summary>
    public static (string Index, string QuestionId) QuestionParts(string measure)
    {
        var rest = measure[QuestionPrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (string.Empty, rest) : (rest[..colon], rest[(colon + 1)..]);
    }

    public static string Name(string measure) => measure switch
    {
        Knowledge => "Knowledge",
        Behaviour => "Behaviour",
        Attitude => "Attitude",
        Advocacy => "Advocacy",
        Voice => "Voice",
        Participation => "Participation",
        _ => measure,
    };
}

/// <summary>Bucket names of the aggregate cells.</summary>
public static class TrendBuckets
{
    /// <summary>Answers counted (responses).</summary>
    public const string N = "n";

    /// <summary>Distinct respondents per pulse: a person counts once per pulse in a slice and dimension.</summary>
    public const string People = "people";

    public const string Correct = "correct";

    /// <summary>Behaviour answers of "2-3 times" or more.</summary>
    public const string AtLeastTwice = "ge2";

    /// <summary>Sum of scale values, for the mean.</summary>
    public const string Sum = "sum";

    public const string Favourable = "fav";
    public const string Unfavourable = "unfav";
    public const string Promoter = "promoter";
    public const string Detractor = "detractor";
    public const string Delivered = "delivered";
    public const string Answered = "answered";
}
