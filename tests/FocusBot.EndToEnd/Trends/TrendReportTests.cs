using System.Net;
using FocusBot.EndToEnd.Journeys;
using FocusBot.EndToEnd.Playground;
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

            var charts = page.Locator("svg.chart:not(.small)");
            Assert.Equal(5, await charts.CountAsync()); // Knowledge, Behaviour, Attitude, Participation, Advocacy
            foreach (var measure in (string[])["K", "B", "A", "P"])
            {
                // The organisation alone in its chart: six lines in one chart were a tangle nobody could follow.
                var main = page.Locator($"svg.chart:not(.small)[data-measure=\"{measure}\"]");
                var lines = main.Locator("path.series");
                Assert.Equal(1, await lines.CountAsync());
                var organisation = lines.First;
                Assert.Contains("L", await organisation.GetAttributeAsync("d"), StringComparison.Ordinal);
                var box = await organisation.BoundingBoxAsync();
                Assert.True(box is { Width: > 300, Height: > 5 }, $"the {measure} line is not drawn across the chart: {box?.Width}×{box?.Height}");
                Assert.Equal(12, await main.Locator("circle.point.focus").CountAsync());

                // Each demo team in a small chart of its own, on the same scale, with the organisation dashed behind it.
                var teams = page.Locator($"svg.chart.small[data-measure=\"{measure}\"]");
                Assert.Equal(5, await teams.CountAsync());
                for (var i = 0; i < 5; i++)
                {
                    Assert.Equal(2, await teams.Nth(i).Locator("path.series").CountAsync());
                    var teamBox = await teams.Nth(i).BoundingBoxAsync();
                    Assert.True(teamBox is { Width: > 150, Height: > 60 }, $"a small {measure} chart is not visible: {teamBox?.Width}×{teamBox?.Height}");
                }
            }

            Assert.Empty(await ChartLabels.ClippedAsync(page));

            // Dates, not ISO week numbers; and a legend of the marks.
            var text = await page.Locator("main").InnerTextAsync();
            Assert.Contains("week of ", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\bW\d{2} \d{4}\b", text);
            Assert.Contains("not a clear change", await page.Locator(".legend.marks").InnerTextAsync(), StringComparison.Ordinal);

            // The styles are allowed by the nonce: a line has the stroke the stylesheet gives it, not the browser's default none.
            Assert.Equal("rgb(36, 36, 36)", await page.Locator("svg.chart path.series.focus").First.EvaluateAsync<string>("e => getComputedStyle(e).stroke"));
            Assert.DoesNotContain(console, line => line.Contains("Content Security Policy", StringComparison.Ordinal));
            await ScreenshotAsync(page, "trend-report-page");

            await page.GetByRole(AriaRole.Link, new() { Name = "Customer Support", Exact = true }).First.ClickAsync();
            await page.WaitForSelectorAsync("h1:has-text('Customer Support')");
            Assert.Equal(2, await page.Locator("svg.chart[data-measure=\"K\"] path.series").CountAsync()); // the team, and the organisation as a reference
            Assert.Equal(1, await page.Locator("svg.chart[data-measure=\"K\"] path.series.reference").CountAsync());
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
