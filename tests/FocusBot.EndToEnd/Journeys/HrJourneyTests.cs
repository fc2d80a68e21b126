using FocusBot.EndToEnd.Playground;
using Microsoft.Playwright;

namespace FocusBot.EndToEnd.Journeys;

/// <summary>
/// HR's first ten minutes in the Agents Playground: HR through `--seed-demo` alone, Alex types `trends`, reads the
/// organisation's trend card over the 12 demo weeks, and opens the full report from it.
/// </summary>
[Collection(DemoPlaygroundCollectionDefinition.Name)]
public sealed class HrJourneyTests(DemoPlaygroundFixture demo) : IAsyncLifetime
{
    private IPage _page = null!;
    private IPage? _report;

    public async ValueTask InitializeAsync() => _page = await demo.OpenPersonalChatAsync(height: 1100);

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result is not TestResult.Passed)
        {
            await Chromium.ScreenshotAsync(_page, "hr-journey.failed");
            await demo.SaveDiagnosticsAsync("hr-journey");
        }

        if (_report is not null)
            await _report.CloseAsync();
        await _page.CloseAsync();
    }

    [Fact]
    public async Task Hr_TypesTrends_ReadsTheCardAndOpensTheFullReport()
    {
        var before = await _page.Locator(Chromium.TopLevelCards).CountAsync();
        await DemoPlaygroundFixture.SendAsync(_page, "trends");

        var card = await Chromium.WaitForCardAsync(_page, "Customer focus trends: Organisation", before);
        var text = await card.InnerTextAsync();
        Assert.Contains("Knowledge", text, StringComparison.Ordinal);
        Assert.Contains("Customer Support", text, StringComparison.Ordinal);
        // The comparison is named, and a small move is not called a trend.
        Assert.Contains("vs the week before", text, StringComparison.Ordinal);
        Assert.Contains("not a clear change", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Stable", text, StringComparison.Ordinal);
        await card.ScrollIntoViewIfNeededAsync();
        await Chromium.ScreenshotAsync(_page, "hr-trends-card");

        // Found by its text, not its place: a late welcome card from the Playground's page load can land before it.
        var trends = _page.Locator(Chromium.TopLevelCards).Filter(new() { HasText = "Customer focus trends: Organisation" }).Last;
        // Action.OpenUrl to a signed link: the Playground opens it in a new window, as Teams opens a browser.
        _report = await _page.RunAndWaitForPopupAsync(() => trends.GetByText("Open full report", new() { Exact = true }).ClickAsync());
        await _report.SetViewportSizeAsync(1100, 900);
        await _report.WaitForSelectorAsync("svg.chart", new() { Timeout = Waits.MaxMilliseconds });
        Assert.Equal(5, await _report.Locator("svg.chart:not(.small)").CountAsync()); // Knowledge, Behaviour, Attitude, Participation, Advocacy
        Assert.Contains("Organisation", await _report.Locator("h1").First.InnerTextAsync(), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(_report, "hr-trend-report");
    }
}
