using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;

namespace FocusBot.Domain.Trends;

/// <summary>
/// Turns answers into aggregate counts. A respondent's contribution to a pulse is a pure function of all their answers
/// to it, so an incremental update (contribution after the change minus contribution before) and a rebuild from raw
/// answers (the sum of every respondent's contribution) give the same cells by construction.
/// </summary>
public static class TrendContributions
{
    /// <summary>
    /// Everything one respondent's answers to one pulse add: per period of the pulse, to the org slice, each of their
    /// teams, the question's level and tags: the index buckets, one "people" per slice and index they answered, one
    /// "answered" (participation) per org/team slice, the question's own buckets (org, and each team by week for the
    /// programme levels), Voice phrases (org and
    /// teams), the index slice that lists which slices have data, and one per measure in the respondent's combination of
    /// teams (<see cref="Memberships"/>), so the privacy gate knows how teams overlap.
    /// </summary>
    public static Dictionary<CellId, long> OfRespondent(Pulse pulse, IEnumerable<(Question Question, Answer Answer)> answers)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(answers);
        var periods = TrendPeriod.AllFor(pulse.OpensAt).Select(period => period.Key).ToArray();
        var week = TrendPeriod.WeekOf(DateOnly.FromDateTime(pulse.OpensAt.UtcDateTime)).Key;
        var cells = new Dictionary<CellId, long>();
        var present = new HashSet<(string Slice, string Measure)>();
        var answeredIn = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (question, answer) in answers)
        {
            if (AnswerScore.Of(question, answer.Value) is not { } score)
                continue;
            var teams = answer.TeamIds.Distinct(StringComparer.Ordinal).Select(TrendSlices.Team).ToList();
            // Participation is answering the pulse's questions: a "one thing" comment, sent at any time to a week with no
            // delivery of its own, would otherwise count people who were never sent anything.
            if (score.Measure != TrendMeasure.Voice)
            {
                answeredIn.Add(TrendSlices.Org);
                answeredIn.UnionWith(teams);
            }

            List<string> slices = [TrendSlices.Org, .. teams];
            if (score.Measure != TrendMeasure.Voice)
                slices.AddRange([TrendSlices.Level(question.Level), .. question.Tags.Select(TrendSlices.Tag).Distinct(StringComparer.Ordinal)]);
            foreach (var slice in slices)
            {
                present.Add((slice, score.Measure));
                foreach (var period in periods)
                {
                    foreach (var (bucket, value) in score.Buckets)
                        Add(cells, new CellId(period, slice, score.Measure, bucket), value);
                }
            }

            foreach (var period in periods)
            {
                foreach (var (bucket, value) in score.Buckets)
                    Add(cells, new CellId(period, TrendSlices.Org, TrendMeasure.Question(score.Measure, question.Id), bucket), value);
            }

            // Team x question, by week only, for the programme levels (PrivacyGate.Levels): they are never shown as a
            // table, only read by the mastery rule over its weeks.
            if (TrendMeasure.Indices.Contains(score.Measure))
            {
                foreach (var team in teams.Distinct(StringComparer.Ordinal))
                {
                    foreach (var (bucket, value) in score.Buckets)
                        Add(cells, new CellId(week, team, TrendMeasure.Question(score.Measure, question.Id), bucket), value);
                }
            }

            if (score.Text is { } text)
            {
                var phrases = VoicePhrases.Extract(text);
                foreach (var slice in (IEnumerable<string>)[TrendSlices.Org, .. teams])
                {
                    foreach (var period in periods)
                    {
                        foreach (var phrase in phrases)
                            Add(cells, new CellId(period, TrendSlices.Voice(slice), TrendMeasure.PhraseKey, phrase), 1);
                    }
                }
            }
        }

        foreach (var period in periods)
        {
            foreach (var (slice, measure) in present)
                Add(cells, new CellId(period, slice, measure, TrendBuckets.People), 1);
            foreach (var slice in answeredIn)
                Add(cells, new CellId(period, slice, TrendMeasure.Participation, TrendBuckets.Answered), 1);
            foreach (var slice in present.Select(p => p.Slice).Distinct(StringComparer.Ordinal))
                Add(cells, new CellId(period, TrendSlices.Index, TrendMeasure.SliceKey, slice), 1);
            foreach (var measure in present.Where(p => p.Slice == TrendSlices.Org).Select(p => p.Measure))
            {
                var teamsOfMeasure = present.Where(p => p.Measure == measure && TrendSlices.IsTeam(p.Slice)).Select(p => TrendSlices.TeamIdOf(p.Slice));
                Add(cells, new CellId(period, TrendSlices.Groups, measure, Memberships.Signature(teamsOfMeasure)), 1);
            }
        }

        return cells;
    }

    /// <summary>One more person sent the pulse: the participation denominator of the org slice and each of their teams, and
    /// one in their combination of teams (participation's groups are the people sent the pulse).</summary>
    public static Dictionary<CellId, long> OfDelivery(Pulse pulse, IEnumerable<string> teamIds)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(teamIds);
        var cells = new Dictionary<CellId, long>();
        List<string> slices = [TrendSlices.Org, .. teamIds.Distinct(StringComparer.Ordinal).Select(TrendSlices.Team)];
        foreach (var period in TrendPeriod.AllFor(pulse.OpensAt))
        {
            foreach (var slice in slices)
            {
                Add(cells, new CellId(period.Key, slice, TrendMeasure.Participation, TrendBuckets.Delivered), 1);
                Add(cells, new CellId(period.Key, TrendSlices.Index, TrendMeasure.SliceKey, slice), 1);
            }

            Add(cells, new CellId(period.Key, TrendSlices.Groups, TrendMeasure.Participation, Memberships.Signature(teamIds)), 1);
        }

        return cells;
    }

    /// <summary><paramref name="after"/> minus <paramref name="before"/>, without the cells that do not move.</summary>
    public static Dictionary<CellId, long> Difference(Dictionary<CellId, long> after, Dictionary<CellId, long> before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        var delta = new Dictionary<CellId, long>(after);
        foreach (var (cell, value) in before)
            Add(delta, cell, -value);
        foreach (var cell in delta.Where(pair => pair.Value == 0).Select(pair => pair.Key).ToList())
            delta.Remove(cell);
        return delta;
    }

    /// <summary>Adds <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void Accumulate(Dictionary<CellId, long> target, Dictionary<CellId, long> source)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(source);
        foreach (var (cell, value) in source)
            Add(target, cell, value);
    }

    public static IReadOnlyList<AggregateDelta> ToDeltas(string tenantId, Dictionary<CellId, long> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return [.. cells.Where(pair => pair.Value != 0).Select(pair => new AggregateDelta(tenantId, pair.Key.Period, pair.Key.Slice, pair.Key.Key, pair.Key.Bucket, pair.Value))];
    }

    private static void Add(Dictionary<CellId, long> cells, CellId cell, long value)
    {
        cells.TryGetValue(cell, out var current);
        cells[cell] = current + value;
    }
}
