using System.Net;
using System.Text;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Trends.Host;

public sealed class ReportPageTests(TrendsHostFixture fixture) : IClassFixture<TrendsHostFixture>
{
    private ReportUrls Urls => fixture.Host.Services.GetRequiredService<ReportUrls>();

    private ReportLinkSigner Signer => fixture.Host.Services.GetRequiredService<ReportLinkSigner>();

    private ReportLink LinkFor(string user, string slice = TrendSlices.Org) =>
        Urls.LinkFor(HostTrendSeed.Tenant, TeamsActivities.AadOf(user), user, slice, PeriodKind.Week, 12);

    private Task<HttpResponseMessage> GetAsync(string path, string token) =>
        fixture.Host.Client.GetAsync(ReportUrls.Relative(path, token));

    [Fact]
    public async Task Page_ValidLink_DrawsAChartPerIndexWithSafeHeaders()
    {
        var response = await GetAsync(ReportUrls.PagePath, Signer.Sign(LinkFor(HostTrendSeed.HrUser)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        foreach (var measure in (string[])["K", "B", "A", "P"])
            Assert.Contains($"<svg class=\"chart\" data-measure=\"{measure}\"", html, StringComparison.Ordinal);
        Assert.Contains("<path class=\"series focus\" data-series=\"Organisation\" d=\"M", html, StringComparison.Ordinal);
        Assert.Contains("Who is our customer?", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_TeamNames_AreHtmlEncoded()
    {
        var html = await (await GetAsync(ReportUrls.PagePath, Signer.Sign(LinkFor(HostTrendSeed.HrUser)))).Content.ReadAsStringAsync();

        Assert.Contains("=HYPERLINK(&quot;http://evil.example&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(TrendsHostFixture.FormulaTeamName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_TinyTeamRow_ShowsOnlyHidden()
    {
        var html = await (await GetAsync(ReportUrls.PagePath, Signer.Sign(LinkFor(HostTrendSeed.HrUser)))).Content.ReadAsStringAsync();

        var row = html[html.IndexOf(">Tiny</a></td>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.DoesNotContain("%", row, StringComparison.Ordinal);
        Assert.DoesNotContain("n ", row, StringComparison.Ordinal);
        Assert.Equal(4, row.Split("hidden</td>").Length - 1);
    }

    [Fact]
    public async Task Page_TinyTeamSmallCharts_DrawNoPointOfIt()
    {
        var html = await (await GetAsync(ReportUrls.PagePath, Signer.Sign(LinkFor(HostTrendSeed.HrUser)))).Content.ReadAsStringAsync();

        var charts = html.Split("<figure>").Skip(1).Select(f => f[..f.IndexOf("</figure>", StringComparison.Ordinal)]).Where(f => f.Contains(">Tiny</a>", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, charts.Count); // knowledge, behaviour, attitude, participation
        Assert.All(charts, chart =>
        {
            Assert.Contains("<span class=\"n\">hidden</span>", chart, StringComparison.Ordinal);
            Assert.DoesNotContain("<circle", chart, StringComparison.Ordinal);
            Assert.Contains("<path class=\"series focus\" data-series=\"Tiny\" d=\"\">", chart, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Page_ExpiredLink_IsRefusedWithAClearPage()
    {
        var expired = LinkFor(HostTrendSeed.HrUser) with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) };

        var response = await GetAsync(ReportUrls.PagePath, Signer.Sign(expired));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Page_TamperedLink_IsRefused()
    {
        var token = Signer.Sign(LinkFor(HostTrendSeed.HrUser));
        var payload = Encoding.UTF8.GetString(FromBase64Url(token.Split('.')[0])).Replace("\nWeek\n12\n", "\nWeek\n52\n", StringComparison.Ordinal);
        var tampered = ToBase64Url(Encoding.UTF8.GetBytes(payload)) + "." + token.Split('.')[1];

        var response = await GetAsync(ReportUrls.PagePath, tampered);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_LinkMovedToAnotherUser_IsRefused()
    {
        // Another HR person's identity under the first person's signature.
        var other = "29:other-hr";
        await fixture.Host.Services.GetRequiredService<IRoleStore>().GrantAsync(new RoleAssignment
        {
            TenantId = HostTrendSeed.Tenant,
            AadObjectId = TeamsActivities.AadOf(other),
            Role = Role.HR,
            GrantedBy = "test",
            GrantedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        var token = Signer.Sign(LinkFor(HostTrendSeed.HrUser));
        var payload = Encoding.UTF8.GetString(FromBase64Url(token.Split('.')[0]))
            .Replace(TeamsActivities.AadOf(HostTrendSeed.HrUser), TeamsActivities.AadOf(other), StringComparison.Ordinal)
            .Replace(HostTrendSeed.HrUser, other, StringComparison.Ordinal);
        var moved = ToBase64Url(Encoding.UTF8.GetBytes(payload)) + "." + token.Split('.')[1];

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(ReportUrls.PagePath, moved)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(ReportUrls.PagePath, Signer.Sign(LinkFor(other)))).StatusCode);
    }

    [Fact]
    public async Task Page_LinkOfSomeoneWithoutTheHrRole_IsRefused()
    {
        var response = await GetAsync(ReportUrls.PagePath, Signer.Sign(LinkFor(HostTrendSeed.StaffUser)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("HR role", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    public async Task Page_MissingOrMalformedLink_IsRefused(string token)
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(ReportUrls.PagePath, token)).StatusCode);
    }

    [Fact]
    public async Task Csv_ValidLink_ExportsAggregatesWithFormulasNeutralised()
    {
        var response = await GetAsync(ReportUrls.CsvPath, Signer.Sign(LinkFor(HostTrendSeed.HrUser)));
        var csv = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync()).AsSpan(3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.StartsWith(TrendCsv.Header, csv, StringComparison.Ordinal);
        Assert.Contains("team,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Bravo\"\")\",Knowledge,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("voice_theme,clearer invoices,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Organisation_ShowsRawAndAdjustedKnowledgeSideBySideWithTheMethod()
    {
        var html = await (await GetAsync(ReportUrls.PagePath, Signer.Sign(LinkFor(HostTrendSeed.HrUser)))).Content.ReadAsStringAsync();

        var section = html[html.IndexOf("<section id=\"fair-knowledge\">", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains(System.Net.WebUtility.HtmlEncode(KnowledgeScale.Method), section, StringComparison.Ordinal);
        Assert.Contains("<th>Raw % correct</th><th>Adjusted index</th>", section, StringComparison.Ordinal);
        // One row per seeded week, each with the week's raw figure and the index beside it.
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(section, @"<tr><td>[^<]+</td><td>\d+%</td><td><strong>\d+%</strong></td><td>1</td>"));
    }

    [Fact]
    public async Task Page_OfATeam_HasNoOrganisationScale()
    {
        var html = await (await GetAsync(ReportUrls.PagePath, Signer.Sign(LinkFor(HostTrendSeed.HrUser, TrendSlices.Team("t-alpha"))))).Content.ReadAsStringAsync();

        Assert.Contains("Customer focus trends: Alpha", html, StringComparison.Ordinal);
        Assert.DoesNotContain("fair-knowledge", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_Organisation_HasAnAdjustedKnowledgeRowPerShownWeek()
    {
        var csv = await (await GetAsync(ReportUrls.CsvPath, Signer.Sign(LinkFor(HostTrendSeed.HrUser)))).Content.ReadAsStringAsync();

        var rows = csv.Split("\r\n").Where(line => line.StartsWith("organisation,Organisation," + TrendCsv.AdjustedMeasure + ",", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal("shown", row.Split(',')[6]));
    }

    [Fact]
    public async Task Csv_TinyTeamRows_CarryNoNumbers()
    {
        var csv = await (await GetAsync(ReportUrls.CsvPath, Signer.Sign(LinkFor(HostTrendSeed.HrUser)))).Content.ReadAsStringAsync();

        var tiny = csv.Split("\r\n").Where(line => line.StartsWith("team,Tiny,", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(tiny);
        Assert.All(tiny, line =>
        {
            var cells = line.Split(',');
            Assert.Contains(cells[6], (string[])["hidden", "not_available"]);
            Assert.All(cells[7..], cell => Assert.Equal(string.Empty, cell));
        });
    }

    [Fact]
    public async Task Csv_ExpiredLink_IsRefused()
    {
        var expired = LinkFor(HostTrendSeed.HrUser) with { ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-5) };

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(ReportUrls.CsvPath, Signer.Sign(expired))).StatusCode);
    }

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
