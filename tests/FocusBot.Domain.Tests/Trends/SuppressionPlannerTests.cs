using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Tests.Trends;

/// <summary>Secondary suppression: each test builds figures where subtraction would single out a small group.</summary>
public sealed class SuppressionPlannerTests
{
    private static readonly PrivacyThresholds s_thresholds = new();
    private static readonly TrendPeriod s_week = new(PeriodKind.Week, 2026, 10);

    /// <summary>Knowledge cells of a slice: each entry is (period, people) with one answer per person.</summary>
    private static SliceCells Knowledge(string slice, params (TrendPeriod Period, long People)[] figures) => new(slice, figures.SelectMany(f => Cells(slice, f.Period, "K", f.People)));

    private static IEnumerable<AggregateCell> Cells(string slice, TrendPeriod period, string key, long people, bool isQuestion = false)
    {
        yield return Cell(slice, period, key, "n", people);
        yield return Cell(slice, period, key, "correct", people / 2);
        if (!isQuestion)
            yield return Cell(slice, period, key, "people", people);
    }

    private static AggregateCell Cell(string slice, TrendPeriod period, string key, string bucket, long count) =>
        new() { TenantId = "t", Period = period.Key, Slice = slice, Key = key, Bucket = bucket, Count = count };

    /// <summary>Knowledge respondents per combination of teams when teams do not overlap: each team's people, and the rest of the organisation in none.</summary>
    private static SliceCells Disjoint(TrendPeriod period, long organisation, params (string Team, long People)[] teams) =>
        new(TrendSlices.Groups, teams.Select(t => Cell(TrendSlices.Groups, period, "K", Memberships.Signature([TrendSlices.TeamIdOf(t.Team)]), t.People))
            .Append(Cell(TrendSlices.Groups, period, "K", Memberships.NoTeam, organisation - teams.Sum(t => t.People))));

    private static Dictionary<string, SliceCells> Slices(params SliceCells[] slices) => slices.ToDictionary(s => s.Slice);

    private static HashSet<(string, string)> Plan(TrendPeriod period, params SliceCells[] slices) => SuppressionPlanner.Plan(period, Slices(slices), s_thresholds);

    [Fact]
    public void Plan_EveryGroupLargeEnough_HidesNothing()
    {
        Assert.Empty(Plan(s_week, Knowledge("org", (s_week, 20)), Knowledge("team:a", (s_week, 10)), Knowledge("team:b", (s_week, 10)),
            Disjoint(s_week, 20, ("team:a", 10), ("team:b", 10))));
    }

    [Fact]
    public void Plan_TeamOfFour_IsHidden()
    {
        var hidden = Plan(s_week, Knowledge("org", (s_week, 30)), Knowledge("team:a", (s_week, 10)), Knowledge("team:small", (s_week, 4)),
            Disjoint(s_week, 30, ("team:a", 10), ("team:small", 4)));

        Assert.Contains(("team:small", "K"), hidden);
    }

    [Fact]
    public void Plan_SmallTeamWhoseSiblingsAddUpToTheOrganisation_HidesASiblingToo()
    {
        // org 14 = a 10 + small 4: showing org and a would give small = org - a.
        var hidden = Plan(s_week, Knowledge("org", (s_week, 14)), Knowledge("team:a", (s_week, 10)), Knowledge("team:small", (s_week, 4)),
            Disjoint(s_week, 14, ("team:a", 10), ("team:small", 4)));

        Assert.Equal([("team:a", "K"), ("team:small", "K")], hidden.Order());
    }

    [Fact]
    public void Plan_SmallTeamMixedWithALargeRestOfTheOrganisation_HidesOnlyTheSmallTeam()
    {
        // org 30 = a 10 + small 4 + 16 people in no team: org - a = small + 16 others, which isolates nobody.
        var hidden = Plan(s_week, Knowledge("org", (s_week, 30)), Knowledge("team:a", (s_week, 10)), Knowledge("team:small", (s_week, 4)),
            Disjoint(s_week, 30, ("team:a", 10), ("team:small", 4)));

        Assert.Equal([("team:small", "K")], hidden);
    }

    [Fact]
    public void Plan_TeamWhoseComplementInTheOrganisationIsUnderTheThreshold_IsHidden()
    {
        // org 12, one team of 10: org - team = 2 people outside any team.
        var hidden = Plan(s_week, Knowledge("org", (s_week, 12)), Knowledge("team:a", (s_week, 10)), Disjoint(s_week, 12, ("team:a", 10)));

        Assert.Equal([("team:a", "K")], hidden);
    }

    [Fact]
    public void Plan_TwoSmallTeamsOfTheSameThreePeople_HidesTheLargeTeamAsWell()
    {
        // org 15 = c 12 + 3 people who are in both a and b: org - c would be those 3.
        var groups = new SliceCells(TrendSlices.Groups, [Cell(TrendSlices.Groups, s_week, "K", Memberships.Signature(["a", "b"]), 3),
            Cell(TrendSlices.Groups, s_week, "K", Memberships.Signature(["c"]), 12)]);

        var hidden = Plan(s_week, Knowledge("org", (s_week, 15)), Knowledge("team:a", (s_week, 3)), Knowledge("team:b", (s_week, 3)), Knowledge("team:c", (s_week, 12)), groups);

        Assert.Equal([("team:a", "K"), ("team:b", "K"), ("team:c", "K")], hidden.Order());
    }

    [Fact]
    public void Plan_CombinationsThatDoNotAddUpToTheOrganisation_HideEveryTeam()
    {
        // 20 respondents, but the combinations account for 18: two people's teams are unknown, so no overlap can be ruled out.
        var hidden = Plan(s_week, Knowledge("org", (s_week, 20)), Knowledge("team:a", (s_week, 10)), Knowledge("team:b", (s_week, 10)),
            Disjoint(s_week, 18, ("team:a", 9), ("team:b", 9)));

        Assert.Equal([("team:a", "K"), ("team:b", "K")], hidden.Order());
    }

    [Fact]
    public void Plan_TwoSmallTeamsOfSixDifferentPeople_LeavesTheLargeTeamShown()
    {
        // org 18 = a 3 + b 3 + c 12, no overlaps: org - c reveals a and b together, six people, never fewer.
        var hidden = Plan(s_week, Knowledge("org", (s_week, 18)), Knowledge("team:a", (s_week, 3)), Knowledge("team:b", (s_week, 3)), Knowledge("team:c", (s_week, 12)),
            Disjoint(s_week, 18, ("team:a", 3), ("team:b", 3), ("team:c", 12)));

        Assert.Equal([("team:a", "K"), ("team:b", "K")], hidden.Order());
    }

    [Fact]
    public void Plan_QuestionAnsweredByThree_HidesItAndAnotherQuestionOfTheIndex()
    {
        // K pools k1 (10 respondents) and k2 (3): K - k1 would be k2's three answers.
        var org = new SliceCells("org",
        [
            .. Cells("org", s_week, "K", 10), .. Cells("org", s_week, "q:K:k1", 10, isQuestion: true), .. Cells("org", s_week, "q:K:k2", 3, isQuestion: true),
        ]);

        var hidden = Plan(s_week, org);

        Assert.Equal([("org", "q:K:k1"), ("org", "q:K:k2")], hidden.Order());
    }

    [Fact]
    public void Plan_ProgrammeLevelOfThree_HidesAnotherLevel()
    {
        var hidden = Plan(s_week, Knowledge("org", (s_week, 13)), Knowledge("level:1", (s_week, 10)), Knowledge("level:2", (s_week, 3)));

        Assert.Equal([("level:1", "K"), ("level:2", "K")], hidden.Order());
    }

    [Fact]
    public void Plan_MonthWithOneHiddenWeek_IsHidden()
    {
        // Weeks 27-30 of July 2026: one of 4 people (hidden), three of 6. July - (three weeks) would be the hidden week.
        var july = new TrendPeriod(PeriodKind.Month, 2026, 7);
        var weeks = july.Children();
        var cells = new List<AggregateCell>(Cells("team:a", july, "K", 22));
        cells.AddRange(Cells("team:a", weeks[0], "K", 4));
        cells.Add(Cell("team:a", weeks[0], "gate", "K", 1));
        foreach (var week in weeks.Skip(1).Take(3))
            cells.AddRange(Cells("team:a", week, "K", 6));

        var hidden = Plan(july, new SliceCells("team:a", cells), Knowledge("org", (july, 60), (weeks[0], 20), (weeks[1], 20), (weeks[2], 20)));

        Assert.Contains(("team:a", "K"), hidden);
    }

    [Fact]
    public void Plan_MonthWithNoHiddenWeek_IsShownAndUsesItsLargestWeekAsItsSize()
    {
        // 4 pulses of the same 3 people make 12 person-pulses, but never more than 3 people: the month stays hidden.
        var july = new TrendPeriod(PeriodKind.Month, 2026, 7);
        var weeks = july.Children();
        var small = new List<AggregateCell>(Cells("team:a", july, "K", 12));
        foreach (var week in weeks.Take(4))
            small.AddRange(Cells("team:a", week, "K", 3));
        var large = new List<AggregateCell>(Cells("team:b", july, "K", 40));
        foreach (var week in weeks.Take(4))
            large.AddRange(Cells("team:b", week, "K", 10));

        var groups = new SliceCells(TrendSlices.Groups, weeks.Take(4).SelectMany(week => Disjoint(week, 30, ("team:a", 3), ("team:b", 10)).Buckets(week.Key, "K")
            .Select(b => Cell(TrendSlices.Groups, week, "K", b.Key, b.Value))));

        var hidden = Plan(july, new SliceCells("team:a", small), new SliceCells("team:b", large), Knowledge("org", (july, 120), (weeks[0], 30), (weeks[1], 30), (weeks[2], 30), (weeks[3], 30)), groups);

        Assert.Contains(("team:a", "K"), hidden);
        Assert.DoesNotContain(("team:b", "K"), hidden);
        Assert.DoesNotContain(("org", "K"), hidden);
    }

    [Theory]
    [InlineData(new long[0], 0, true)]
    [InlineData(new long[0], 2, false)]
    [InlineData(new long[0], 7, true)]
    [InlineData(new long[] { 4 }, 0, false)]
    [InlineData(new long[] { 9 }, 0, false)]
    [InlineData(new long[] { 4 }, 16, true)]
    [InlineData(new long[] { 4, 3 }, 0, false)]
    [InlineData(new long[] { 4, 10 }, 0, true)]
    public void IsSafe_WhatSubtractionReveals_MustHoldAGroupAndNoLoneHiddenFigure(long[] hiddenChildren, long rest, bool safe)
    {
        Assert.Equal(safe, SuppressionPlanner.IsSafe(hiddenChildren, rest, 5));
    }
}
