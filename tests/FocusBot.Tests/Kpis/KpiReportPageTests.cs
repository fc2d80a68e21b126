using FocusBot.Domain.Kpis;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Host;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Kpis;

/// <summary>
/// Customer KPIs on the report page and in its CSV (GET /reports/trends and /reports/trends.csv behind a signed link),
/// over three sealed weeks of Alpha (8 people), Bravo (6) and Tiny (3, hidden).
/// </summary>
public sealed class KpiReportPageTests(TrendsHostFixture fixture) : IClassFixture<TrendsHostFixture>, IAsyncLifetime
{
    private static readonly KpiDefinition Formula = new("=SUM(A1:A9)", KpiUnits.Count, KpiDirection.LowerIsBetter);

    private ReportLinkSigner Signer => fixture.Host.Services.GetRequiredService<ReportLinkSigner>();

    private TrendPeriod WeekOf(int pulse) => TrendPeriod.WeekOf(DateOnly.FromDateTime(fixture.Pulses[pulse].OpensAt.UtcDateTime));

    public async ValueTask InitializeAsync()
    {
        KpiValue Value(KpiDefinition kpi, int pulse, double value, string team = "") => new()
        {
            TenantId = HostTrendSeed.Tenant,
            Kpi = kpi.Key,
            Period = WeekOf(pulse),
            TeamId = team,
            Value = value,
            ImportedBy = "hr",
            ImportedAt = fixture.Pulses[2].ClosesAt,
        };

        await fixture.Host.Services.GetRequiredService<IKpiStore>().ImportAsync(HostTrendSeed.Tenant, [Formula],
        [
            Value(KnownKpis.Csat, 0, 71), Value(KnownKpis.Csat, 1, 74.5), Value(KnownKpis.Csat, 2, 78),
            Value(KnownKpis.Csat, 2, 80, "t-alpha"), Value(KnownKpis.Csat, 2, 69, "t-bravo"), Value(KnownKpis.Csat, 2, 90, "t-tiny"),
            Value(Formula, 2, 3),
        ], CancellationToken.None);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<string> GetAsync(string path, string slice = TrendSlices.Org)
    {
        var link = fixture.Host.Services.GetRequiredService<ReportUrls>().LinkFor(HostTrendSeed.Tenant, TeamsActivities.AadOf(HostTrendSeed.HrUser), HostTrendSeed.HrUser, slice, PeriodKind.Week, 12);
        return await fixture.Host.Client.GetStringAsync(ReportUrls.Relative(path, Signer.Sign(link)));
    }

    private static string Section(string html)
    {
        var start = html.IndexOf("<section id=\"kpis\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "no Customer KPIs section");
        return html[start..(html.IndexOf("</section>", start, StringComparison.Ordinal) + 10)];
    }

    [Fact]
    public async Task Page_Organisation_ShowsEachKpiBesideTheSameWeeksFigures_AndTinyStaysHidden()
    {
        var section = Section(await GetAsync(ReportUrls.PagePath));

        Assert.Contains("<h3>CSAT (%, higher is better)</h3>", section, StringComparison.Ordinal);
        Assert.Contains($"<tr><td>{WeekOf(1).Label}</td><td>74.5%</td>", section, StringComparison.Ordinal);
        Assert.Contains($"<th>Team, {WeekOf(2).Label}</th>", section, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Alpha</td><td>80%</td>", section, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Tiny</td><td>90%</td><td>hidden</td><td>hidden</td><td>hidden</td></tr>", section, StringComparison.Ordinal);
        Assert.Contains("<h3>=SUM(A1:A9) (count, lower is better)</h3>", section, StringComparison.Ordinal);
        // Three teams and three weeks: too few pairs to say anything about association.
        Assert.DoesNotContain("(rank correlation", section, StringComparison.Ordinal);
        Assert.DoesNotContain(KpiAssociation.NotCause, section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OfATeam_ShowsThatTeamsValuesOnly()
    {
        var section = Section(await GetAsync(ReportUrls.PagePath, TrendSlices.Team("t-bravo")));

        Assert.Contains("<tr><td>" + WeekOf(2).Label + "</td><td>69%</td>", section, StringComparison.Ordinal);
        Assert.DoesNotContain("80%", section, StringComparison.Ordinal);
        Assert.DoesNotContain("78%", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_CarriesTheKpiRows_WithAFormulaLikeNameNeutralised()
    {
        var csv = await GetAsync(ReportUrls.CsvPath);

        Assert.Contains($"customer_kpi,Organisation,CSAT (%),{WeekOf(1).Key},{WeekOf(1).FirstDay:yyyy-MM-dd},{WeekOf(1).LastDay:yyyy-MM-dd},shown,74.5,", csv, StringComparison.Ordinal);
        Assert.Contains($"customer_kpi,Tiny,CSAT (%),{WeekOf(2).Key},", csv, StringComparison.Ordinal);
        Assert.Contains("customer_kpi,Organisation,'=SUM(A1:A9) (count),", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=SUM", csv, StringComparison.Ordinal);
    }
}
