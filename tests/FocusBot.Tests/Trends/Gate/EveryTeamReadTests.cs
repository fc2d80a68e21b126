using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Trends.Gate;

/// <summary>
/// A report of more teams than one round of parallel reads reads them all at once (<c>IAggregateStore.ListSlicesAsync</c>);
/// every team's figures and item figures must be exactly those the team's own report shows, hidden ones hidden.
/// </summary>
public abstract class EveryTeamReadTests
{
    protected abstract Task<TrendWorld> CreateWorldAsync();

    [Fact]
    public async Task OrganisationReportOfTwelveTeams_ShowsEachTeamAsItsOwnReportDoes()
    {
        await using var world = await CreateWorldAsync();
        for (var week = 0; week < 2; week++)
        {
            var pulse = await world.OpenPulseAsync(week, SampleQuestions.Quiz, SampleQuestions.Agreement);
            for (var team = 0; team < 12; team++)
            {
                // Team 0 has three people (hidden); the others five to eight, with different shares right and agreeing.
                var people = team == 0 ? 3 : 5 + (team % 4);
                var quiz = Enumerable.Range(0, people).Select(i => i < (team + week) % people + 1 ? "1" : "0").ToList();
                await world.CohortAsync(pulse, SampleQuestions.Quiz, $"w{week}t{team}-", quiz, $"t-{team:00}");
                for (var i = 0; i < people; i++)
                    await world.AnswerAsync(pulse, SampleQuestions.Agreement, $"w{week}t{team}-{i}", i % 2 == 0 ? "5" : "3", $"t-{team:00}");
            }

            await world.CloseAsync(pulse);
        }

        await world.SealAsync();

        var organisation = await world.ReportAsync(count: 2, teamPeriods: 2);
        var levels = await world.Gate.PublishLevelsAsync(TrendWorld.Tenant, null, 8, CancellationToken.None);

        Assert.Equal(12, organisation.Teams.Count);
        Assert.Equal(12, levels.Teams.Count);
        Assert.Contains(organisation.Teams, t => t.Slice == TrendSlices.Team("t-00") && !t[TrendMeasure.Knowledge].Latest.IsShown);
        foreach (var team in organisation.Teams)
        {
            var own = await world.ReportAsync(slice: team.Slice, count: 2, teamPeriods: 2);
            Assert.Equal(Figures(own.Focus), Figures(team));
            var ownLevels = await world.Gate.PublishLevelsAsync(TrendWorld.Tenant, team.Slice, 8, CancellationToken.None);
            Assert.Equal(ownLevels.Teams.Single().Items, levels.Teams.Single(t => t.Slice == team.Slice).Items);
        }
    }

    private static List<string> Figures(SliceSeries series) => [.. series.Measures.SelectMany(m => m.Points.Select(p => p.ToString()))];
}

public sealed class EveryTeamReadOnSqliteTests : EveryTeamReadTests
{
    protected override Task<TrendWorld> CreateWorldAsync() => TrendWorld.CreateAsync();
}

public sealed class EveryTeamReadOnAzuriteTests(AzuriteFixture azurite) : EveryTeamReadTests
{
    protected override Task<TrendWorld> CreateWorldAsync() => TrendWorld.CreateAsync(azureTablesConnectionString: azurite.ConnectionString);
}
