using FocusBot.Cards;

namespace FocusBot.Pulses;

/// <summary>
/// The pulse card's section for a knowledge check from an earlier week (<see cref="PulseReviews"/>), after the pulse's
/// own questions: said to be for the person alone and counted in no figure. Its input is named
/// <see cref="InputPrefix"/> + question id, apart from the pulse's "q." inputs, and the card's data names nobody.
/// </summary>
public static class ReviewSection
{
    public const string InputPrefix = "r.";
    public const string Heading = "From an earlier week";
    public const string ForYouAlone = "A knowledge check you missed before, back for you alone: only you see it and your answer, and it is not counted in any figure.";

    public static IEnumerable<CardElement> Form(PulseReview review, string pulseId)
    {
        ArgumentNullException.ThrowIfNull(review);
        var question = review.Question;
        var label = question.Text;
        IEnumerable<CardElement> answer = review.AnsweredIn(pulseId)
            ? PulseCard.Locked(label, question, review.Item.ReviewValue!)
            :
            [
                new TextBlock(PulseCard.FirstAnswerCounts) { IsSubtle = true, Spacing = "Medium" },
                // Not required: the pulse can be sent without it.
                PulseCard.Choices(InputPrefix + question.Id, label, question, null, required: false),
            ];
        return [.. Header(), .. answer];
    }

    public static IEnumerable<CardElement> Answered(PulseReview review, string pulseId)
    {
        ArgumentNullException.ThrowIfNull(review);
        var answered = review.AnsweredIn(pulseId);
        return
        [
            .. Header(),
            new TextBlock(CardText.Escape(review.Question.Text)) { Weight = "Bolder", Spacing = "Medium" },
            .. answered
                ? PulseCard.AnswerWithResult(review.Question, review.Item.ReviewValue!)
                : [new TextBlock("Not answered yet: press Change answers to answer it.") { IsSubtle = true }],
        ];
    }

    private static CardElement[] Header() =>
    [
        new TextBlock(Heading) { Size = "Medium", Weight = "Bolder", Separator = true, Spacing = "Large" },
        new TextBlock(ForYouAlone) { IsSubtle = true },
    ];
}
