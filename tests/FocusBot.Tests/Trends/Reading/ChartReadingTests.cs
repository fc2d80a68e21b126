using System.Text.RegularExpressions;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;

namespace FocusBot.Tests.Trends.Reading;

/// <summary>The report page's charts for six teams: one line for the organisation, one small chart per team.</summary>
public sealed partial class ChartReadingTests : IAsyncLifetime
{
    private const int Teams = 6;
    private TrendWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        _world = await TrendWorld.CreateAsync();
        for (var team = 0; team < Teams; team++)
            await _world.NameTeamAsync("t" + team, "Team " + (char)('A' + team));
        for (var week = 0; week < 2; week++)
        {
            var pulse = await _world.OpenPulseAsync(week, SampleQuestions.Quiz);
            for (var team = 0; team < Teams; team++)
                await _world.CohortAsync(pulse, SampleQuestions.Quiz, $"w{week}t{team}-", ["1", "1", "0", "1", "0"], "t" + team);
            await _world.CloseAsync(pulse);
        }

        await _world.SealAsync();
    }

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private static List<string> ChartsOf(string html, string measure) =>
        [.. Chart().Matches(html).Select(m => m.Value).Where(svg => svg.Contains($"data-measure=\"{measure}\"", StringComparison.Ordinal))];

    private static int Lines(string svg) => svg.Split("<path class=\"series").Length - 1;

    [Fact]
    public async Task Page_Organisation_HasItsOwnChartAndEachTeamASmallOne_NeverMoreThanTwoLines()
    {
        var html = ReportPage.Render(await _world.ReportAsync(), "nonce", "/csv", _ => null, TrendWorld.Start.AddDays(30));

        var charts = ChartsOf(html, TrendMeasure.Knowledge);

        var organisation = Assert.Single(charts, svg => svg.Contains("data-slice=\"org\"", StringComparison.Ordinal));
        Assert.Equal(1, Lines(organisation));
        Assert.Equal(Teams, charts.Count(svg => svg.Contains("data-slice=\"team:", StringComparison.Ordinal)));
        Assert.All(charts, svg => Assert.True(Lines(svg) <= 2, $"{Lines(svg)} lines in one chart"));
        // Same scale everywhere: every chart runs from 0 to 100.
        Assert.All(charts, svg => Assert.Contains(">100</text>", svg, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_Team_DrawsTheTeamWithTheOrganisationAsAReference()
    {
        var html = ReportPage.Render(await _world.ReportAsync("team:t0"), "nonce", "/csv", _ => null, TrendWorld.Start.AddDays(30));

        var chart = Assert.Single(ChartsOf(html, TrendMeasure.Knowledge));

        Assert.Equal(2, Lines(chart));
        Assert.Contains("class=\"series reference\" data-series=\"Organisation\"", chart, StringComparison.Ordinal);
    }

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Chart();
}
