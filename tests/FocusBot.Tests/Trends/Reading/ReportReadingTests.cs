using System.Text.Json;
using System.Text.RegularExpressions;
using FocusBot.Cards;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;

namespace FocusBot.Tests.Trends.Reading;

/// <summary>
/// The report page, the card and the CSV as an HR person reads them. Three weeks from Monday 5 January 2026: the
/// level-1 quiz (topic who-is-a-customer) 3 of 10 right, then the level-2 quiz (topic iso-9001), then the level-1 quiz
/// again, 9 of 10 right: questions rotate, so a level or topic is seldom asked two weeks running.
/// </summary>
public sealed partial class ReportReadingTests : IAsyncLifetime
{
    private TrendWorld _world = null!;
    private TrendReport _report = null!;

    public async ValueTask InitializeAsync()
    {
        _world = await TrendWorld.CreateAsync();
        (Question Question, string[] Values)[] weeks =
        [
            (SampleQuestions.Quiz, ["1", "1", "1", "0", "0", "0", "0", "0", "0", "0"]),
            (SampleQuestions.Quiz2, ["1", "1", "1", "1", "1", "0", "0", "0", "0", "0"]),
            (SampleQuestions.Quiz, ["1", "1", "1", "1", "1", "1", "1", "1", "1", "0"]),
        ];
        for (var week = 0; week < weeks.Length; week++)
        {
            var pulse = await _world.OpenPulseAsync(week, weeks[week].Question);
            await _world.CohortAsync(pulse, weeks[week].Question, $"w{week}-", weeks[week].Values);
            await _world.CloseAsync(pulse);
        }

        await _world.SealAsync();
        _report = await _world.ReportAsync();
    }

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private string Page() => ReportPage.Render(_report, "nonce", "/csv", _ => null, TrendWorld.Start.AddDays(30));

    /// <summary>The table row whose first cell is <paramref name="name"/>.</summary>
    private static string RowOf(string html, string name)
    {
        var start = html.IndexOf("<tr><td>" + name + "</td>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {name}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void Page_LevelAndTopicTables_CompareWithTheLastWeekEachWasAsked()
    {
        var html = Page();

        Assert.Contains("up 60 pts vs the week of 5 Jan 2026", RowOf(html, "1 Basic knowledge"), StringComparison.Ordinal);
        Assert.Contains("up 60 pts vs the week of 5 Jan 2026", RowOf(html, "#who-is-a-customer"), StringComparison.Ordinal);
        var level2 = RowOf(html, "2 Deeper understanding");
        Assert.Contains("50%", level2, StringComparison.Ordinal);
        Assert.Contains("week of 12 Jan 2026", level2, StringComparison.Ordinal);
        Assert.Contains("no comparison: no results in the 12 weeks before", level2, StringComparison.Ordinal);
        Assert.DoesNotContain(">no comparison<", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_Periods_AreWeeksOfAMondayNotIsoWeekNumbers()
    {
        var html = Page();

        Assert.Contains("week of 19 Jan 2026", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(IsoWeekNumber(), html);
    }

    [Fact]
    public void Page_Legend_ExplainsTheMarks()
    {
        var legend = Page();
        legend = legend[legend.IndexOf("class=\"legend marks\"", StringComparison.Ordinal)..];

        Assert.Contains("▲ up", legend, StringComparison.Ordinal);
        Assert.Contains("▼ down", legend, StringComparison.Ordinal);
        Assert.Contains("not a clear change", legend, StringComparison.Ordinal);
        Assert.Contains("the previous week with results", legend, StringComparison.Ordinal);
    }

    [Fact]
    public void Card_SaysWhatEachChangeComparesWith_AndExplainsTheMarks()
    {
        var texts = CardTexts(TrendCard.Create(_report, null, null, null));

        Assert.Contains(texts, t => t.Contains("19 Jan 2026", StringComparison.Ordinal));
        // The organisation's knowledge was asked every week (by the level-2 quiz in the middle one): 9 of 10 against 5 of 10.
        Assert.Contains("● +40 pts vs the week before: not a clear change with 10 people", texts);
        Assert.Contains(texts, t => t.Contains("▲ up", StringComparison.Ordinal) && t.Contains("not a clear change", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => IsoWeekNumber().IsMatch(t));
    }

    [Fact]
    public void Card_Sparkline_StaysOnOneLine()
    {
        using var card = JsonDocument.Parse(TrendCard.Create(_report, null, null, null).ToUtf8Bytes());

        var sparklines = Elements(card.RootElement).Where(e => e.TryGetProperty("fontType", out var font) && font.GetString() == "Monospace").ToList();

        Assert.Equal(3, sparklines.Count);
        Assert.All(sparklines, s => Assert.False(s.GetProperty("wrap").GetBoolean()));
        Assert.All(sparklines, s => Assert.Equal(1, s.GetProperty("maxLines").GetInt32()));
    }

    [Fact]
    public void Csv_EachPeriodHasItsFirstAndLastDay_AndLevelsTheirNames()
    {
        var csv = TrendCsv.Write(_report);

        Assert.StartsWith("group_type,group,measure,period,period_start,period_end,status,", csv, StringComparison.Ordinal);
        Assert.Contains("\r\norganisation,Organisation,Knowledge,W2026-04,2026-01-19,2026-01-25,shown,90,,,10,,NotSignificant,40,0.1409,FisherExact,2026-01-12\r\n", csv,
            StringComparison.Ordinal);
        Assert.Contains("\r\nlevel,1 Basic knowledge,Knowledge,W2026-04,2026-01-19,2026-01-25,shown,90,,,10,,Rising,60,0.0198,FisherExact,2026-01-05\r\n", csv,
            StringComparison.Ordinal);
        Assert.Contains("\r\nlevel,2 Deeper understanding,Knowledge,W2026-03,2026-01-12,2026-01-18,shown,50,", csv, StringComparison.Ordinal);
    }

    private static List<string> CardTexts(AdaptiveCard card)
    {
        using var json = JsonDocument.Parse(card.ToUtf8Bytes());
        return Elements(json.RootElement).Where(e => e.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            .Select(e => e.GetProperty("text").GetString()!).ToList();
    }

    private static IEnumerable<JsonElement> Elements(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element.Clone();
            foreach (var property in element.EnumerateObject())
            {
                foreach (var inner in Elements(property.Value))
                    yield return inner;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var inner in Elements(item))
                    yield return inner;
            }
        }
    }

    /// <summary>"W04 2026" or "W2026-04": what a person should no longer have to decode.</summary>
    [GeneratedRegex(@"\bW\d{2} \d{4}\b|\bW\d{4}-\d{2}\b")]
    private static partial Regex IsoWeekNumber();
}
