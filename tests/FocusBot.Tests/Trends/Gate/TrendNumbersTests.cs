using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Trends.Gate;

/// <summary>
/// One pulse, two teams, every figure checked against a hand-computed value. Team a: 6 answer of 7 sent; team b: 5 of 6.
/// Quiz (right option 1): a 1,1,1,1,0,2 → 4/6; b 1,1,0,0,0 → 2/5; organisation 6/11 = 54.55%.
/// Frequency: a 0,1,2,3,3,2 → 4/6 at least 2-3 times, mean 11/6; b 0,0,1,2,3 → 2/5, mean 6/5; org 6/11, mean 17/11.
/// Agreement: a 5,4,4,3,2,1 → fav 3/6, unfav 2/6, mean 19/6; b 4,4,4,5,3 → fav 4/5, unfav 0, mean 20/5;
/// org fav 7/11, unfav 2/11, mean 39/11. Participation: a 6/7, b 5/6, org 11/13.
/// </summary>
public sealed class TrendNumbersTests : IAsyncLifetime
{
    private TrendWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        _world = await TrendWorld.CreateAsync();
        await _world.NameTeamAsync("a", "Alpha");
        await _world.NameTeamAsync("b", "Bravo");
        var pulse = await _world.OpenPulseAsync(0, SampleQuestions.Quiz, SampleQuestions.Frequency, SampleQuestions.Agreement);
        string[] quizA = ["1", "1", "1", "1", "0", "2"], freqA = ["0", "1", "2", "3", "3", "2"], agreeA = ["5", "4", "4", "3", "2", "1"];
        string[] quizB = ["1", "1", "0", "0", "0"], freqB = ["0", "0", "1", "2", "3"], agreeB = ["4", "4", "4", "5", "3"];
        for (var i = 0; i < 6; i++)
        {
            await _world.DeliverAsync(pulse, $"a{i}", "a");
            await _world.AnswerAsync(pulse, SampleQuestions.Quiz, $"a{i}", quizA[i], "a");
            await _world.AnswerAsync(pulse, SampleQuestions.Frequency, $"a{i}", freqA[i], "a");
            await _world.AnswerAsync(pulse, SampleQuestions.Agreement, $"a{i}", agreeA[i], "a");
        }

        for (var i = 0; i < 5; i++)
        {
            await _world.DeliverAsync(pulse, $"b{i}", "b");
            await _world.AnswerAsync(pulse, SampleQuestions.Quiz, $"b{i}", quizB[i], "b");
            await _world.AnswerAsync(pulse, SampleQuestions.Frequency, $"b{i}", freqB[i], "b");
            await _world.AnswerAsync(pulse, SampleQuestions.Agreement, $"b{i}", agreeB[i], "b");
        }

        await _world.DeliverAsync(pulse, "a-silent", "a");
        await _world.DeliverAsync(pulse, "b-silent", "b");
        await _world.CloseAsync(pulse);
        await _world.SealAsync();
    }

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Publish_Week_EveryIndexMatchesTheHandComputedValue()
    {
        var report = await _world.ReportAsync();
        var org = report.Organisation;
        var a = report.Teams.Single(t => t.Name == "Alpha");
        var b = report.Teams.Single(t => t.Name == "Bravo");

        Assert.Equal("W2026-02", report.Periods[^1].Key);
        Assert.Equal(100.0 * 6 / 11, org["K"].Latest.Value!.Value, 9);
        Assert.Equal(100.0 * 4 / 6, a["K"].Latest.Value!.Value, 9);
        Assert.Equal(100.0 * 2 / 5, b["K"].Latest.Value!.Value, 9);
        Assert.Equal(100.0 * 6 / 11, org["B"].Latest.Value!.Value, 9);
        Assert.Equal(17.0 / 11, org["B"].Latest.Mean!.Value, 9);
        Assert.Equal(11.0 / 6, a["B"].Latest.Mean!.Value, 9);
        Assert.Equal(100.0 * 2 / 5, b["B"].Latest.Value!.Value, 9);
        Assert.Equal(100.0 * 7 / 11, org["A"].Latest.Value!.Value, 9);
        Assert.Equal(100.0 * 2 / 11, org["A"].Latest.Secondary!.Value, 9);
        Assert.Equal(39.0 / 11, org["A"].Latest.Mean!.Value, 9);
        Assert.Equal(50, a["A"].Latest.Value!.Value, 9);
        Assert.Equal(100.0 * 2 / 6, a["A"].Latest.Secondary!.Value, 9);
        Assert.Equal(4.0, b["A"].Latest.Mean!.Value, 9);
        Assert.Equal(100.0 * 11 / 13, org["P"].Latest.Value!.Value, 9);
        Assert.Equal((13L, 11L), (org["P"].Latest.N!.Value, org["P"].Latest.Answered!.Value));
        Assert.Equal(100.0 * 6 / 7, a["P"].Latest.Value!.Value, 9);
        Assert.Equal(100.0 * 5 / 6, b["P"].Latest.Value!.Value, 9);
        Assert.Equal(11, org["K"].Latest.N);
        Assert.Equal(6, a["A"].Latest.N);
    }

    [Fact]
    public async Task Publish_QuestionTable_HoldsEachQuestionsOwnScore()
    {
        var report = await _world.ReportAsync();

        var quiz = report.Questions.Single(q => q.QuestionId == "k1");
        Assert.Equal("Who is our customer?", quiz.Text);
        Assert.Equal(100.0 * 6 / 11, quiz.Points[^1].Value!.Value, 9);
        Assert.Equal(11, quiz.Points[^1].N);
    }

    [Fact]
    public async Task Publish_MonthAndQuarterOnceEnded_EqualTheirOnlyWeek()
    {
        _world.Clock.Advance(TimeSpan.FromDays(120));
        await _world.SealAsync();

        var month = await _world.ReportAsync(kind: PeriodKind.Month, count: 6);
        var quarter = await _world.ReportAsync(kind: PeriodKind.Quarter, count: 2);

        var january = month.Organisation["A"].Points.Single(p => p.Period.Key == "M2026-01");
        Assert.Equal(100.0 * 7 / 11, january.Value!.Value, 9);
        Assert.Equal(100.0 * 7 / 11, quarter.Organisation["A"].Points.Single(p => p.Period.Key == "Q2026-1").Value!.Value, 9);
    }

    [Fact]
    public async Task Publish_BeforeTheMonthHasEnded_ShowsNoMonth()
    {
        var month = await _world.ReportAsync(kind: PeriodKind.Month, count: 3);

        Assert.True(month.IsEmpty);
    }

    [Fact]
    public async Task Publish_LevelsAndTopics_AreOrganisationWideBreakdowns()
    {
        var report = await _world.ReportAsync();

        var level1 = report.Levels.Single(l => l.Slice == "level:1");
        Assert.Equal(100.0 * 6 / 11, level1["K"].Latest.Value!.Value, 9);
        Assert.Equal(100.0 * 6 / 11, report.Tags.Single(t => t.Slice == "tag:listening")["B"].Latest.Value!.Value, 9);
    }
}
