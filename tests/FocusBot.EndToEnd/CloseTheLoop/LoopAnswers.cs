using System.Globalization;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Pulses;

namespace FocusBot.EndToEnd.CloseTheLoop;

/// <summary>
/// What the ten people (Alex, then the nine simulated colleagues) answer, chosen so the week's figures are known beforehand
/// (7 of 10 answer the knowledge check right, 6 of 10 acted for customers at least 2-3 times, 8 of 10 agree), and what they
/// write to the Voice question: three phrases shared by at least Privacy:MinimumTermMentions (3) comments each, so they
/// become themes, and Alex's comment carries an e-mail address and a phone number for the masker. Ten commenters are
/// exactly the default Privacy:MinimumCommentGroupSize.
/// </summary>
internal static class LoopAnswers
{
    public const string AlexEmail = "alex.wilber@contoso.com";
    public const string AlexPhone = "020 7946 0958";

    /// <summary>Each person's Voice comment, Alex's first.</summary>
    public static readonly IReadOnlyList<string> Comments =
    [
        $"Call customers back the same day; reach me at {AlexEmail} or {AlexPhone} to talk it through",
        "Call customers back when we promise to",
        "Faster refunds for damaged orders",
        "Call customers back before the end of the day",
        "Faster refunds, customers wait weeks",
        "Live order tracking on the website",
        "Call customers back within an hour",
        "Order tracking that shows the courier",
        "Faster refunds without a manager's approval",
        "Better order tracking emails",
    ];

    /// <summary>Alex's comment as HR must read it: the address and the number masked, the rest verbatim.</summary>
    public static readonly string AlexCommentMasked = "Call customers back the same day; reach me at [e-mail] or [phone] to talk it through";

    /// <summary>The themes the comments make, most used first, and how many comments use each.</summary>
    public static readonly IReadOnlyList<(string Phrase, int Comments)> Themes = [("call customers back", 4), ("faster refunds", 3), ("order tracking", 3)];

    public static int People => Comments.Count;

    /// <summary>Person <paramref name="person"/>'s answer (the stored value) to <paramref name="question"/>.</summary>
    public static string ValueFor(Question question, int person) => question switch
    {
        { Kind: QuestionKind.FreeText } => Comments[person],
        { Kind: QuestionKind.Quiz, CorrectOption: { } correct } => (person < 7 ? correct : Enumerable.Range(0, question.Options.Count).First(i => i != correct))
            .ToString(CultureInfo.InvariantCulture),
        // 2-3 times, or once.
        { Kind: QuestionKind.Frequency } => person < 6 ? "2" : "1",
        // Agree, or disagree.
        { Kind: QuestionKind.Agreement } => person < 8 ? "4" : "2",
        _ => AnswerScales.ChoicesFor(question)[^2].Value,
    };

    /// <summary>The organisation's figure for <paramref name="measure"/> as the results card shows it, when the pulse asked it.</summary>
    public static string Figure(string measure) => measure switch
    {
        TrendMeasure.Knowledge => "70%",
        TrendMeasure.Behaviour => "60%",
        TrendMeasure.Attitude => "80%",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not an index of the results card."),
    };

    /// <summary>The index a question's answers count towards, or null for one outside the three (advocacy, Voice).</summary>
    public static string? IndexOf(Question question) => question.Kind switch
    {
        QuestionKind.Quiz => TrendMeasure.Knowledge,
        QuestionKind.Frequency => TrendMeasure.Behaviour,
        QuestionKind.Agreement => TrendMeasure.Attitude,
        _ => null,
    };
}
