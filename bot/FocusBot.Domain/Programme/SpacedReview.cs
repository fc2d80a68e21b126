using FocusBot.Domain.Questions;

namespace FocusBot.Domain.Programme;

/// <summary>
/// Spaced review of missed knowledge checks: a quiz item a person missed comes back to them alone, in a later pulse card,
/// until they answer it right. It is due from the Monday of the week <see cref="Weeks"/> weeks after the week of the
/// pulse it was missed in, so the pulse of that week asks it, and it tests what stayed rather than the solution the
/// answered card just showed. Weeks are the pulses' own (their send day, the same calendar day for everyone), not the
/// day anyone answers on: Monday morning in Auckland is still Sunday in UTC. Missed again (in a review or in a pulse),
/// it is due the same interval later; answered right, it is learnt and does not come back. A card holds at most one
/// (<see cref="Choose"/>).
/// </summary>
public sealed record SpacedReview
{
    public const int DefaultWeeks = 2;
    public const int MinWeeks = 1;
    public const int MaxWeeks = 8;

    public int Weeks { get; init; } = DefaultWeeks;

    /// <summary>Whether a question can be reviewed at all: an active knowledge check with a right answer.</summary>
    public static bool IsReviewable(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Active && question.Kind == QuestionKind.Quiz && question.CorrectOption is not null;
    }

    /// <summary>The day a miss in the pulse sent on <paramref name="pulseDay"/> comes back from.</summary>
    public DateOnly DueAfter(DateOnly pulseDay) => pulseDay.AddDays(-(((int)pulseDay.DayOfWeek + 6) % 7)).AddDays(7 * Weeks);

    /// <summary>
    /// After the person's first answer to a knowledge check asked in the pulse sent on <paramref name="pulseDay"/>: a miss
    /// creates the item or makes it pending again, due an interval later; a right answer to a pending item marks it learnt.
    /// Null when nothing changes. <paramref name="today"/> is when the item was created or changed.
    /// </summary>
    public ReviewItem? AfterPulseAnswer(ReviewItem? item, string tenantId, string respondentPseudonym, string questionId, bool right, DateOnly pulseDay,
        DateOnly today)
    {
        if (right)
            return item is { State: ReviewState.Pending } ? item with { State = ReviewState.Learnt, UpdatedOn = today } : null;
        return item is null
            ? new ReviewItem
            {
                TenantId = tenantId,
                RespondentPseudonym = respondentPseudonym,
                QuestionId = questionId,
                State = ReviewState.Pending,
                Misses = 1,
                DueOn = DueAfter(pulseDay),
                CreatedOn = today,
                UpdatedOn = today,
            }
            : item with { State = ReviewState.Pending, Misses = item.Misses + 1, DueOn = DueAfter(pulseDay), UpdatedOn = today };
    }

    /// <summary>
    /// After the person's first answer to the item as a review in <paramref name="pulseId"/>, sent on
    /// <paramref name="pulseDay"/>: learnt, or due again an interval later.
    /// </summary>
    public ReviewItem AfterReviewAnswer(ReviewItem item, string pulseId, string value, bool right, DateOnly pulseDay, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        var answered = item with { ReviewPulseId = pulseId, ReviewValue = value, UpdatedOn = today };
        return right
            ? answered with { State = ReviewState.Learnt }
            : answered with { Misses = item.Misses + 1, DueOn = DueAfter(pulseDay) };
    }

    /// <summary>
    /// The one item a person's card of a pulse shows: the one they already answered in this pulse, if any (so every card
    /// of the pulse shows the same), else the pending one due earliest (due on or before the pulse's send day,
    /// <paramref name="pulseDay"/>) whose question <paramref name="isReviewable"/> says can still be asked and is not one
    /// of the pulse's own questions.
    /// </summary>
    public static ReviewItem? Choose(IEnumerable<ReviewItem> items, string pulseId, IReadOnlyCollection<string> pulseQuestionIds, DateOnly pulseDay,
        Func<string, bool> isReviewable)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(pulseQuestionIds);
        ArgumentNullException.ThrowIfNull(isReviewable);
        var candidates = items.Where(i => !pulseQuestionIds.Contains(i.QuestionId)).ToList();
        return candidates.Where(i => i.AnsweredIn(pulseId)).OrderBy(i => i.QuestionId, StringComparer.Ordinal).FirstOrDefault()
            ?? candidates.Where(i => i.State == ReviewState.Pending && i.DueOn <= pulseDay && isReviewable(i.QuestionId))
                .OrderBy(i => i.DueOn).ThenBy(i => i.QuestionId, StringComparer.Ordinal).FirstOrDefault();
    }
}
