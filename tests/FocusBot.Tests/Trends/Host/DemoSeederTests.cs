using FocusBot.Development;
using FocusBot.Domain.Trends;
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
}
