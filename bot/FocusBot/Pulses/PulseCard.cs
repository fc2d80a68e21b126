using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Questions;

namespace FocusBot.Pulses;

/// <summary>
/// The pulse as a card: the form, the person's answers with "change", and the closed state. The form and the answers
/// carry the stamp of the answers they show (<see cref="ShownAnswers"/>) in their buttons' data, and ask Teams to refresh
/// them when shown, so a card opened again shows what is stored now rather than what it showed when it was sent.
/// </summary>
public static class PulseCard
{
    public const string AnswerVerb = "pulse.answer";
    public const string EditVerb = "pulse.edit";
    public const string LaterVerb = "pulse.later";
    public const string RefreshVerb = "pulse.refresh";
    public const string Title = "Your weekly customer pulse";
    public const string InputPrefix = "q.";
    public const string FirstAnswerCounts = "Knowledge check: your first answer counts and cannot be changed.";

    public static string Summary(int questions) => $"{Title}: {questions} quick questions";

    /// <summary>
    /// A person's card as it stands: their answers with "change", or the form while nothing is answered (the review
    /// included). <paramref name="notice"/> is a line above either.
    /// </summary>
    public static AdaptiveCard AsItStands(string pulseId, IReadOnlyList<Question> questions, int minimumGroupSize, ShownAnswers shown,
        DateTimeOffset closesAt, PulseReview? review, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(shown);
        return shown.Values.Count > 0 || review?.AnsweredIn(pulseId) == true
            ? Answered(pulseId, questions, shown, closesAt, notice, review)
            : Form(pulseId, questions, minimumGroupSize, shown, notice, review);
    }

    /// <param name="minimumGroupSize">Privacy:MinimumGroupSize: the card promises what the reports keep.</param>
    /// <param name="shown">The person's answers the form starts from, and their stamp.</param>
    /// <param name="problem">A line above the questions: what was wrong with the last press, or why the card changed.</param>
    /// <param name="review">The knowledge check from an earlier week this person's card shows, if any (<see cref="PulseReviews"/>).</param>
    public static AdaptiveCard Form(string pulseId, IReadOnlyList<Question> questions, int minimumGroupSize, ShownAnswers shown, string? problem = null,
        PulseReview? review = null)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var body = new List<CardElement>
        {
            new TextBlock(Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock($"{questions.Count} questions, about a minute. Confidential: results are only shown for groups of {minimumGroupSize} or more.") { IsSubtle = true },
        };
        // The problem can quote a question from the imported bank, which is not ours to format.
        if (problem is not null)
            body.Add(new TextBlock(CardText.Escape(problem)) { Color = "Attention", Weight = "Bolder" });
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var id = InputPrefix + question.Id;
            // The question is the input's label, so screen readers announce it with the choices. Labels and choice titles
            // are plain text in Teams (markdown is only rendered in TextBlock and Fact), so they are not escaped: the
            // backslashes would show.
            var label = $"{i + 1}. {question.Text}";
            shown.Values.TryGetValue(question.Id, out var value);
            if (question.Kind == QuestionKind.Quiz)
            {
                // Said before submitting, and once answered shown as text: the solution is on the answered card, so an
                // editable quiz item would let anyone turn a wrong answer into a right one.
                if (value is not null)
                {
                    body.AddRange(Locked(label, question, value));
                    continue;
                }

                body.Add(new TextBlock(FirstAnswerCounts) { IsSubtle = true, Spacing = "Medium" });
            }

            body.Add(question.Kind == QuestionKind.FreeText
                ? new TextInput { Id = id, Label = label, IsMultiline = true, MaxLength = Answer.FreeTextMaxLength, Value = value, Placeholder = "Your answer (optional)", Spacing = "Medium" }
                : Choices(id, label, question, value, required: true));
        }

        if (review is not null)
            body.AddRange(ReviewSection.Form(review, pulseId));

        var data = Data(pulseId, shown);
        body.Add(new ActionSet(
        [
            ExecuteAction.WithSubmitFallback("Submit answers", AnswerVerb, data),
            ExecuteAction.WithSubmitFallback("Remind me later", LaterVerb, data) with { AssociatedInputs = "none" },
        ]));
        return new AdaptiveCard { FallbackText = Title, Body = body, Refresh = RefreshOf(pulseId, shown) };
    }

    /// <param name="shown">The person's stored answers, and their stamp.</param>
    /// <param name="notice">Said under the heading: a change that was not saved, and why.</param>
    /// <param name="review">The knowledge check from an earlier week this person's card shows, if any.</param>
    public static AdaptiveCard Answered(string pulseId, IReadOnlyList<Question> questions, ShownAnswers shown, DateTimeOffset closesAt, string? notice = null,
        PulseReview? review = null)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var answers = shown.Values;
        var body = new List<CardElement>
        {
            new TextBlock("Thank you, your answers are in") { Size = "Large", Weight = "Bolder" },
        };
        if (notice is not null)
            body.Add(new TextBlock(notice) { Color = "Attention" });
        foreach (var question in questions)
        {
            body.Add(new TextBlock(CardText.Escape(question.Text)) { Weight = "Bolder", Spacing = "Medium" });
            if (!answers.TryGetValue(question.Id, out var value))
            {
                body.Add(new TextBlock("Not answered") { IsSubtle = true });
                continue;
            }

            body.AddRange(AnswerWithResult(question, value));
        }

        if (review is not null)
            body.AddRange(ReviewSection.Answered(review, pulseId));

        body.Add(new TextBlock(questions.Any(q => q.Kind == QuestionKind.Quiz)
            ? $"You can change your other answers until {closesAt:dddd d MMMM}; a knowledge check counts its first answer."
            : $"You can change your answers until {closesAt:dddd d MMMM}.")
        { IsSubtle = true, Spacing = "Medium" });
        body.Add(new ActionSet([ExecuteAction.WithSubmitFallback("Change answers", EditVerb, Data(pulseId, shown))]));
        return new AdaptiveCard { FallbackText = "Your pulse answers", Body = body, Refresh = RefreshOf(pulseId, shown) };
    }

    /// <summary>A knowledge check once answered, in the form: the answer as text, since the solution has been shown.</summary>
    internal static IEnumerable<CardElement> Locked(string label, Question question, string value) =>
    [
        // A TextBlock renders markdown, unlike the input label this stands in for: escaped here.
        new TextBlock(CardText.Escape(label)) { Weight = "Bolder", Spacing = "Medium" },
        new TextBlock($"Your answer: {CardText.Escape(AnswerScales.LabelOf(question, value))}. Locked: the first answer counts.") { IsSubtle = true },
    ];

    internal static ChoiceSetInput Choices(string id, string label, Question question, string? value, bool required) => new()
    {
        Id = id,
        Label = label,
        Spacing = "Medium",
        Style = question.Kind == QuestionKind.Advocacy ? "compact" : "expanded",
        Choices = [.. AnswerScales.ChoicesFor(question).Select(c => new Choice(c.Label, c.Value))],
        Value = value,
        IsRequired = required,
        ErrorMessage = required ? "Please choose an answer" : null,
    };

    /// <summary>The person's answer, and for a knowledge check whether it was right, the solution and why.</summary>
    internal static IEnumerable<CardElement> AnswerWithResult(Question question, string value)
    {
        yield return new TextBlock($"Your answer: {CardText.Escape(AnswerScales.LabelOf(question, value))}");
        if (question.Kind != QuestionKind.Quiz || question.CorrectOption is not { } correct)
            yield break;
        var right = question.IsRightAnswer(value);
        yield return new TextBlock(right ? "Correct" : $"Not quite: the answer is \"{CardText.Escape(question.Options[correct])}\"")
        {
            Color = right ? "Good" : "Attention",
            Weight = "Bolder",
        };
        if (question.Explanation is { Length: > 0 } why)
            yield return new TextBlock(CardText.Escape(why)) { IsSubtle = true };
    }

    // The pulse and the stamp of the answers shown: nothing that names the person, who is known from the press itself.
    private static JsonObject Data(string pulseId, ShownAnswers shown) => new() { ["pulseId"] = pulseId, [ShownAnswers.DataKey] = shown.Stamp };

    private static CardRefresh RefreshOf(string pulseId, ShownAnswers shown) =>
        new(new ExecuteAction("Show my current answers", RefreshVerb) { Data = Data(pulseId, shown) });

    public static AdaptiveCard Closed(DateTimeOffset closedAt, bool answered) => new()
    {
        FallbackText = "This pulse has closed",
        Body =
        [
            new TextBlock("This pulse has closed") { Size = "Large", Weight = "Bolder" },
            new TextBlock(answered
                ? $"It closed on {closedAt:dddd d MMMM}. Your answers were counted, thank you."
                : $"It closed on {closedAt:dddd d MMMM}. The next one comes soon.") { IsSubtle = true },
        ],
    };
}
