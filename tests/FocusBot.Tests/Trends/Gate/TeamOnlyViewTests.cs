using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Trends.Gate;

/// <summary>
/// A Manager's view (TrendRequest.TeamOnly): the team's own figures exactly as HR sees them, and nothing of the
/// organisation, of other teams or of the organisation-wide breakdowns, not even as a reference line.
/// </summary>
public sealed class TeamOnlyViewTests : IAsyncLifetime
{
    private TrendWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        _world = await TrendWorld.CreateAsync();
        var pulse = await _world.OpenPulseAsync(0, SampleQuestions.Quiz, SampleQuestions.Agreement);
        foreach (var question in (Question[])[SampleQuestions.Quiz, SampleQuestions.Agreement])
        {
            await _world.CohortAsync(pulse, question, "alpha-" + question.Id, ["4", "4", "5", "3", "2", "4"], "alpha");
            await _world.CohortAsync(pulse, question, "bravo-" + question.Id, ["1", "2", "1", "1", "2", "1"], "bravo");
        }

        await _world.CloseAsync(pulse);
        await _world.SealAsync();
    }

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task TeamOnly_ShowsTheTeamsFiguresAsHrSeesThem_AndNoOrganisationFigureOrBreakdown()
    {
        var asHr = await _world.ReportAsync("team:alpha");

        var asManager = await _world.ReportAsync("team:alpha", teamOnly: true);

        Assert.True(asManager.TeamOnly);
        Assert.True(asManager.Focus["A"].Latest.IsShown);
        Assert.Equal(asHr.Focus.Measures.SelectMany(m => m.Points).Select(p => (p.Status, p.Value, p.N)), asManager.Focus.Measures.SelectMany(m => m.Points).Select(p => (p.Status, p.Value, p.N)));
        Assert.True(asHr.Organisation["A"].Latest.IsShown);
        Assert.All(asManager.Organisation.Measures.SelectMany(m => m.Points), p =>
        {
            Assert.Equal(FigureStatus.NotAvailable, p.Status);
            Assert.Null(p.Value);
            Assert.Null(p.N);
        });
        Assert.Equal(["team:alpha"], asManager.Teams.Select(t => t.Slice));
        Assert.NotEmpty(asHr.Questions);
        Assert.Empty(asManager.Levels);
        Assert.Empty(asManager.Tags);
        Assert.Empty(asManager.Questions);
    }

    [Fact]
    public async Task TeamOnly_ForTheOrganisation_IsRefused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => _world.ReportAsync(TrendSlices.Org, teamOnly: true));
}
