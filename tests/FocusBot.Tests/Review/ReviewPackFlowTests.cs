using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Kpis;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.Review;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;

namespace FocusBot.Tests.Review;

/// <summary>
/// The management-review pack end to end, on SQLite and on Azurite: `review` with a range gives signed links; the page
/// and the CSV hold every section with the part of clause 5.1.2 it supports, only the range's records, and the staff
/// figures as the privacy gate published them.
/// </summary>
public abstract class ReviewPackFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Hostile = "=HYPERLINK(\"http://evil.example\",\"<script>alert(1)</script>\")";

    private BotScenario _scenario = null!;

    private BotScenario Scenario => _scenario;

    public async ValueTask InitializeAsync() => _scenario = await BotScenario.StartAsync(storage, azurite);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    private DateOnly Today => DateOnly.FromDateTime(Scenario.Get<TimeProvider>().GetUtcNow().UtcDateTime);

    private DateOnly MondayWeeksAgo(int weeksAgo) => TrendPeriod.WeekOf(Today).FirstDay.AddDays(-7 * weeksAgo);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The range the tests ask for: the four weeks before this one.</summary>
    private string Range => $"{Iso(MondayWeeksAgo(4))} to {Iso(MondayWeeksAgo(1).AddDays(6))}";

    /// <summary>
    /// Three sealed weekly quizzes (12 people in Service Desk, 12 in Leadership), records inside the range (an insight, an executive
    /// recognition, two colleagues', an event, an open action past its due date and one done) and outside it (an insight
    /// and an event six weeks ago, an action done before the range).
    /// </summary>
    private async Task SeedAsync()
    {
        await QuizWeeks.SeedAsync(Scenario, "review", [9, 8, 7]);

        var insights = Scenario.Get<IInsightStore>();
        await insights.CreateAsync(Insight("in-range", "Late deliveries drive most complaints", MondayWeeksAgo(2)), CancellationToken.None);
        await insights.CreateAsync(Insight("hostile", Hostile, MondayWeeksAgo(2)), CancellationToken.None);
        await insights.CreateAsync(Insight("too-early", "An insight from before the range", MondayWeeksAgo(6)), CancellationToken.None);
        await insights.CreateAsync(Insight("by-hr", "Complaint themes of the month", MondayWeeksAgo(1), Person.Hassan), CancellationToken.None);

        var recognitions = Scenario.Get<IRecognitionStore>();
        await recognitions.CreateAsync(Recognition("exec", RecognitionKind.Executive, Person.Ruth, Person.Sam, MondayWeeksAgo(3)), CancellationToken.None);
        await recognitions.CreateAsync(Recognition("peer-1", RecognitionKind.Peer, Person.Megan, Person.Lee, MondayWeeksAgo(2)), CancellationToken.None);
        await recognitions.CreateAsync(Recognition("peer-2", RecognitionKind.Peer, Person.Lee, Person.Megan, MondayWeeksAgo(1)), CancellationToken.None);

        var events = Scenario.Get<IProgrammeEventStore>();
        await events.CreateAsync(Event("workshop", "Customer journey workshop", MondayWeeksAgo(2)), CancellationToken.None);
        await events.CreateAsync(Event("old", "An event from before the range", MondayWeeksAgo(6)), CancellationToken.None);

        KpiValue Csat(DateOnly day, double value) => new()
        {
            TenantId = BotScenario.TenantId,
            Kpi = KnownKpis.Csat.Key,
            Period = TrendPeriod.Holding(PeriodKind.Month, day),
            Value = value,
            ImportedBy = Person.Hassan.AadObjectId,
            ImportedAt = At(day),
        };
        await Scenario.Get<IKpiStore>().ImportAsync(BotScenario.TenantId, [], [Csat(MondayWeeksAgo(2), 87.5), Csat(MondayWeeksAgo(60), 61.25)], CancellationToken.None);

        var actions = Scenario.Get<IActionStore>();
        await actions.CreateAsync(Action("open", "Call back every complaint within a day", ActionStatus.InProgress, MondayWeeksAgo(5), MondayWeeksAgo(2), MondayWeeksAgo(5)), CancellationToken.None);
        await actions.CreateAsync(Action("done", "Send delivery dates by text", ActionStatus.Done, MondayWeeksAgo(4), MondayWeeksAgo(1), MondayWeeksAgo(2)), CancellationToken.None);
        await actions.CreateAsync(Action("long-done", "An action finished before the range", ActionStatus.Done, MondayWeeksAgo(9), MondayWeeksAgo(7), MondayWeeksAgo(7)), CancellationToken.None);
    }

    private static Insight Insight(string id, string title, DateOnly day, Person? author = null) => new()
    {
        Id = id,
        TenantId = BotScenario.TenantId,
        Title = title,
        Body = "What customers told us.",
        Source = "Customer survey",
        AuthorAadObjectId = (author ?? Person.Ruth).AadObjectId,
        AuthorName = (author ?? Person.Ruth).Name,
        AllStaff = true,
        CreatedAt = At(day),
        SendAt = At(day),
        Status = InsightStatus.Sent,
    };

    private static Recognition Recognition(string id, RecognitionKind kind, Person by, Person to, DateOnly day) => new()
    {
        Id = id,
        Kind = kind,
        TenantId = BotScenario.TenantId,
        RecipientUserId = to.UserId,
        RecipientName = to.Name,
        AuthorAadObjectId = by.AadObjectId,
        AuthorName = by.Name,
        Behaviour = "Owning the problem",
        Story = "Stayed on the call until the order was found.",
        TeamId = BotScenario.ServiceDeskTeam,
        ChannelId = BotScenario.CustomerWinsChannel,
        CreatedAt = At(day),
    };

    private static ProgrammeEvent Event(string id, string title, DateOnly day) => new()
    {
        Id = id,
        TenantId = BotScenario.TenantId,
        Kind = ProgrammeEventKind.Workshop,
        Title = title,
        Date = day,
        TeamIds = [BotScenario.ServiceDeskTeam],
        RecordedByAadObjectId = Person.Hassan.AadObjectId,
        RecordedAt = At(day),
    };

    private static ProgrammeAction Action(string id, string change, ActionStatus status, DateOnly recorded, DateOnly due, DateOnly updated) => new()
    {
        Id = id,
        TenantId = BotScenario.TenantId,
        Change = change,
        Owner = "Service Desk lead",
        DueDate = due,
        Status = status,
        Theme = "late deliveries",
        RecordedByAadObjectId = Person.Ruth.AadObjectId,
        Sponsor = ActionSponsor.Leadership,
        AllStaff = true,
        CreatedAt = At(recorded),
        UpdatedAt = At(updated),
    };

    private async Task<(string Page, string Csv)> PackLinksAsync(Person person, string arguments)
    {
        await Scenario.SayAsync(person, ("review " + arguments).Trim());
        var card = Scenario.LastCardTo(person);
        var urls = card.GetProperty("actions").EnumerateArray().Select(a => new Uri(a.GetProperty("url").GetString()!).PathAndQuery).ToList();
        Assert.Equal(2, urls.Count);
        return (urls[0], urls[1]);
    }

    private Task<HttpResponseMessage> GetAsync(string pathAndQuery) => Scenario.Host.Client.GetAsync(pathAndQuery);

    private static string SectionOf(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Review_ByHrForARange_PageHoldsEverySectionWithItsClauseAndOnlyTheRangesRecords()
    {
        await SeedAsync();

        var (page, _) = await PackLinksAsync(Person.Hassan, Range);
        var response = await GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("clause 5.1.2", html, StringComparison.Ordinal);
        var leadership = SectionOf(html, "leadership");
        Assert.Contains(WebUtility.HtmlEncode(ReviewClauses.LeadershipSupports), leadership, StringComparison.Ordinal);
        Assert.Contains("Late deliveries drive most complaints", leadership, StringComparison.Ordinal);
        // Top management's own insights told from HR's: a review must not credit top management with HR's.
        Assert.Contains($"{Person.Ruth.Name} (Executive)", leadership, StringComparison.Ordinal);
        Assert.Contains($"{Person.Hassan.Name} (HR)", leadership, StringComparison.Ordinal);
        Assert.DoesNotContain("before the range", leadership, StringComparison.Ordinal);
        Assert.Contains(Person.Sam.Name, leadership, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("each other's customer focus 2 times"), leadership, StringComparison.Ordinal);

        var staff = SectionOf(html, "staff");
        Assert.Contains(WebUtility.HtmlEncode(ReviewClauses.StaffSupports), staff, StringComparison.Ordinal);
        Assert.Contains("n 24", staff, StringComparison.Ordinal);
        Assert.Contains("Knowledge, fair scale", staff, StringComparison.Ordinal);
        Assert.Contains("Service Desk", staff, StringComparison.Ordinal);

        var levels = SectionOf(html, "levels");
        Assert.Contains(WebUtility.HtmlEncode(ReviewClauses.LevelsSupports), levels, StringComparison.Ordinal);
        Assert.Contains("Service Desk", levels, StringComparison.Ordinal);

        var kpis = SectionOf(html, "kpis");
        Assert.Contains(WebUtility.HtmlEncode(ReviewClauses.KpisSupports), kpis, StringComparison.Ordinal);
        Assert.Contains("87.5", kpis, StringComparison.Ordinal);
        Assert.DoesNotContain("61.2", kpis, StringComparison.Ordinal);

        var events = SectionOf(html, "events");
        Assert.Contains("Customer journey workshop", events, StringComparison.Ordinal);
        Assert.DoesNotContain("before the range", events, StringComparison.Ordinal);

        var voice = SectionOf(html, "voice");
        Assert.Contains(WebUtility.HtmlEncode(ReviewClauses.VoiceSupports), voice, StringComparison.Ordinal);
        Assert.Contains("Call back every complaint within a day", voice, StringComparison.Ordinal);
        Assert.Contains("In progress, overdue", voice, StringComparison.Ordinal);
        Assert.Contains("Send delivery dates by text", voice, StringComparison.Ordinal);
        Assert.DoesNotContain("finished before the range", voice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_HostileInsightTitle_IsEncodedOnThePageAndNeutralisedInTheCsv()
    {
        await SeedAsync();

        var (page, csv) = await PackLinksAsync(Person.Ruth, Range);
        var html = await (await GetAsync(page)).Content.ReadAsStringAsync();
        var text = Encoding.UTF8.GetString((await (await GetAsync(csv)).Content.ReadAsByteArrayAsync()).AsSpan(3));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Hostile), html, StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_Csv_HasARowPerRecordAndFigureWithItsSectionAndClause()
    {
        await SeedAsync();

        var (_, csvPath) = await PackLinksAsync(Person.Hassan, Range);
        var response = await GetAsync(csvPath);
        var rows = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync()).AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ReviewPackCsv.Header, rows[0]);
        Assert.Contains(rows, r => r.StartsWith("leadership,5.1.2 (c),", StringComparison.Ordinal) && r.Contains("Late deliveries drive most complaints", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("leadership,", StringComparison.Ordinal) && r.Contains(",colleague recognitions,2,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("staff,5.1.2 (a) (c),", StringComparison.Ordinal) && r.Contains(",Organisation,Knowledge,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("staff,", StringComparison.Ordinal) && r.Contains(TrendCsv.AdjustedMeasure, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("levels,5.1.2 (a),", StringComparison.Ordinal) && r.Contains(",Service Desk,programme level,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("kpis,5.1.2 (a) (c),", StringComparison.Ordinal) && r.Contains(",Organisation,CSAT,87.5,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("events,5.1.2 (c),", StringComparison.Ordinal) && r.Contains("Customer journey workshop", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("voice,5.1.2 (b),", StringComparison.Ordinal) && r.Contains("In progress, overdue", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("before the range", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_RangeEndingEarlier_ShowsTheLevelsAsTheyStoodAtItsEnd()
    {
        // Sealed weeks two and one week ago: a range ending two weeks ago judges levels by the weeks up to then, not by
        // the weeks sealed since.
        await SeedAsync();
        var end = MondayWeeksAgo(2).AddDays(6);

        var (page, csv) = await PackLinksAsync(Person.Hassan, $"{Iso(MondayWeeksAgo(4))} to {Iso(end)}");
        var levels = SectionOf(await (await GetAsync(page)).Content.ReadAsStringAsync(), "levels");
        var rows = await (await GetAsync(csv)).Content.ReadAsStringAsync();

        Assert.Contains(WebUtility.HtmlEncode($"to the {TrendPeriod.WeekOf(end).Label}."), levels, StringComparison.Ordinal);
        Assert.DoesNotContain(WebUtility.HtmlEncode(TrendPeriod.WeekOf(MondayWeeksAgo(1)).Label), levels, StringComparison.Ordinal);
        Assert.Contains($"levels,5.1.2 (a),{Iso(end)},,Service Desk,programme level,", rows, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_PastRange_JudgesLevelsByTheItemsOfItsTime_NotByOnesAddedOrTakenOutSince()
    {
        // The seeded knowledge check was asked in the range and taken out of the bank since; another is added today.
        await SeedAsync();
        var now = Scenario.Get<TimeProvider>().GetUtcNow();
        var added = SampleQuestions.Quiz with { Id = "added-since", Text = "Which channel do our customers prefer this year?", CreatedAt = now };
        await Scenario.Get<IQuestionStore>().UpsertAsync(added, CancellationToken.None);

        var (_, csv) = await PackLinksAsync(Person.Hassan, Range);
        var serviceDesk = (await (await GetAsync(csv)).Content.ReadAsStringAsync()).Split('\n')
            .Single(line => line.StartsWith("levels,5.1.2 (a),", StringComparison.Ordinal) && line.Contains(",Service Desk,programme level,", StringComparison.Ordinal));

        // Then, the item asked stood between the team (67% correct) and level 1; the one added today did not exist.
        Assert.Contains($"{SampleQuestions.Quiz.Text}\"\": 66% correct", serviceDesk, StringComparison.Ordinal);
        Assert.DoesNotContain(added.Text, serviceDesk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_RangeWithNoFinalFigures_PageAndCsvSaySoInsteadOfFailing()
    {
        var (page, csv) = await PackLinksAsync(Person.Hassan, "this quarter");

        var html = await GetAsync(page);
        var rows = await GetAsync(csv);

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains("No results yet", SectionOf(await html.Content.ReadAsStringAsync(), "staff"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rows.StatusCode);
        Assert.DoesNotContain("\nstaff,", await rows.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_LinkOfSomeoneWhoLostTheRole_IsRefused()
    {
        var (page, _) = await PackLinksAsync(Person.Ruth, "this quarter");
        await Scenario.Get<IRoleStore>().RevokeAsync(BotScenario.TenantId, Person.Ruth.AadObjectId, Role.Executive, null, CancellationToken.None);

        var response = await GetAsync(page);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("no longer holds the HR or Executive role", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_TamperedLinkOrAReportLink_IsRefused()
    {
        var (page, _) = await PackLinksAsync(Person.Hassan, "last quarter");
        var token = Uri.UnescapeDataString(page[(page.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var reportLink = Scenario.Get<ReportUrls>().LinkFor(BotScenario.TenantId, Person.Hassan.AadObjectId, Person.Hassan.UserId, TrendSlices.Org, PeriodKind.Week, 12);

        var tampered = await GetAsync(ReportUrls.Relative(ReviewPackLinks.PagePath, token[..^2] + (token[^2] == 'A' ? "BB" : "AA")));
        var report = await GetAsync(ReportUrls.Relative(ReviewPackLinks.PagePath, Scenario.Get<ReportLinkSigner>().Sign(reportLink)));
        var packAsReport = await GetAsync(ReportUrls.Relative(ReportUrls.PagePath, token));

        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, packAsReport.StatusCode);
        Assert.Contains("Type <strong>review</strong>", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Q9 2026", "could not read")]
    [InlineData("2026-09-30 to 2026-07-01", "ends before it starts")]
    [InlineData("2026-02-30 to 2026-03-10", "does not exist")]
    [InlineData("2099", "has not started yet")]
    [InlineData("2020-01-01 to 2026-01-01", "longer than 36 months")]
    public async Task Review_UnreadableRange_SaysWhyAndGivesNoLink(string range, string expected)
    {
        await Scenario.SayAsync(Person.Hassan, "review " + range);

        var reply = Scenario.SentTo(Person.Hassan.Chat)[^1].Activity;
        Assert.False(CardJson.HasCard(reply));
        Assert.Contains(expected, reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sam")]
    [InlineData("Megan")]
    [InlineData("Ada")]
    public async Task Review_ByStaffManagerOrAdmin_IsRefusedWithNoLink(string who)
    {
        var person = who switch { "Sam" => Person.Sam, "Megan" => Person.Megan, _ => Person.Ada };

        await Scenario.SayAsync(person, "review");

        var text = JsonSerializer.Serialize(Scenario.SentTo(person.Chat)[^1].Activity);
        Assert.DoesNotContain(ReviewPackLinks.PagePath, text, StringComparison.Ordinal);
        Assert.Contains("HR", text, StringComparison.Ordinal);
    }
}

public sealed class SqliteReviewPackFlowTests(AzuriteFixture azurite) : ReviewPackFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteReviewPackFlowTests(AzuriteFixture azurite) : ReviewPackFlowTests(StorageKind.Azurite, azurite);
