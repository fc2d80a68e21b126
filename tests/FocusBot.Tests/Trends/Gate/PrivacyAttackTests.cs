using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Trends.Gate;

/// <summary>Attempts to single out a person through the published figures; each must fail.</summary>
public sealed class PrivacyAttackTests : IAsyncLifetime
{
    private TrendWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await TrendWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private static void AssertRevealsNothing(PublishedFigure figure)
    {
        Assert.Equal(FigureStatus.Hidden, figure.Status);
        Assert.Null(figure.Value);
        Assert.Null(figure.Mean);
        Assert.Null(figure.Secondary);
        Assert.Null(figure.N);
        Assert.Null(figure.Answered);
        Assert.Null(figure.Change);
        Assert.Null(figure.Baseline);
        Assert.Equal(NoChangeReason.None, figure.NoChange);
    }

    [Fact]
    public async Task TeamOfFour_ItsScoresAndCountsAreHidden()
    {
        var pulse = await _world.OpenPulseAsync(0, SampleQuestions.Agreement);
        await _world.CohortAsync(pulse, SampleQuestions.Agreement, "big", ["4", "4", "5", "3", "2", "4", "4", "5", "1", "4"], "big");
        await _world.CohortAsync(pulse, SampleQuestions.Agreement, "small", ["1", "1", "1", "5"], "small");
        await _world.CohortAsync(pulse, SampleQuestions.Agreement, "free", ["4", "4", "4", "4", "4", "4"]);
        await _world.CloseAsync(pulse);
        await _world.SealAsync();

        var report = await _world.ReportAsync();

        var small = report.Teams.Single(t => t.Slice == "team:small");
        AssertRevealsNothing(small["A"].Latest);
        AssertRevealsNothing(small["P"].Latest);
        Assert.True(report.Teams.Single(t => t.Slice == "team:big")["A"].Latest.IsShown); // the 6 people in no team keep "org - big" safe
    }

    [Fact]
    public async Task TeamOfSixHoldingATeamOfFivePlusOne_TheirDifferenceNeverShows()
    {
        // "six" holds every member of "five" plus one person; 10 more people are in no team.
        var pulse = await _world.OpenPulseAsync(0, SampleQuestions.Quiz, SampleQuestions.Agreement);
        await _world.CohortAsync(pulse, SampleQuestions.Agreement, "both", ["4", "4", "5", "3", "2"], "six", "five");
        await _world.CohortAsync(pulse, SampleQuestions.Agreement, "one", ["1"], "six");
        await _world.CohortAsync(pulse, SampleQuestions.Agreement, "free", ["4", "4", "4", "4", "4", "4", "5", "5", "5", "5"]);
        await _world.CloseAsync(pulse);
        await _world.SealAsync();

        var report = await _world.ReportAsync();

        foreach (var measure in (string[])["A", "P"])
        {
            var shown = report.Teams.Where(t => t[measure].Latest.IsShown).ToList();
            Assert.True(shown.Count <= 1, $"{measure}: both nested teams shown");
        }
    }

    [Fact]
    public async Task NoCommentsAndAFewComments_LookTheSame()
    {
        var pulse = await _world.OpenPulseAsync(0, SampleQuestions.Agreement, SampleQuestions.Voice);
        await _world.CohortAsync(pulse, SampleQuestions.Agreement, "p", ["4", "4", "5", "3", "2", "4"], "team");
        await _world.CloseAsync(pulse);
        await _world.SealAsync();
        var none = await _world.ReportAsync();
        var pulse2 = await _world.OpenPulseAsync(1, SampleQuestions.Agreement, SampleQuestions.Voice);
        await _world.CohortAsync(pulse2, SampleQuestions.Agreement, "p", ["4", "4", "5", "3", "2", "4"], "team");
        await _world.AnswerAsync(pulse2, SampleQuestions.Voice, "p0", "answer the phone sooner", "team");
        await _world.CloseAsync(pulse2);
        await _world.SealAsync();
        var few = await _world.ReportAsync();

        var withNone = none.Organisation["V"].Latest;
        var withFew = few.Organisation["V"].Latest;
        Assert.Equal(withNone.Status, withFew.Status);
        AssertRevealsNothing(withNone);
        AssertRevealsNothing(withFew);
        Assert.Equal(none.Teams.Single()["V"].Latest.Status, few.Teams.Single()["V"].Latest.Status);
    }

    [Fact]
    public async Task OrganisationMinusTheOtherTeam_CannotRevealTheSmallTeam()
    {
        // Everyone is in team big (10) or small (4): org and big shown would give small = org - big.
        var pulse = await _world.OpenPulseAsync(0, SampleQuestions.Agreement);
        await _world.CohortAsync(pulse, SampleQuestions.Agreement, "big", ["4", "4", "5", "3", "2", "4", "4", "5", "1", "4"], "big");
        await _world.CohortAsync(pulse, SampleQuestions.Agreement, "small", ["1", "1", "1", "5"], "small");
        await _world.CloseAsync(pulse);
        await _world.SealAsync();

        var report = await _world.ReportAsync();

        Assert.True(report.Organisation["A"].Latest.IsShown);
        AssertRevealsNothing(report.Teams.Single(t => t.Slice == "team:big")["A"].Latest);
        AssertRevealsNothing(report.Teams.Single(t => t.Slice == "team:small")["A"].Latest);
        // Asked for on its own, the team is hidden just the same.
        AssertRevealsNothing((await _world.ReportAsync("team:big")).Focus["A"].Latest);
    }

    [Fact]
    public async Task OnlyTeamOfTheOrganisationWithTwoOutsiders_IsHidden()
    {
        var pulse = await _world.OpenPulseAsync(0, SampleQuestions.Quiz);
        await _world.CohortAsync(pulse, SampleQuestions.Quiz, "team", ["1", "1", "1", "0", "0", "1", "1", "1", "0", "1"], "only");
        await _world.CohortAsync(pulse, SampleQuestions.Quiz, "outside", ["0", "0"]);
        await _world.CloseAsync(pulse);
        await _world.SealAsync();

        var report = await _world.ReportAsync();

        Assert.True(report.Organisation["K"].Latest.IsShown);
        AssertRevealsNothing(report.Teams.Single()["K"].Latest);
    }

    [Fact]
    public async Task MonthMinusItsShownWeeks_CannotRevealAHiddenWeek()
    {
        // Team t: 4 people answer in week 1, 6 in each of weeks 2-4 (all of January 2026's pulses from W02).
        for (var week = 0; week < 4; week++)
        {
            var pulse = await _world.OpenPulseAsync(week, SampleQuestions.Agreement);
            await _world.CohortAsync(pulse, SampleQuestions.Agreement, $"t{week}-", week == 0 ? ["1", "2", "1", "5"] : ["4", "4", "4", "4", "5", "3"], "t");
            await _world.CohortAsync(pulse, SampleQuestions.Agreement, $"o{week}-", ["4", "4", "4", "4", "5", "3", "2", "4", "4", "4"], "other");
            await _world.CloseAsync(pulse);
        }

        _world.Clock.Advance(TimeSpan.FromDays(40));
        await _world.SealAsync();

        var weeks = await _world.ReportAsync("team:t");
        var months = await _world.ReportAsync("team:t", PeriodKind.Month, 3);

        AssertRevealsNothing(weeks.Focus["A"].Points.Single(p => p.Period.Key == "W2026-02"));
        Assert.All(weeks.Focus["A"].Points.Where(p => p.Period.Key is "W2026-03" or "W2026-04" or "W2026-05"), p => Assert.True(p.IsShown));
        AssertRevealsNothing(months.Focus["A"].Points.Single(p => p.Period.Key == "M2026-01"));
    }

    [Fact]
    public async Task SamePeopleEveryWeek_DoNotAddUpToAGroupInTheMonth()
    {
        for (var week = 0; week < 4; week++)
        {
            var pulse = await _world.OpenPulseAsync(week, SampleQuestions.Quiz);
            await _world.CohortAsync(pulse, SampleQuestions.Quiz, "trio", ["1", "0", "1"], "trio");
            await _world.CohortAsync(pulse, SampleQuestions.Quiz, "rest", ["1", "1", "1", "1", "0", "0", "1", "1", "1", "1"], "rest");
            await _world.CloseAsync(pulse);
        }

        _world.Clock.Advance(TimeSpan.FromDays(40));
        await _world.SealAsync();

        var months = await _world.ReportAsync("team:trio", PeriodKind.Month, 3);

        AssertRevealsNothing(months.Focus["K"].Points.Single(p => p.Period.Key == "M2026-01"));
    }

    [Fact]
    public async Task OpenPulse_ShowsNoFigures_SoNobodyCanWatchAnswersArrive()
    {
        var pulse = await _world.OpenPulseAsync(0, SampleQuestions.Agreement);
        await _world.CohortAsync(pulse, SampleQuestions.Agreement, "p", ["4", "4", "5", "3", "2", "4", "4", "5", "1", "4"], "t");
        await _world.SealAsync();

        var report = await _world.ReportAsync();

        Assert.True(report.IsEmpty);
    }

    [Fact]
    public async Task ThreeOfTenAnswered_ParticipationDoesNotGiveTheExactCount()
    {
        var pulse = await _world.OpenPulseAsync(0, SampleQuestions.Quiz);
        await _world.CohortAsync(pulse, SampleQuestions.Quiz, "yes", ["1", "1", "0"], "t");
        for (var i = 0; i < 7; i++)
            await _world.DeliverAsync(pulse, "no" + i, "t");
        await _world.CohortAsync(pulse, SampleQuestions.Quiz, "other", ["1", "1", "1", "1", "1", "0", "0", "1", "1", "1"], "u");
        await _world.CloseAsync(pulse);
        await _world.SealAsync();

        var report = await _world.ReportAsync();

        AssertRevealsNothing(report.Teams.Single(t => t.Slice == "team:t")["P"].Latest);
    }

    [Fact]
    public async Task QuestionAnsweredByThree_CannotBeRecoveredFromTheIndex()
    {
        var pulse = await _world.OpenPulseAsync(0, SampleQuestions.Quiz, SampleQuestions.Quiz2);
        await _world.CohortAsync(pulse, SampleQuestions.Quiz, "p", ["1", "1", "1", "0", "0", "1", "1", "1", "0", "1"]);
        for (var i = 0; i < 3; i++)
            await _world.AnswerAsync(pulse, SampleQuestions.Quiz2, "p" + i, "0");
        await _world.CloseAsync(pulse);
        await _world.SealAsync();

        var report = await _world.ReportAsync();

        Assert.True(report.Organisation["K"].Latest.IsShown);
        AssertRevealsNothing(report.Questions.Single(q => q.QuestionId == "k2").Points[^1]);
        AssertRevealsNothing(report.Questions.Single(q => q.QuestionId == "k1").Points[^1]);
        // The level-2 question is the only one of its level: level 2 is hidden and so is level 1, or K - level 1 = level 2.
        AssertRevealsNothing(report.Levels.Single(l => l.Slice == "level:2")["K"].Latest);
        AssertRevealsNothing(report.Levels.Single(l => l.Slice == "level:1")["K"].Latest);
    }

    [Fact]
    public async Task NineCommenters_GiveNoThemes_TenDo_AndRarePhrasesStayOut()
    {
        var pulse = await _world.OpenPulseAsync(0, SampleQuestions.Voice);
        string[] comments =
        [
            "Faster refunds please", "Faster refunds", "faster refunds for small orders", "Clearer invoices", "Clearer invoices",
            "Clearer invoices and faster refunds", "Answer the phone", "Answer the phone sooner", "My manager Zebedee never listens",
        ];
        await _world.CohortAsync(pulse, SampleQuestions.Voice, "c", comments, "t");
        await _world.CloseAsync(pulse);
        await _world.SealAsync();

        var nine = await _world.ReportAsync("team:t");
        Assert.Empty(nine.Themes);
        Assert.Equal(FigureStatus.Hidden, nine.Focus["V"].Latest.Status);

        var next = await _world.OpenPulseAsync(1, SampleQuestions.Voice);
        await _world.CohortAsync(next, SampleQuestions.Voice, "d", [.. comments, "Faster refunds"], "t");
        await _world.CloseAsync(next);
        await _world.SealAsync();

        var ten = await _world.ReportAsync("team:t");
        // "faster refunds" in 5 comments, "clearer invoices" in 3; "manager zebedee", "small orders", "phone sooner" once.
        Assert.Equal(["faster refunds", "clearer invoices"], ten.Themes.Select(t => t.Term));
        Assert.Equal([5L, 3L], ten.Themes.Select(t => t.Mentions));
        Assert.DoesNotContain(ten.Themes, t => t.Term.Contains("zebedee", StringComparison.Ordinal) || t.Term.Contains("small", StringComparison.Ordinal));
    }
}
