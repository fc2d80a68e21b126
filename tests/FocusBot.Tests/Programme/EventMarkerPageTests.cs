using FocusBot.Domain.Programme;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Host;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Programme;

/// <summary>
/// Programme events on the report page (GET /reports/trends behind a signed link): a labelled vertical marker at the
/// event's week on the charts of the groups it was for, and the list of events the markers stand for.
/// </summary>
public sealed class EventMarkerPageTests(TrendsHostFixture fixture) : IClassFixture<TrendsHostFixture>
{
    private const string OrganisationWide = "Customer clinic with Contoso & Co";
    private const string AlphaOnly = "Alpha's focus team formed";

    private ReportLinkSigner Signer => fixture.Host.Services.GetRequiredService<ReportLinkSigner>();

    private TrendPeriod WeekOf(int pulse) => TrendPeriod.WeekOf(DateOnly.FromDateTime(fixture.Pulses[pulse].OpensAt.UtcDateTime));

    private async Task<string> PageAsync(string slice = TrendSlices.Org)
    {
        var events = fixture.Host.Services.GetRequiredService<IProgrammeEventStore>();
        ProgrammeEvent Event(string id, ProgrammeEventKind kind, string title, int pulse, params string[] teams) => new()
        {
            Id = id,
            TenantId = HostTrendSeed.Tenant,
            Kind = kind,
            Title = title,
            Date = WeekOf(pulse).FirstDay.AddDays(2),
            TeamIds = teams,
            RecordedByAadObjectId = "hr",
            RecordedAt = fixture.Pulses[0].OpensAt,
        };
        await events.CreateAsync(Event("org", ProgrammeEventKind.CustomerClinic, OrganisationWide, 0), CancellationToken.None);
        await events.CreateAsync(Event("alpha", ProgrammeEventKind.CustomerFocusTeamFormed, AlphaOnly, 1, "t-alpha"), CancellationToken.None);
        await events.CreateAsync(Event("long-ago", ProgrammeEventKind.Training, "Before the report's weeks", 0) with { Date = new DateOnly(2020, 1, 6) }, CancellationToken.None);

        var link = fixture.Host.Services.GetRequiredService<ReportUrls>().LinkFor(HostTrendSeed.Tenant, TeamsActivities.AadOf(HostTrendSeed.HrUser), HostTrendSeed.HrUser, slice, PeriodKind.Week, 12);
        return await fixture.Host.Client.GetStringAsync(ReportUrls.Relative(ReportUrls.PagePath, Signer.Sign(link)));
    }

    /// <summary>The SVG of one chart: the organisation's full chart of a measure, or a team's small chart.</summary>
    private static string Chart(string html, string measure, string slice, bool small)
    {
        var start = html.IndexOf($"<svg class=\"chart{(small ? " small" : string.Empty)}\" data-measure=\"{measure}\" data-slice=\"{slice}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no chart of {measure} for {slice}");
        return html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)];
    }

    [Fact]
    public async Task Page_EventsInItsWeeks_AreLabelledMarkersOnTheChartsOfTheirGroups()
    {
        var html = await PageAsync();

        var organisation = Chart(html, "K", TrendSlices.Org, small: false);
        Assert.Contains($"<g class=\"marker\" data-period=\"{WeekOf(0).Key}\">", organisation, StringComparison.Ordinal);
        Assert.Contains($"<g class=\"marker\" data-period=\"{WeekOf(1).Key}\">", organisation, StringComparison.Ordinal);
        Assert.Contains("Customer clinic: Customer clinic with Contoso &amp; Co", organisation, StringComparison.Ordinal);
        Assert.Contains("<text class=\"marker-label\"", organisation, StringComparison.Ordinal);
        Assert.DoesNotContain("Before the report", html, StringComparison.Ordinal);

        var alpha = Chart(html, "K", TrendSlices.Team("t-alpha"), small: true);
        Assert.Contains(AlphaOnly.Replace("'", "&#39;", StringComparison.Ordinal), alpha, StringComparison.Ordinal);
        Assert.Contains("Contoso", alpha, StringComparison.Ordinal);
        var bravo = Chart(html, "K", TrendSlices.Team("t-bravo"), small: true);
        Assert.Contains("Contoso", bravo, StringComparison.Ordinal);
        Assert.DoesNotContain("focus team formed", bravo, StringComparison.Ordinal);

        Assert.Contains("Programme events marked on the charts", html, StringComparison.Ordinal);
        Assert.Contains("<td>Alpha</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OfATeam_MarksAndListsOnlyItsOwnAndOrganisationWideEvents()
    {
        var html = await PageAsync(TrendSlices.Team("t-bravo"));

        Assert.Contains("Contoso", Chart(html, "K", TrendSlices.Team("t-bravo"), small: false), StringComparison.Ordinal);
        Assert.DoesNotContain("focus team formed", html, StringComparison.Ordinal);
    }
}
