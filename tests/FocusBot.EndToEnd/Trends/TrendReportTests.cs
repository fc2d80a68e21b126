using System.Net;
using System.Security.Cryptography;
using FocusBot.Domain.Trends;
using FocusBot.EndToEnd.Journeys;
using FocusBot.EndToEnd.Playground;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Playwright;

namespace FocusBot.EndToEnd.Trends;

/// <summary>
/// The HR report page as a browser draws it, from FocusBot started with `--seed-demo` (12 weeks of made-up history): its
/// SVG charts under its strict CSP, and the refusal of a link with another signature. HR reaching it from the trend card
/// in the Playground is <see cref="Journeys.HrJourneyTests"/>.
/// </summary>
[Collection(DemoPlaygroundCollectionDefinition.Name)]
public sealed class TrendReportTests(DemoPlaygroundFixture demo)
{
    private static Task<string> ScreenshotAsync(IPage page, string name) => Chromium.ScreenshotAsync(page, name);

    [Fact]
    public async Task ReportPage_DemoData_DrawsEveryChartUnderItsStrictPolicy()
    {
        var page = await demo.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"[{message.Type}] {message.Text}");
        try
        {
            var response = await page.GotoAsync(demo.ReportAddress(), new() { Timeout = Waits.MaxMilliseconds });
            Assert.Equal((int)HttpStatusCode.OK, response!.Status);

            var charts = page.Locator("svg.chart");
            Assert.Equal(5, await charts.CountAsync()); // Knowledge, Behaviour, Attitude, Participation, Advocacy
            foreach (var measure in (string[])["K", "B", "A", "P"])
            {
                var lines = page.Locator($"svg.chart[data-measure=\"{measure}\"] path.series");
                Assert.Equal(6, await lines.CountAsync()); // the organisation and the 5 demo teams
                var organisation = lines.First;
                Assert.Contains("L", await organisation.GetAttributeAsync("d"), StringComparison.Ordinal);
                var box = await organisation.BoundingBoxAsync();
                Assert.True(box is { Width: > 300, Height: > 5 }, $"the {measure} line is not drawn across the chart: {box?.Width}×{box?.Height}");
                Assert.Equal(12, await page.Locator($"svg.chart[data-measure=\"{measure}\"] circle.point.focus").CountAsync());
            }

            // The styles are allowed by the nonce: a line has the stroke the stylesheet gives it, not the browser's default none.
            Assert.Equal("rgb(36, 36, 36)", await page.Locator("svg.chart path.series.focus").First.EvaluateAsync<string>("e => getComputedStyle(e).stroke"));
            Assert.DoesNotContain(console, line => line.Contains("Content Security Policy", StringComparison.Ordinal));
            await ScreenshotAsync(page, "trend-report-page");

            await page.GetByRole(AriaRole.Link, new() { Name = "Customer Support" }).ClickAsync();
            await page.WaitForSelectorAsync("h1:has-text('Customer Support')");
            Assert.Equal(2, await page.Locator("svg.chart[data-measure=\"K\"] path.series").CountAsync()); // the team and the organisation
            await ScreenshotAsync(page, "trend-report-team");
        }
        catch
        {
            await ScreenshotAsync(page, "trend-report-page.failed");
            await demo.SaveDiagnosticsAsync(nameof(ReportPage_DemoData_DrawsEveryChartUnderItsStrictPolicy));
            throw;
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task ReportPage_LinkWithAnotherSignature_ShowsTheRefusalPage()
    {
        var page = await demo.Browser.NewPageAsync();
        try
        {
            var address = demo.ReportAddress();
            var response = await page.GotoAsync(address[..^4] + (address.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));

            Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
            await page.WaitForSelectorAsync("h1:has-text('You cannot open this report')");
            Assert.Equal(0, await page.Locator("svg").CountAsync());
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
