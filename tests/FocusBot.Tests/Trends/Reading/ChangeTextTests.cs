using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;

namespace FocusBot.Tests.Trends.Reading;

/// <summary>
/// What a change label says to an HR person: what it compares with, the direction of a clear change, and for any other
/// difference that it is not a clear one and why. Weeks start on Monday 5 January 2026 (<see cref="TrendWorld.Start"/>).
/// </summary>
public sealed class ChangeTextTests : IAsyncLifetime
{
    private TrendWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await TrendWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private async Task WeekAsync(int week, Question question, params string[] values)
    {
        var pulse = await _world.OpenPulseAsync(week, question);
        await _world.CohortAsync(pulse, question, $"w{week}-", values);
        await _world.CloseAsync(pulse);
    }

    private async Task<string> LatestChangeAsync(string measure)
    {
        await _world.SealAsync();
        return TrendText.Change((await _world.ReportAsync()).Organisation[measure].Latest);
    }

    [Fact]
    public async Task Change_ThirtyTwoPointFallAmongEightPeople_SaysItIsNotAClearChangeAndWhy()
    {
        // The demo's Finance behaviour: 4 of 7 at least 2-3 times, then 2 of 8. Fisher's exact test: p = 1575/5005 = 0.31,
        // so two people answering differently cannot show a real change; "Stable" claimed nothing had moved.
        await WeekAsync(0, SampleQuestions.Frequency, "2", "3", "2", "2", "0", "1", "0");
        await WeekAsync(1, SampleQuestions.Frequency, "2", "3", "0", "1", "0", "1", "0", "1");

        var text = await LatestChangeAsync(TrendMeasure.Behaviour);

        Assert.Equal("● -32 pts vs the week before: not a clear change with 8 and 7 people", text);
    }

    [Fact]
    public async Task Change_SignificantRise_SaysUpAndWhatItComparesWith()
    {
        await WeekAsync(0, SampleQuestions.Quiz, "1", "1", "1", "0", "0", "0", "0", "0", "0", "0");
        await WeekAsync(1, SampleQuestions.Quiz, "1", "1", "1", "1", "1", "1", "1", "1", "1", "0");

        Assert.Equal("▲ up 60 pts vs the week before", await LatestChangeAsync(TrendMeasure.Knowledge));
    }

    [Fact]
    public async Task Change_SignificantFall_SaysDown()
    {
        await WeekAsync(0, SampleQuestions.Quiz, "1", "1", "1", "1", "1", "1", "1", "1", "1", "0");
        await WeekAsync(1, SampleQuestions.Quiz, "1", "1", "1", "0", "0", "0", "0", "0", "0", "0");

        Assert.Equal("▼ down 60 pts vs the week before", await LatestChangeAsync(TrendMeasure.Knowledge));
    }

    [Fact]
    public async Task Change_UnderFivePoints_SaysLittleChange()
    {
        await WeekAsync(0, SampleQuestions.Agreement, "4", "4", "4", "4", "4", "2", "2", "2", "2", "2");
        await WeekAsync(1, SampleQuestions.Agreement, "5", "4", "4", "4", "4", "1", "2", "2", "3", "2");

        Assert.Equal("● 0 pts vs the week before: little change (under 5 pts)", await LatestChangeAsync(TrendMeasure.Attitude));
    }

    [Fact]
    public async Task Change_AfterAWeekThatDidNotAskIt_ComparesWithTheLastWeekThatDid()
    {
        await WeekAsync(0, SampleQuestions.Quiz, "1", "1", "1", "0", "0", "0", "0", "0", "0", "0");
        await WeekAsync(1, SampleQuestions.Agreement, "4", "4", "4", "4", "4", "4");
        await WeekAsync(2, SampleQuestions.Quiz, "1", "1", "1", "1", "1", "1", "1", "1", "1", "0");

        Assert.Equal("▲ up 60 pts vs the week of 5 Jan 2026", await LatestChangeAsync(TrendMeasure.Knowledge));
    }

    [Fact]
    public async Task Change_AfterAHiddenWeek_SaysTheWeekBeforeIsHidden()
    {
        await WeekAsync(0, SampleQuestions.Quiz, "1", "1", "1", "0");
        await WeekAsync(1, SampleQuestions.Quiz, "1", "1", "1", "1", "1", "1", "1", "1", "1", "0");

        Assert.Equal("no comparison: the week before is hidden", await LatestChangeAsync(TrendMeasure.Knowledge));
    }

    [Fact]
    public async Task Change_FirstWeek_SaysThereIsNothingEarlierToCompareWith()
    {
        await WeekAsync(0, SampleQuestions.Quiz, "1", "1", "1", "1", "0");

        Assert.Equal("no comparison: no results in the 12 weeks before", await LatestChangeAsync(TrendMeasure.Knowledge));
    }
}
