using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Trends.Gate;

/// <summary>A report of a fixed range (<see cref="TrendRequest.From"/>): it never reaches back before the range, however many periods it asks for.</summary>
public sealed class ReportRangeTests : IAsyncLifetime
{
    private TrendWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        _world = await TrendWorld.CreateAsync();
        for (var week = 0; week < 4; week++)
        {
            var pulse = await _world.OpenPulseAsync(week, SampleQuestions.Quiz);
            await _world.CohortAsync(pulse, SampleQuestions.Quiz, $"w{week}-", [.. Enumerable.Repeat("1", 8)], "t-a");
            await _world.CloseAsync(pulse);
        }

        await _world.SealAsync();
    }

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private static TrendPeriod Week(int weeksAfterStart) => TrendPeriod.WeekOf(DateOnly.FromDateTime(TrendWorld.Start.AddDays(7 * weeksAfterStart).UtcDateTime));

    private Task<TrendReport> PublishAsync(TrendPeriod from, TrendPeriod through) =>
        _world.Gate.PublishAsync(new TrendRequest { TenantId = TrendWorld.Tenant, Count = 6, From = from, Through = through, TeamPeriods = 6 }, CancellationToken.None);

    [Fact]
    public async Task RangeWhoseLastWeeksAreOpen_ShowsOnlyItsOwnFinalWeeks()
    {
        var report = await PublishAsync(Week(2), Week(7));

        Assert.Equal([Week(2), Week(3)], report.Periods);
        Assert.All(report.Teams, team => Assert.Equal(2, team[TrendMeasure.Knowledge].Points.Count));
    }

    [Fact]
    public async Task RangeWithNoFinalWeek_IsTheEmptyReport_NotTheWeeksBeforeIt()
    {
        var report = await PublishAsync(Week(5), Week(8));

        Assert.True(report.IsEmpty);
        Assert.Null(report.FairKnowledge);
    }
}
