using System.Globalization;
using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Questions;

namespace FocusBot.Domain.Trends;

/// <summary>
/// The one place privacy rules are applied: every report route (the Teams card, the HR digest, the report page and
/// the CSV export) gets its figures from <see cref="PublishAsync"/>, and only figures this class lets out exist
/// (<see cref="PublishedFigure"/> cannot be made elsewhere). A period is shown once it is sealed: its pulses have
/// closed and <see cref="SealAsync"/> has decided, across every slice at once, which figures to hide (see
/// <see cref="SuppressionPlanner"/>). Showing only sealed periods also means no one can watch a figure move answer by
/// answer while a pulse is open and read each new answer from the difference.
/// </summary>
public sealed partial class PrivacyGate(
    IAggregateStore aggregates,
    IQuestionStore questions,
    IConversationStore conversations,
    PrivacyThresholds thresholds,
    TimeProvider timeProvider)
{
    private const int MaxThemes = 8;
    private const int ParallelReads = 8;
    private static readonly TimeSpan s_teamNameLifetime = TimeSpan.FromMinutes(1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyDictionary<string, string> Names)> _teamNames =
        new(StringComparer.Ordinal);

    public PrivacyThresholds Thresholds => thresholds;

    public async Task<TrendReport> PublishAsync(TrendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.TeamOnly && !TrendSlices.IsTeam(request.Slice))
            throw new ArgumentException("A team-only report is of one team.", nameof(request));
        var count = Math.Clamp(request.Count, 1, TrendRequest.MaxCount);
        var current = TrendPeriod.Holding(request.Kind, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
        if (request.Through is { } through)
        {
            if (through.Kind != request.Kind)
                throw new ArgumentException($"A report by {request.Kind} cannot end with {through.Key}.", nameof(request));
            if (through < current)
                current = through;
        }
        // Periods before the first shown one too, so it has a comparison as well (see TrendComparison).
        var window = TrendPeriod.Range(current, count + TrendComparison.Reach(request.Kind) + LookBack(request.Kind));
        // The organisation, the focus slice and its Voice phrases do not depend on each other: read them side by side.
        var orgRead = ReadAsync(request.TenantId, TrendSlices.Org, window[0], current, cancellationToken);
        var focusRead = request.Slice == TrendSlices.Org ? orgRead : ReadAsync(request.TenantId, request.Slice, window[0], current, cancellationToken);
        var phrasesRead = ReadAsync(request.TenantId, TrendSlices.Voice(request.Slice), window[0], current, cancellationToken);
        var namesRead = TeamNamesAsync(request.TenantId, cancellationToken);
        await Task.WhenAll(orgRead, focusRead, phrasesRead, namesRead);
        var (org, focusCells, phrases, teamNames) = (orgRead.Result, focusRead.Result, phrasesRead.Result, namesRead.Result);
        var sealedPeriods = window.Where(p => org.IsSealed(p.Key) && (request.From is not { } from || p >= from)).ToList();
        if (sealedPeriods.Count == 0)
        {
            var none = Series(org, org, TrendSlices.Org, "Organisation", [], []);
            return new TrendReport
            {
                TenantId = request.TenantId,
                Kind = request.Kind,
                Periods = [],
                Focus = request.Slice == TrendSlices.Org ? none : none with { Slice = request.Slice, Name = NameOf(request.Slice, teamNames) },
                Organisation = none,
                TeamOnly = request.TeamOnly,
                MinimumGroupSize = thresholds.MinimumGroupSize,
                MinimumCommentGroupSize = thresholds.MinimumCommentGroupSize,
            };
        }

        var last = sealedPeriods[^1];
        var periods = TrendPeriod.Range(last, count).Where(p => request.From is not { } from || p >= from).ToList();
        // The organisation's cells still decide what is sealed and when a team's zero is a count; a team-only report
        // just carries none of its figures.
        var organisation = request.TeamOnly
            ? Withheld(TrendSlices.Org, "Organisation", periods, TrendMeasure.SliceMeasures)
            : Series(org, org, TrendSlices.Org, "Organisation", periods, TrendMeasure.SliceMeasures);
        var focus = request.Slice == TrendSlices.Org
            ? organisation
            : Series(focusCells, org, request.Slice, NameOf(request.Slice, teamNames), periods, TrendMeasure.SliceMeasures);

        // Teams: those with data in the latest period. Levels and topics: those with data in any period shown, because
        // questions rotate and the latest pulse asks only a few of them.
        SliceCells? index = null;
        var breakdowns = request.IncludeBreakdowns && !request.TeamOnly;
        if ((request.Slice == TrendSlices.Org && request.TeamPeriods > 0) || breakdowns)
            index = await ReadAsync(request.TenantId, TrendSlices.Index, breakdowns ? periods[0] : last, last, cancellationToken);
        IEnumerable<string> Listed(IEnumerable<TrendPeriod> among) => index is null
            ? []
            : among.SelectMany(p => index.Buckets(p.Key, TrendMeasure.SliceKey)).Where(b => b.Value > 0).Select(b => b.Key).Distinct(StringComparer.Ordinal);

        IReadOnlyList<SliceSeries> teams = request.Slice == TrendSlices.Org
            ? request.TeamPeriods > 0
                ? await SeriesOfAsync(request.TenantId, Listed([last]).Where(TrendSlices.IsTeam), org, TrendPeriod.Range(last, Math.Min(request.TeamPeriods, periods.Count)), teamNames, cancellationToken)
                : []
            : [focus];

        var report = new TrendReport
        {
            TenantId = request.TenantId,
            Kind = request.Kind,
            Periods = periods,
            Focus = focus,
            Organisation = organisation,
            Teams = [.. teams.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)],
            TeamOnly = request.TeamOnly,
            MinimumGroupSize = thresholds.MinimumGroupSize,
            MinimumCommentGroupSize = thresholds.MinimumCommentGroupSize,
        };
        report = WithThemes(report, phrases);
        if (request.Slice == TrendSlices.Org && !request.TeamOnly)
            report = report with { FairKnowledge = await FairKnowledgeAsync(request.TenantId, org, organisation, cancellationToken) };
        if (!breakdowns)
            return report;

        var everListed = Listed(periods).ToList();
        var levels = await SeriesOfAsync(request.TenantId, everListed.Where(TrendSlices.IsLevel).Order(StringComparer.Ordinal), org, periods, teamNames, cancellationToken);
        var tags = await SeriesOfAsync(request.TenantId, everListed.Where(TrendSlices.IsTag).Order(StringComparer.Ordinal), org, periods, teamNames, cancellationToken);
        return report with { Levels = levels, Tags = tags, Questions = await QuestionSeriesAsync(org, periods, cancellationToken) };
    }

    /// <summary>
    /// The single decision every figure goes through: not final → not available; marked hidden at sealing, or under
    /// the threshold (checked again here as a second line of defence) → hidden with no number; otherwise shown.
    /// </summary>
    private PublishedFigure Figure(SliceCells cells, SliceCells org, TrendPeriod period, string measure)
    {
        if (!org.IsSealed(period.Key))
            return new PublishedFigure(period, measure, FigureStatus.NotAvailable);
        if (!cells.HasData(period.Key, measure))
        {
            // A team with no answers where the organisation has some is a count of people (zero), so it is hidden like
            // any small group; so is a group with no comments (comments are optional: "none" must look like "a few").
            // A level or topic with no answers only means none of its questions was asked.
            var peopleSlice = cells.Slice == TrendSlices.Org || TrendSlices.IsTeam(cells.Slice);
            var zeroPeople = (TrendSlices.IsTeam(cells.Slice) && org.HasData(period.Key, measure)) || (peopleSlice && measure == TrendMeasure.Voice);
            return new PublishedFigure(period, measure, zeroPeople ? FigureStatus.Hidden : FigureStatus.NotAvailable);
        }

        if (cells.IsMarkedHidden(period.Key, measure) || cells.Respondents(period.Key, measure) < thresholds.For(measure))
            return new PublishedFigure(period, measure, FigureStatus.Hidden);
        return FigureMath.Shown(cells, period, measure);
    }

    private MeasureSeries SeriesOf(SliceCells cells, SliceCells org, string measure, IReadOnlyList<TrendPeriod> periods)
    {
        var points = new List<PublishedFigure>(periods.Count);
        foreach (var period in periods)
            points.Add(Compared(Figure(cells, org, period, measure), cells, org));
        return new MeasureSeries(measure, points);
    }

    /// <summary>
    /// A shown figure with its change against its baseline (<see cref="TrendComparison"/>), or the reason it has none.
    /// Only shown figures are compared, so a hidden one still carries nothing at all.
    /// </summary>
    private PublishedFigure Compared(PublishedFigure figure, SliceCells cells, SliceCells org)
    {
        if (!figure.IsShown)
            return figure;
        if (FigureMath.TestCounts(figure) is not { } now)
            return figure with { NoChange = NoChangeReason.NotTested };
        if (TrendComparison.Baseline(Earlier(cells, org, figure.Period, figure.Measure)) is not { } baseline)
            return figure with { NoChange = NoChangeReason.NothingEarlier };
        var change = FigureMath.TestCounts(baseline) is { } before
            ? ChangeClassifier.Classify(now.Successes, now.Trials, before.Successes, before.Trials, thresholds.MinimumGroupSize)
            : null;
        // No change from a shown baseline would take a group under the minimum size, which a shown figure never is.
        return change is null
            ? figure with { Baseline = baseline.Period, NoChange = NoChangeReason.EarlierHidden }
            : figure with { Baseline = baseline.Period, Change = change };
    }

    /// <summary>The figures of the periods before <paramref name="period"/>, newest first, as far back as a comparison reaches.</summary>
    private IEnumerable<PublishedFigure> Earlier(SliceCells cells, SliceCells org, TrendPeriod period, string measure)
    {
        var earlier = period;
        for (var step = 0; step < TrendComparison.Reach(period.Kind); step++)
        {
            earlier = earlier.Previous();
            yield return Figure(cells, org, earlier, measure);
        }
    }

    /// <summary>A slice the reader may not see: its series hold no figure at all.</summary>
    private static SliceSeries Withheld(string slice, string name, IReadOnlyList<TrendPeriod> periods, IReadOnlyList<string> measures) =>
        new(slice, name, [.. measures.Select(measure => new MeasureSeries(measure, [.. periods.Select(p => new PublishedFigure(p, measure, FigureStatus.NotAvailable))]))]);

    private SliceSeries Series(SliceCells cells, SliceCells org, string slice, string name, IReadOnlyList<TrendPeriod> periods, IReadOnlyList<string> measures) =>
        new(slice, name, [.. measures.Select(measure => SeriesOf(cells, org, measure, periods))]);

    private async Task<IReadOnlyList<SliceSeries>> SeriesOfAsync(string tenantId, IEnumerable<string> slices, SliceCells org, IReadOnlyList<TrendPeriod> periods,
        IReadOnlyDictionary<string, string> teamNames, CancellationToken cancellationToken)
    {
        var from = TrendPeriod.Range(periods[0], TrendComparison.Reach(periods[0].Kind) + 1)[0];
        var cells = await ReadEachAsync(tenantId, [.. slices], from, periods[^1], cancellationToken);
        return [.. cells.Select(slice => Series(slice, org, slice.Slice, NameOf(slice.Slice, teamNames), periods,
            TrendSlices.IsTeam(slice.Slice) ? TrendMeasure.SliceMeasures : TrendMeasure.Indices))];
    }

    /// <summary>
    /// Several slices' cells, in the order given: past one round of parallel reads, in one read (a report of every team
    /// asks once, not 200 times); a few, one read each, side by side.
    /// </summary>
    private async Task<IReadOnlyList<SliceCells>> ReadEachAsync(string tenantId, List<string> slices, TrendPeriod from, TrendPeriod to,
        CancellationToken cancellationToken)
    {
        if (slices.Count > ParallelReads)
        {
            var bySlice = (await aggregates.ListSlicesAsync(tenantId, slices, from.Key, to.Key, cancellationToken)).ToLookup(c => c.Slice, StringComparer.Ordinal);
            return [.. slices.Select(slice => new SliceCells(slice, bySlice[slice]))];
        }

        var results = new SliceCells[slices.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, slices.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await ReadAsync(tenantId, slices[i], from, to, token));
        return results;
    }

    private async Task<IReadOnlyList<QuestionSeries>> QuestionSeriesAsync(SliceCells org, IReadOnlyList<TrendPeriod> periods, CancellationToken cancellationToken)
    {
        var bank = (await questions.ListAsync(includeInactive: true, cancellationToken)).ToDictionary(q => q.Id, StringComparer.Ordinal);
        var measures = periods.SelectMany(p => org.Keys(p.Key))
            .Where(k => TrendMeasure.IsQuestion(k) && TrendMeasure.QuestionParts(k).Index != TrendMeasure.Voice)
            .Distinct(StringComparer.Ordinal);
        var rows = new List<QuestionSeries>();
        foreach (var measure in measures)
        {
            var (indexMeasure, id) = TrendMeasure.QuestionParts(measure);
            bank.TryGetValue(id, out var question);
            rows.Add(new QuestionSeries(id, question?.Text ?? id, indexMeasure, question?.Level ?? 0, question?.Tags ?? [], SeriesOf(org, org, measure, periods).Points));
        }

        return [.. rows.OrderBy(r => "KBAV".IndexOf(r.Index[0], StringComparison.Ordinal)).ThenBy(r => r.Level).ThenBy(r => r.Text, StringComparer.CurrentCulture)];
    }

    /// <summary>Voice themes of the focus slice over the periods whose comment figure is shown.</summary>
    private TrendReport WithThemes(TrendReport report, SliceCells phrases)
    {
        var shown = report.Focus[TrendMeasure.Voice].Points.Where(p => p.IsShown).ToList();
        var commenters = shown.Sum(p => p.N ?? 0);
        if (shown.Count == 0 || commenters < thresholds.MinimumCommentGroupSize)
            return report;
        var comments = shown.SelectMany(point => phrases.Buckets(point.Period.Key, TrendMeasure.PhraseKey));
        return report with { Themes = VoiceThemes.Pick(comments, thresholds.MinimumTermMentions, MaxThemes), ThemeCommenters = commenters };
    }

    private async Task<SliceCells> ReadAsync(string tenantId, string slice, TrendPeriod from, TrendPeriod to, CancellationToken cancellationToken) =>
        new(slice, await aggregates.ListAsync(tenantId, slice, from.Key, to.Key, cancellationToken));

    /// <summary>
    /// Team names by slice, from the team installs; kept for a minute because listing every install on each request
    /// would cost more than the report itself, and a renamed team showing its old name for a minute harms nobody.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> TeamNamesAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_teamNames.TryGetValue(tenantId, out var cached) && now - cached.At < s_teamNameLifetime)
            return cached.Names;
        var names = await ReadTeamNamesAsync(tenantId, cancellationToken);
        _teamNames[tenantId] = (now, names);
        return names;
    }

    private async Task<IReadOnlyDictionary<string, string>> ReadTeamNamesAsync(string tenantId, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var team in conversations.ListTeamsAsync(cancellationToken))
        {
            if (team.TenantId == tenantId && team.TeamId is { Length: > 0 } id && !string.IsNullOrWhiteSpace(team.TeamName))
                names[TrendSlices.Team(id)] = team.TeamName;
        }

        return names;
    }

    private static string NameOf(string slice, IReadOnlyDictionary<string, string> teamNames) =>
        slice == TrendSlices.Org ? "Organisation"
        : teamNames.TryGetValue(slice, out var name) ? name
        : TrendSlices.IsLevel(slice) && int.TryParse(slice.AsSpan(TrendSlices.LevelPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            ? ProgrammeLevels.Label(level)
        : TrendSlices.IsTag(slice) ? "#" + slice[TrendSlices.TagPrefix.Length..]
        : TrendSlices.IsTeam(slice) ? "Team " + TrendSlices.TeamIdOf(slice)
        : slice;

    private static int LookBack(PeriodKind kind) => kind switch
    {
        PeriodKind.Week => 4,
        PeriodKind.Month => 3,
        _ => 2,
    };
}
