using FocusBot.Development;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Trends;
using FocusBot.Review;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Trends.Host;

public sealed class DemoSeederTests
{
    [Fact]
    public async Task Seed_InDevelopment_GivesTwelveWeeksOfTrendsForFiveTeams_Once()
    {
        await using var host = new FocusBotTestHost();
        _ = host.Client;
        var seeder = host.Services.GetRequiredService<DemoSeeder>();

        var first = await seeder.SeedAsync(CancellationToken.None);
        var second = await seeder.SeedAsync(CancellationToken.None);
        var report = await host.Services.GetRequiredService<PrivacyGate>().PublishAsync(
            new TrendRequest { TenantId = DemoSeeder.PlaygroundTenantId, Count = 12, TeamPeriods = 12, IncludeBreakdowns = true }, CancellationToken.None);

        Assert.Contains("60 people in 5 teams, 12 weekly pulses", first, StringComparison.Ordinal);
        Assert.Contains("already seeded", second, StringComparison.Ordinal);
        Assert.Equal(12, report.Periods.Count);
        Assert.Equal(["Customer Support", "Finance", "Operations", "Product", "Sales"], report.Teams.Select(t => t.Name));
        Assert.All(TrendMeasure.Indices, measure => Assert.All(report.Organisation[measure].Points, p => Assert.True(p.IsShown, $"{measure} {p.Period}")));
        var knowledge = report.Organisation["K"].Points;
        Assert.True(knowledge[^1].Value > knowledge[0].Value + 10, "knowledge should rise over the demo weeks");
        Assert.NotEmpty(report.Themes);
        Assert.NotEmpty(report.Questions);
    }

    [Fact]
    public async Task Seed_InDevelopment_GivesTheReviewPackRecordsInBothQuarters_Once()
    {
        await using var host = new FocusBotTestHost();
        _ = host.Client;
        var seeder = host.Services.GetRequiredService<DemoSeeder>();
        const string tenant = DemoSeeder.PlaygroundTenantId;

        var first = await seeder.SeedAsync(CancellationToken.None);
        await seeder.SeedAsync(CancellationToken.None);
        // Even past the marker, the records themselves are not written twice.
        var again = await host.Services.GetRequiredService<DemoProgramme>().AddAsync(tenant, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Contains("13 programme records", first, StringComparison.Ordinal);
        Assert.Equal(0, again);
        Assert.Equal(3, (await host.Services.GetRequiredService<IInsightStore>().ListLatestAsync(tenant, 100, CancellationToken.None)).Count);
        Assert.Equal(5, (await host.Services.GetRequiredService<IRecognitionStore>().ListRecentAsync(tenant, 100, CancellationToken.None)).Count);
        Assert.Equal(3, (await host.Services.GetRequiredService<IActionStore>().ListLatestAsync(tenant, 0, 100, CancellationToken.None)).Count);

        var builder = host.Services.GetRequiredService<ReviewPackBuilder>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var words in (string[])["", "this quarter"])
        {
            var pack = await builder.BuildAsync(tenant, ReviewRange.Parse(words, today).Range!, CancellationToken.None);
            Assert.NotEmpty(pack.Insights);
            Assert.All(pack.Insights, i => Assert.Equal(PlaygroundDefaults.User.Name, i.AuthorName));
            Assert.Single(pack.ExecutiveRecognitions);
            Assert.True(pack.ColleagueRecognitions > 0, $"no colleague recognitions in '{words}'");
            Assert.Single(pack.Events);
            Assert.True(pack.Actions.Count >= 2, $"{pack.Actions.Count} actions in '{words}'");
            // Done in the last quarter; in progress past its due date in this one.
            Assert.Contains(pack.Actions, a => ReviewClauses.Status(a, pack.Range).StartsWith(words == "" ? "Done" : "In progress, overdue", StringComparison.Ordinal));
            Assert.False(pack.Figures.IsEmpty);
            // The range's own periods only, even while its last one is still open.
            Assert.All(pack.Figures.Periods, p => Assert.True(p >= pack.Range.First && p <= pack.Range.Last, $"{p.Key} is outside '{words}'"));
        }
    }
}
