using FocusBot.Domain.Answers;
using FocusBot.Domain.Privacy;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;

namespace FocusBot.Domain.Trends;

/// <summary>
/// What HR and Executives may read of a group's comments: masked, undated, in an order that says nothing about time or
/// person, and only when there is enough of them. Built only by <see cref="VoiceComments"/>.
/// </summary>
public sealed record PublishedComments
{
    internal PublishedComments()
    {
    }

    /// <summary>The figures the comments belong to (the slice's name, the periods asked for, the thresholds).</summary>
    public required TrendReport Report { get; init; }

    /// <summary>False when nothing may be shown: too few commenters, or a group that could be isolated by subtraction.</summary>
    public bool IsShown => Comments.Count > 0;

    /// <summary>The comments, masked and in their published order; empty when hidden.</summary>
    public IReadOnlyList<string> Comments { get; init; } = [];

    /// <summary>
    /// The retention line when some of the periods asked for start before it: their comments are deleted (or partly so)
    /// and none of theirs is shown. Null when every period asked for is whole.
    /// </summary>
    public DateOnly? DeletedBefore { get; init; }

    /// <summary>How many months raw answers and comments are kept (<see cref="RawAnswerRetention.Months"/>).</summary>
    public int KeptMonths { get; init; }
}

/// <summary>
/// Reads the comments of a slice for the periods the privacy gate lets out (<see cref="PrivacyGate.CommentPeriods"/>):
/// the Voice answers of the tenant's pulses and "one thing" weeks in those periods, of the people in the slice when they
/// commented (the same filing the figures are counted from). As a second line of defence, the comments must come from
/// at least the comment threshold of distinct people, since one person may comment both in the pulse and with "one
/// thing" in the same week; otherwise none is shown. Periods starting before the retention line show none
/// (<see cref="RawAnswerRetention"/>): what is left of them is not the period's comments.
/// </summary>
public sealed class VoiceComments(PrivacyGate gate, IPulseStore pulses, IAnswerStore answers, IQuestionStore questions, RawAnswerRetention retention,
    TimeProvider timeProvider)
{
    /// <param name="maskerFor">Builds the masker for these comments (the host knows the tenant's people).</param>
    /// <param name="orderKey">A keyed hash of a comment's text: the published order, which follows neither time nor person.</param>
    public async Task<PublishedComments> PublishAsync(TrendRequest request, Func<IReadOnlyList<string>, CancellationToken, Task<CommentMasker>> maskerFor,
        Func<string, string> orderKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(maskerFor);
        ArgumentNullException.ThrowIfNull(orderKey);
        var report = await gate.PublishAsync(request with { TeamPeriods = 0, IncludeBreakdowns = false }, cancellationToken);
        var line = await retention.LineAsync(request.TenantId, cancellationToken);
        var periods = gate.CommentPeriods(report).Where(p => !RawAnswerRetention.IsRetired(p, line)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var hidden = new PublishedComments
        {
            Report = report,
            DeletedBefore = report.Periods.Any(p => RawAnswerRetention.IsRetired(p, line)) ? line : null,
            KeptMonths = retention.Months,
        };
        if (periods.Count == 0)
            return hidden;

        var bank = (await questions.ListAsync(includeInactive: true, cancellationToken)).ToDictionary(q => q.Id, StringComparer.Ordinal);
        bank.TryAdd(VoicePulses.FallbackQuestion.Id, VoicePulses.FallbackQuestion);
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var candidates = (await pulses.ListRecentAsync(TrendRebuilder.MaxPulses, cancellationToken)).Where(p => p.TenantId == request.TenantId)
            .Concat(VoicePulses.Recent(request.TenantId, today))
            .Where(p => TrendPeriod.AllFor(p.OpensAt).Any(period => periods.Contains(period.Key)));
        var team = TrendSlices.IsTeam(request.Slice) ? TrendSlices.TeamIdOf(request.Slice) : null;
        var texts = new List<string>();
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pulse in candidates)
        {
            await foreach (var answer in answers.ListByPulseAsync(pulse.Id, cancellationToken))
            {
                if (!bank.TryGetValue(answer.QuestionId, out var question) || AnswerScore.Of(question, answer.Value) is not { Measure: TrendMeasure.Voice, Text: { } text })
                    continue;
                if (team is not null && !answer.TeamIds.Contains(team, StringComparer.Ordinal))
                    continue;
                texts.Add(text);
                people.Add(answer.RespondentPseudonym);
            }
        }

        if (people.Count < gate.Thresholds.MinimumCommentGroupSize)
            return hidden;
        var masker = await maskerFor(texts, cancellationToken);
        return hidden with
        {
            Comments = [.. texts.Select(t => (Text: masker.Mask(t), Key: orderKey(t))).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Text)],
        };
    }
}
