using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FocusBot.Domain.Trends;
using FocusBot.EndToEnd.Journeys;
using FocusBot.EndToEnd.Playground;
using FocusBot.EndToEnd.Trends;
using Microsoft.Playwright;

namespace FocusBot.EndToEnd.ReviewPack;

/// <summary>
/// The ISO 9001 management-review pack as a quality manager meets it: Alex (HR and Executive in `--seed-demo`) types
/// `review` in the Agents Playground, follows the card's link, reads every section with its clause 5.1.2 line and the
/// demo's records, prints it (each section on a new page), downloads the CSV, and a tampered link is refused.
/// </summary>
[Collection(DemoPlaygroundCollectionDefinition.Name)]
public sealed partial class ReviewPackTests(DemoPlaygroundFixture demo) : IAsyncLifetime
{
    /// <summary>The sections after the clause map, in order, each opening with the part of 5.1.2 it supports.</summary>
    private static readonly string[] Sections = ["leadership", "staff", "levels", "kpis", "events", "voice"];

    /// <summary>The sections the demo fills with records or figures (it imports no KPIs).</summary>
    private static readonly string[] Filled = ["leadership", "staff", "events", "voice"];

    private IPage _chat = null!;
    private IPage? _pack;

    public async ValueTask InitializeAsync() => _chat = await demo.OpenPersonalChatAsync(height: 1100);

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result is not TestResult.Passed)
        {
            await Chromium.ScreenshotAsync(_chat, "review-pack-chat.failed");
            if (_pack is not null)
                await Chromium.ScreenshotAsync(_pack, "review-pack.failed");
            await demo.SaveDiagnosticsAsync("review-pack");
        }

        if (_pack is not null)
            await _pack.CloseAsync();
        await _chat.CloseAsync();
    }

    [Fact]
    public async Task Review_FromTheChat_OpensAFullPackThatPrintsASectionAPageAndDownloadsAsCsv()
    {
        // The demo's weeks reach well into this quarter unless it has only just begun; then the last one is the review's.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var thisQuarter = today.DayNumber - TrendPeriod.Holding(PeriodKind.Quarter, today).FirstDay.DayNumber >= 21;
        var expected = thisQuarter ? ThisQuarter : LastQuarter;
        var before = await _chat.Locator(Chromium.TopLevelCards).CountAsync();
        await DemoPlaygroundFixture.SendAsync(_chat, thisQuarter ? "review this quarter" : "review");

        var card = await Chromium.WaitForCardAsync(_chat, "Management review pack:", before);
        Assert.Contains("ISO 9001:2015 clause 5.1.2", await card.InnerTextAsync(), StringComparison.Ordinal);
        var console = new List<string>();
        _pack = await _chat.RunAndWaitForPopupAsync(() => card.GetByText("Open review pack", new() { Exact = true }).ClickAsync());
        _pack.Console += (_, message) => console.Add($"[{message.Type}] {message.Text}");
        await _pack.SetViewportSizeAsync(1100, 900);
        // The popup may have drawn before the console was listened to: load it again, listened to from the start.
        await _pack.ReloadAsync(new() { Timeout = Waits.MaxMilliseconds });
        await _pack.WaitForSelectorAsync("section#voice", new() { Timeout = Waits.MaxMilliseconds });

        // Every section, with its clause line.
        Assert.Equal("Customer focus: management review pack", await _pack.Locator("h1").InnerTextAsync());
        Assert.Equal(4, await _pack.Locator("#clauses tbody tr").CountAsync());
        Assert.Equal(Sections, await _pack.Locator("main > section:not(#clauses)").EvaluateAllAsync<string[]>("all => all.map(e => e.id)"));
        foreach (var id in Sections)
            Assert.StartsWith("Clause 5.1.2", await _pack.Locator($"section#{id} > p.clause").InnerTextAsync(), StringComparison.Ordinal);

        // The demo's records, dated and named; no section the demo filled says it is empty.
        var text = await _pack.Locator("main").InnerTextAsync();
        foreach (var (section, lines) in expected)
        {
            var rows = await _pack.Locator($"section#{section} tbody tr").AllInnerTextsAsync();
            foreach (var line in lines)
            {
                var row = Assert.Single(rows, r => r.Contains(line[0], StringComparison.Ordinal));
                Assert.Matches(DayPattern(), row);
                foreach (var part in line[1..])
                    Assert.Contains(part, row, StringComparison.Ordinal);
            }
        }

        foreach (var empty in (string[])["No insight went out", "No executive recognition", "No programme event", "No action was open", "No results yet", "Themes appear once"])
            Assert.DoesNotContain(empty, text, StringComparison.Ordinal);
        Assert.Matches(@"Colleagues recognised each other's customer focus [1-9]\d* times?", text);

        // The figures are the range's own months: none from before it, even while its last month has not closed.
        var quarter = TrendPeriod.Holding(PeriodKind.Quarter, today);
        var months = (thisQuarter ? quarter : quarter.Previous()).Children().Select(m => m.Label).ToList();
        var shownMonths = await _pack.Locator("section#staff > table").First.Locator("tbody tr td:first-child").AllInnerTextsAsync();
        Assert.NotEmpty(shownMonths);
        Assert.All(shownMonths, month => Assert.Contains(month, months));

        // Figures drawn under the strict CSP: a value with its n in the table, and each chart's line styled by the nonce.
        Assert.Matches(@"\d\S*\s+n \d+", await _pack.Locator("section#staff tbody tr").First.InnerTextAsync());
        var charts = _pack.Locator("section#staff svg.chart");
        Assert.Equal(3, await charts.CountAsync()); // Knowledge, Behaviour, Attitude
        for (var i = 0; i < 3; i++)
        {
            var line = charts.Nth(i).Locator("path.series.focus");
            Assert.Equal("rgb(36, 36, 36)", await line.EvaluateAsync<string>("e => getComputedStyle(e).stroke"));
            var box = await line.BoundingBoxAsync();
            Assert.True(box is { Width: > 50 }, $"chart {i} has no line drawn across it: {box?.Width}");
            // A small chart at the page's full width had axis labels the size of headings.
            var chart = await charts.Nth(i).BoundingBoxAsync();
            Assert.True(chart is { Width: > 200 and <= 560 }, $"chart {i} is {chart?.Width} px wide");
        }

        Assert.Empty(await ChartLabels.ClippedAsync(_pack));
        Assert.DoesNotContain(console, line => line.Contains("Content Security Policy", StringComparison.Ordinal));
        await Chromium.ScreenshotAsync(_pack, "review-pack");

        // Printed: the screen-only parts go, and each section starts on a sheet of its own.
        await _pack.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await _pack.Locator(".noprint").IsVisibleAsync());
        Assert.Equal("page", await _pack.Locator("section#events").EvaluateAsync<string>("e => getComputedStyle(e).breakBefore"));
        await Chromium.ScreenshotAsync(_pack, "review-pack-print");
        var pdf = Encoding.Latin1.GetString(await _pack.PdfAsync(new() { Format = "A4", PrintBackground = true }));
        var pages = PdfPage().Count(pdf);
        Assert.True(pages >= 1 + Sections.Length, $"the printed pack has {pages} pages for {1 + Sections.Length} sections (the clause map shares the first with the title)");
        await _pack.EmulateMediaAsync(new() { Media = Media.Screen });

        // The CSV: its header, and rows of every section.
        var download = await _pack.RunAndWaitForDownloadAsync(() => _pack.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal("section,clause,date,period,group,item,value,n,change,detail,by,due,status", csv[0]);
        foreach (var id in Filled)
            Assert.Contains(csv, row => row.StartsWith(id + ",5.1.2", StringComparison.Ordinal));
        foreach (var (_, lines) in expected)
            Assert.All(lines, line => Assert.Contains(csv, row => row.Contains(line[0], StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Review_LinkWithAnotherSignature_ShowsTheRefusalPage()
    {
        var before = await _chat.Locator(Chromium.TopLevelCards).CountAsync();
        await DemoPlaygroundFixture.SendAsync(_chat, "review");
        var card = await Chromium.WaitForCardAsync(_chat, "Management review pack:", before);
        _pack = await _chat.RunAndWaitForPopupAsync(() => card.GetByText("Open review pack", new() { Exact = true }).ClickAsync());
        await _pack.WaitForSelectorAsync("section#voice", new() { Timeout = Waits.MaxMilliseconds });
        var address = _pack.Url;

        var tampered = address[..^4] + (address.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var response = await _pack.GotoAsync(tampered, new() { Timeout = Waits.MaxMilliseconds });

        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        await _pack.WaitForSelectorAsync("h1:has-text('You cannot open this report')");
        Assert.Contains("review pack link is not valid", await _pack.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await _pack.Locator("section").CountAsync());
    }

    /// <summary>What the demo records in this quarter, by section: each row's first text, then what else it must say.</summary>
    private static readonly (string Section, string[][] Rows)[] ThisQuarter =
    [
        ("leadership", [["Customers ask what our invoice lines mean", "Support ticket analysis", "Alex Wilber"], ["Demo Person 27", "Listening to customers", "Alex Wilber", "Product"]]),
        ("events", [["Support may refund small amounts without approval", "Policy change", "The whole organisation"]]),
        ("voice", [["Answer every support ticket within one working day", "response times", "Support Team Lead", "In progress, overdue"],
            ["Plain-language invoice lines", "invoices", "Finance Manager", "Planned"]]),
    ];

    /// <summary>What the demo records in the last complete quarter.</summary>
    private static readonly (string Section, string[][] Rows)[] LastQuarter =
    [
        ("leadership", [["Late call-backs are our top complaint", "Complaints review", "Alex Wilber"], ["Customer satisfaction is up", "CSAT: 82% up 4 points", "Alex Wilber"],
            ["Demo Person 03", "Owning the problem", "Alex Wilber", "Customer Support"]]),
        ("events", [["Customer journey workshop", "Workshop", "Customer Support"]]),
        ("voice", [["Rewrite the onboarding checklist", "onboarding", "Head of Customer Success", "Done, "], ["Answer every support ticket within one working day", "In progress"]]),
    ];

    [GeneratedRegex(@"\b\d{1,2} [A-Z][a-z]{2} \d{4}\b")]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"/Type\s*/Page\b(?!s)")]
    private static partial Regex PdfPage();
}
