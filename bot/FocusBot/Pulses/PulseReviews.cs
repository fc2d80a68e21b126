using FocusBot.Domain.Answers;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Storage;
using Microsoft.Extensions.Options;

namespace FocusBot.Pulses;

/// <summary>The knowledge check a person's card of a pulse shows for review, and the item behind it.</summary>
public sealed record PulseReview(ReviewItem Item, Question Question)
{
    public bool AnsweredIn(string pulseId) => Item.AnsweredIn(pulseId);
}

/// <summary>What answering a review did: the review as it stands now, and whether a different later value was ignored.</summary>
public sealed record ReviewAnswer(PulseReview Review, bool Locked);

/// <summary>
/// Spaced review of missed knowledge checks (<see cref="SpacedReview"/>) for the pulse card: which item a person's card
/// of a pulse shows (the same wherever the card is built), answering it, and, as a pulse listener, a person's first
/// answer to a knowledge check of a pulse: a miss files an item under their pseudonym, a right answer ends a pending one.
/// Review answers are the person's alone: never stored as answers, never told to the pulse listeners, never counted.
/// </summary>
public sealed partial class PulseReviews(PulseBank bank, IQuestionStore questions, IReviewItemStore items, SpacedReview rule, IOptions<PulseOptions> options,
    TimeProvider timeProvider, ILogger<PulseReviews> logger) : IPulseListener
{
    private const int MaxRaceAttempts = 3;
    private readonly PulseCalendar _calendar = new(options.Value.ToSchedule());

    /// <summary>The item the person's card of <paramref name="pulse"/> shows, if any.</summary>
    public async Task<PulseReview?> ForAsync(Pulse pulse, string pseudonym, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        var mine = await items.ListForPersonAsync(pulse.TenantId, pseudonym, cancellationToken);
        if (mine.Count == 0)
            return null;
        var active = await bank.ActiveQuestionsAsync(cancellationToken);
        var chosen = SpacedReview.Choose(mine, pulse.Id, pulse.QuestionIds, SendDayOf(pulse), id => active.TryGetValue(id, out var q) && SpacedReview.IsReviewable(q));
        if (chosen is null)
            return null;
        // One answered in this pulse stays on its cards even if the bank dropped it since.
        var question = active.GetValueOrDefault(chosen.QuestionId) ?? await questions.GetAsync(chosen.QuestionId, cancellationToken);
        return question is null ? null : new PulseReview(chosen, question);
    }

    /// <summary>
    /// The person's answer to the review of <paramref name="pulse"/>: the first counts (a repeat changes nothing, a
    /// different later value is ignored), and of two racing first answers exactly one is stored.
    /// </summary>
    public async Task<ReviewAnswer> AnswerAsync(Pulse pulse, PulseReview review, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(review);
        var item = review.Item;
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            if (item.AnsweredIn(pulse.Id))
                return new ReviewAnswer(review with { Item = item }, item.ReviewValue != value);
            var next = rule.AfterReviewAnswer(item, pulse.Id, value, review.Question.IsRightAnswer(value), SendDayOf(pulse), Today());
            try
            {
                var saved = await items.SaveAsync(next, cancellationToken);
                LogReviewAnswered(logger);
                return new ReviewAnswer(review with { Item = saved }, false);
            }
            catch (ConcurrencyException)
            {
                // Another press (or a pulse answer) wrote it first: decide again on what is stored now.
                if (await items.GetAsync(item.TenantId, item.RespondentPseudonym, item.QuestionId, cancellationToken) is not { } stored)
                    return new ReviewAnswer(review, false); // erased meanwhile: nothing to answer
                item = stored;
            }
        }

        return new ReviewAnswer(review with { Item = item }, item.ReviewValue != value);
    }

    public async Task OnAnswersAsync(Pulse pulse, IReadOnlyList<AnswerChange> changes, IReadOnlyList<(Question Question, Answer Answer)> unchanged,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Only a first answer counts for a knowledge check (the card shows the solution once answered).
        foreach (var change in changes.Where(c => c.Previous is null && c.Question.Kind == QuestionKind.Quiz && c.Question.CorrectOption is not null))
            await RecordFirstAnswerAsync(change, SendDayOf(pulse), cancellationToken);
    }

    public Task OnDeliveredAsync(Pulse pulse, IReadOnlyList<string> teamIds, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RecordFirstAnswerAsync(AnswerChange change, DateOnly pulseDay, CancellationToken cancellationToken)
    {
        var answer = change.Current;
        var right = change.Question.IsRightAnswer(answer.Value);
        for (var attempt = 0; attempt < MaxRaceAttempts; attempt++)
        {
            var item = await items.GetAsync(answer.TenantId, answer.RespondentPseudonym, answer.QuestionId, cancellationToken);
            if (rule.AfterPulseAnswer(item, answer.TenantId, answer.RespondentPseudonym, answer.QuestionId, right, pulseDay, Today()) is not { } next)
                return;
            try
            {
                await items.SaveAsync(next, cancellationToken);
                return;
            }
            catch (ConcurrencyException)
            {
                // changed meanwhile: read again
            }
        }

        LogGaveUp(logger);
    }

    // The pulse's week decides when a review is due, the same for everyone whatever their time zone (SpacedReview).
    private DateOnly SendDayOf(Pulse pulse) => _calendar.CycleAt(pulse.OpensAt).SendDate;

    private DateOnly Today() => DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "A knowledge check from an earlier week was answered")]
    private static partial void LogReviewAnswered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A knowledge check's review item kept changing while a first answer was recorded; left as it was")]
    private static partial void LogGaveUp(ILogger logger);
}
