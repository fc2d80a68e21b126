using System.Net;
using System.Security.Cryptography;
using FocusBot.Domain.Trends;
using FocusBot.EndToEnd.Playground;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Playwright;

namespace FocusBot.EndToEnd.Trends;

/// <summary>
/// FocusBot started with `--seed-demo` (12 weeks of made-up history) and a signing key the test knows, the Agents
/// Playground, and headless Chromium: the HR report page must draw its SVG charts under its strict CSP, and `trends`
/// typed in the Playground must show the trend card.
/// </summary>
public sealed class TrendsDemoFixture : IAsyncLifetime
{
    private DirectoryInfo? _data;
    private IPlaywright? _playwright;

    public byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);

    public ChildProcess Bot { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    internal AgentsPlaygroundProcess Playground { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _data = Directory.CreateTempSubdirectory("focusbot-e2e-trends-");
        BaseAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Next()}");
        Bot = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "FocusBot.dll"), "--urls", BaseAddress.ToString().TrimEnd('/'), DemoSeeder.Option],
            AppContext.BaseDirectory, new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DevTools__Playground__Enabled"] = "false",
                ["Storage__Sqlite__DataDirectory"] = _data.FullName,
                ["Reports__SigningKey"] = Convert.ToBase64String(SigningKey),
                ["MicrosoftAppId"] = null,
                ["MicrosoftAppPassword"] = null,
                ["ASPNETCORE_URLS"] = null,
            });
        await Bot.WaitForOutputAsync(line => line.Contains("Application started", StringComparison.Ordinal), Waits.FirstPageLoad, cancellationToken);
        Playground = await AgentsPlaygroundProcess.StartAsync(new Uri(BaseAddress, "/api/messages"), cancellationToken);
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A report link for the Playground's user, who holds HR in the demo data.</summary>
    public string ReportAddress(string slice = TrendSlices.Org)
    {
        var signer = new ReportLinkSigner(ReportSigningKey.From(Convert.ToBase64String(SigningKey), null, isDevelopment: true), TimeProvider.System);
        var link = new ReportLink(DemoSeeder.PlaygroundTenantId, DemoSeeder.PlaygroundUserAadObjectId, "user-id-0", slice, PeriodKind.Week, 12, DateTimeOffset.UtcNow.AddHours(1));
        return new Uri(BaseAddress, ReportUrls.Relative(ReportUrls.PagePath, signer.Sign(link))).ToString();
    }

    public async Task SaveDiagnosticsAsync(string name)
    {
        var prefix = Path.Combine(RepositoryPaths.Artifacts, "e2e", name);
        Directory.CreateDirectory(Path.GetDirectoryName(prefix)!);
        await Bot.SaveLogAsync(prefix + ".focusbot.log");
        await Playground.SaveLogsAsync(prefix + ".playground", CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Playground is not null)
            await Playground.DisposeAsync();
        if (Bot is not null)
            await Bot.DisposeAsync();
        try
        {
            _data?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

public sealed class TrendReportTests(TrendsDemoFixture demo) : IClassFixture<TrendsDemoFixture>
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

    [Fact]
    public async Task TrendsCommand_InThePlayground_ShowsTheTrendCard()
    {
        var page = await Chromium.OpenPageAsync(demo.Browser, _ => { }, height: 1100);
        try
        {
            await page.GotoAsync(demo.Playground.PageAddress.ToString(), new() { WaitUntil = WaitUntilState.Commit });
            var box = page.Locator("[data-lexical-editor=\"true\"]");
            await box.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)Waits.FirstPageLoad.TotalMilliseconds });
            await box.ClickAsync();
            await page.Keyboard.TypeAsync("trends");
            await page.Keyboard.PressAsync("Enter");

            var card = page.Locator(".ac-adaptiveCard", new() { HasText = "Customer focus trends: Organisation" });
            await card.WaitForAsync(new() { Timeout = Waits.MaxMilliseconds });
            var text = await card.InnerTextAsync();
            Assert.Contains("Knowledge", text, StringComparison.Ordinal);
            Assert.Contains("Customer Support", text, StringComparison.Ordinal);
            Assert.Contains("Open full report", text, StringComparison.Ordinal);
            Assert.Contains("vs the week before", text, StringComparison.Ordinal);
            Assert.Contains("not a clear change", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Stable", text, StringComparison.Ordinal);
            await card.ScrollIntoViewIfNeededAsync();
            await ScreenshotAsync(page, "trend-card-playground");
        }
        catch
        {
            await ScreenshotAsync(page, "trend-card-playground.failed");
            await demo.SaveDiagnosticsAsync(nameof(TrendsCommand_InThePlayground_ShowsTheTrendCard));
            throw;
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
