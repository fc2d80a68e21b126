using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.Recognitions;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Recognitions;

/// <summary>
/// The recognition history through POST /api/messages, on SQLite and on Azurite: filters and paging for everyone, the
/// monthly counts for HR and Executives, and HR's CSV export behind a signed link. It is Wednesday 25 November 2026 in
/// London; October's recognitions were stored before, November's are posted through the forms.
/// </summary>
public abstract class RecognitionHistoryFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private const string Hostile = "=HYPERLINK(\"http://evil.example\",\"Click\"), then \"quoted\"";

    private readonly ShiftableTimeProvider _clock = new();
    private BotScenario _scenario = null!;

    private BotScenario Scenario => _scenario;

    private static CancellationToken None => CancellationToken.None;

    public async ValueTask InitializeAsync()
    {
        _clock.Offset = Wednesday - DateTimeOffset.UtcNow;
        _scenario = await BotScenario.StartAsync(storage, azurite, configureServices: s => s.AddSingleton<TimeProvider>(_clock));
        var store = Scenario.Get<IRecognitionStore>();
        await store.CreateAsync(Stored("oct-exec", RecognitionKind.Executive, Person.Ruth, Person.Sam, "Going the extra mile", BotScenario.ServiceDeskTeam,
            BotScenario.CustomerWinsChannel, new DateTimeOffset(2026, 10, 14, 9, 0, 0, TimeSpan.Zero)), None);
        await store.CreateAsync(Stored("oct-peer-leadership", RecognitionKind.Peer, Person.Megan, Person.Ruth, "Listening to customers", BotScenario.LeadershipTeam,
            BotScenario.LeadershipTeam, new DateTimeOffset(2026, 10, 31, 23, 30, 0, TimeSpan.Zero)), None);

        await Scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.PostVerb, Form(Person.Megan, "Owning the problem", "Fixed the outage for the whole street."));
        await Scenario.ExecuteForCardAsync(Person.Sam, KudosCommand.PostVerb, Form(Person.Lee, "Owning the problem", Hostile));
        await Scenario.ExecuteForCardAsync(Person.Megan, KudosCommand.PostVerb, Form(Person.Hassan, "Sharing customer insight", "Shared the survey verbatims with product."));
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    private static Recognition Stored(string id, RecognitionKind kind, Person author, Person recipient, string behaviour, string teamId, string channelId, DateTimeOffset at) => new()
    {
        Id = id,
        Kind = kind,
        TenantId = BotScenario.TenantId,
        RecipientUserId = recipient.UserId,
        RecipientAadObjectId = recipient.AadObjectId,
        RecipientName = recipient.Name,
        AuthorAadObjectId = author.AadObjectId,
        AuthorName = author.Name,
        Behaviour = behaviour,
        Story = "A story from October.",
        TeamId = teamId,
        ChannelId = channelId,
        CreatedAt = at,
    };

    private static JsonObject Form(Person who, string behaviour, string story) => new()
    {
        [RecognitionForm.PersonId] = who.AadObjectId,
        [RecognitionForm.BehaviourId] = behaviour,
        [RecognitionForm.StoryId] = story,
        [RecognitionForm.ChannelId] = BotScenario.CustomerWinsChannel,
    };

    private Task<JsonElement> ShowAsync(Person reader, JsonObject filters)
    {
        filters[RecognitionHistoryView.ViewId] = RecognitionHistoryView.ViewValue;
        return Scenario.ExecuteForCardAsync(reader, RecognitionsCommand.ShowVerb, filters);
    }

    /// <summary>Who each listed recognition is of, in the order shown.</summary>
    private static List<string> Listed(JsonElement card) =>
        [.. CardJson.Texts(card).Where(t => t.StartsWith("**", StringComparison.Ordinal)).Select(t => t[2..t.IndexOf("**", 2, StringComparison.Ordinal)])];

    private static JsonObject ButtonData(JsonElement card, string title) =>
        JsonObject.Create(CardJson.ExecuteActions(card).Single(a => a.GetProperty("title").GetString() == title).GetProperty("data"))!;

    [Fact]
    public async Task Recognitions_FilteredByKindTeamBehaviourOrMonth_ShowOnlyThoseNewestFirst()
    {
        Assert.Equal(["Hassan Ali", "Lee Wong"], Listed(await ShowAsync(Person.Lee, new() { [RecognitionHistoryView.KindInput] = "peer", [RecognitionHistoryView.MonthInput] = "2026-11" })));
        Assert.Equal(["Megan Bowen", "Sam Carter"], Listed(await ShowAsync(Person.Lee, new() { [RecognitionHistoryView.KindInput] = "executive" })));
        Assert.Equal(["Ruth Okafor"], Listed(await ShowAsync(Person.Lee, new() { [RecognitionHistoryView.TeamInput] = BotScenario.LeadershipTeam })));
        Assert.Equal(["Lee Wong", "Megan Bowen"], Listed(await ShowAsync(Person.Lee, new() { [RecognitionHistoryView.BehaviourInput] = "Owning the problem" })));
        // 23:30 UTC on 31 October is still October in London (GMT): months are the tenant's calendar months.
        Assert.Equal(["Ruth Okafor", "Sam Carter"], Listed(await ShowAsync(Person.Lee, new() { [RecognitionHistoryView.MonthInput] = "2026-10" })));
        Assert.Equal(["Lee Wong"], Listed(await ShowAsync(Person.Lee, new()
        {
            [RecognitionHistoryView.TeamInput] = BotScenario.ServiceDeskTeam,
            [RecognitionHistoryView.BehaviourInput] = "Owning the problem",
            [RecognitionHistoryView.MonthInput] = "2026-11",
            [RecognitionHistoryView.KindInput] = "peer",
        })));

        var none = await ShowAsync(Person.Lee, new() { [RecognitionHistoryView.BehaviourInput] = "Partnering with customers" });
        Assert.Empty(Listed(none));
        Assert.Contains("No recognitions match.", CardJson.AllText(none), StringComparison.Ordinal);
        Assert.Equal("Partnering with customers", CardJson.Input(none, RecognitionHistoryView.BehaviourInput).GetProperty("value").GetString());
    }

    [Fact]
    public async Task Recognitions_FilterValuesNotOffered_AreIgnored()
    {
        var card = await ShowAsync(Person.Lee, new()
        {
            [RecognitionHistoryView.TeamInput] = "19:some-other-tenants-team@thread.tacv2",
            [RecognitionHistoryView.BehaviourInput] = "' OR 1=1 --",
            [RecognitionHistoryView.MonthInput] = "2026-13",
            [RecognitionHistoryView.KindInput] = "admin",
        });

        Assert.Equal(5, Listed(card).Count);
        Assert.Contains("Latest", CardJson.Texts(card));
        Assert.Equal(RecognitionsCard.AnyValue, CardJson.Input(card, RecognitionHistoryView.TeamInput).GetProperty("value").GetString());
    }

    [Fact]
    public async Task Recognitions_Paged_FiveAtATime_OlderAndNewerKeepTheFilters()
    {
        for (var i = 0; i < 6; i++)
        {
            await Scenario.Get<IRecognitionStore>().CreateAsync(Stored($"nov-peer-{i}", RecognitionKind.Peer, Person.Lee, Person.Ada, "Partnering with customers",
                BotScenario.ServiceDeskTeam, BotScenario.CustomerWinsChannel, new DateTimeOffset(2026, 11, 2 + i, 9, 0, 0, TimeSpan.Zero)), None);
        }

        var first = await ShowAsync(Person.Lee, new() { [RecognitionHistoryView.KindInput] = "peer" });
        Assert.Equal(["Hassan Ali", "Lee Wong", "Ada Lindqvist", "Ada Lindqvist", "Ada Lindqvist"], Listed(first));
        Assert.DoesNotContain(CardJson.ExecuteActions(first), a => a.GetProperty("title").GetString() == "Newer");

        var second = await Scenario.ExecuteForCardAsync(Person.Lee, RecognitionsCommand.ShowVerb, ButtonData(first, "Older"));
        Assert.Equal(["Ada Lindqvist", "Ada Lindqvist", "Ada Lindqvist", "Ruth Okafor"], Listed(second)); // peers only, October's last
        Assert.DoesNotContain(CardJson.ExecuteActions(second), a => a.GetProperty("title").GetString() == "Older");
        Assert.Equal("peer", CardJson.Input(second, RecognitionHistoryView.KindInput).GetProperty("value").GetString());

        var back = await Scenario.ExecuteForCardAsync(Person.Lee, RecognitionsCommand.ShowVerb, ButtonData(second, "Newer"));
        Assert.Equal(Listed(first), Listed(back));
    }

    [Fact]
    public async Task Recognitions_MonthlyCountsAndExport_AreOfferedToTheRolesThatHaveThem()
    {
        foreach (var (person, buttons) in new[]
        {
            (Person.Lee, Array.Empty<string>()),
            (Person.Ruth, ["Monthly counts"]),
            (Person.Hassan, ["Monthly counts", "Export CSV"]),
        })
        {
            Scenario.Connector.Reset();
            await Scenario.SayAsync(person, "recognitions");
            var titles = CardJson.ExecuteActions(Scenario.LastCardTo(person)).Select(a => a.GetProperty("title").GetString()).ToList();
            Assert.Equal(buttons, titles.Where(t => t is "Monthly counts" or "Export CSV"));
        }
    }

    [Fact]
    public async Task RecognitionCounts_ForHrAndExecutives_CountEachMonthByBehaviourTeamAndWhoGaveThem()
    {
        await Scenario.SayAsync(Person.Hassan, "recognitions counts");

        var card = Scenario.LastCardTo(Person.Hassan);
        var tables = Tables(card);
        Assert.Equal(["Jun", "Jul", "Aug", "Sep", "Oct", "Nov"], tables["By behaviour"].Months);
        Assert.Equal([0, 0, 0, 0, 0, 2], tables["By behaviour"].Rows["Owning the problem"]);
        Assert.Equal([0, 0, 0, 0, 1, 0], tables["By behaviour"].Rows["Going the extra mile"]);
        Assert.Equal([0, 0, 0, 0, 1, 0], tables["By behaviour"].Rows["Listening to customers"]);
        Assert.Equal([0, 0, 0, 0, 0, 1], tables["By behaviour"].Rows["Sharing customer insight"]);
        Assert.Equal([0, 0, 0, 0, 1, 3], tables["By team"].Rows["Service Desk"]);
        Assert.Equal([0, 0, 0, 0, 1, 0], tables["By team"].Rows["Leadership"]);
        Assert.Equal([0, 0, 0, 0, 1, 1], tables["By who gave them"].Rows[RecognitionKinds.ExecutiveLabel]);
        Assert.Equal([0, 0, 0, 0, 1, 2], tables["By who gave them"].Rows[RecognitionKinds.PeerLabel]);

        // The same card from the list's button, for an Executive.
        var fromButton = await Scenario.ExecuteForCardAsync(Person.Ruth, RecognitionCountsCommand.CountsVerb, []);
        Assert.Equal(CardJson.AllText(card), CardJson.AllText(fromButton));
    }

    [Fact]
    public async Task Export_ByHr_DownloadsEveryRecognitionAsCsv_WithFormulasDefused()
    {
        await Scenario.SayAsync(Person.Hassan, "recognitions export");

        var response = await DownloadAsync(LinkIn(Scenario.LastCardTo(Person.Hassan)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment; filename=\"focusbot-recognitions-", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var lines = (await CsvAsync(response)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(RecognitionCsv.Header, lines[0]);
        Assert.Equal(5, lines.Length - 1);
        Assert.Equal("2026-11-25,2026-11,peer,Hassan Ali,Megan Bowen,Sharing customer insight,Service Desk,Service Desk › Customer Wins,Shared the survey verbatims with product.,0", lines[1]);
        Assert.Equal("2026-11-25,2026-11,peer,Lee Wong,Sam Carter,Owning the problem,Service Desk,Service Desk › Customer Wins," +
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\"), then \"\"quoted\"\"\",0", lines[2]);
        Assert.StartsWith("2026-11-25,2026-11,executive,Megan Bowen,Ruth Okafor,Owning the problem,", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("2026-10-31,2026-10,peer,Ruth Okafor,Megan Bowen,Listening to customers,Leadership,Leadership › General,", lines[4], StringComparison.Ordinal);
        Assert.StartsWith("2026-10-14,2026-10,executive,Sam Carter,Ruth Okafor,", lines[5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_FromTheFilteredList_HoldsOnlyWhatTheListShowed()
    {
        var list = await ShowAsync(Person.Hassan, new() { [RecognitionHistoryView.KindInput] = "peer", [RecognitionHistoryView.MonthInput] = "2026-11" });

        var exportCard = await Scenario.ExecuteForCardAsync(Person.Hassan, RecognitionsCard.ExportVerb, ButtonData(list, "Export CSV"));

        var lines = (await CsvAsync(await DownloadAsync(LinkIn(exportCard)))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Hassan Ali", "Lee Wong"], lines.Skip(1).Select(l => l.Split(',')[3]));
    }

    [Fact]
    public async Task ExportLink_ChangedForAnotherViewOrCarriedToTheTrendsReport_IsRefused()
    {
        await Scenario.SayAsync(Person.Hassan, "recognitions export");
        var link = LinkIn(Scenario.LastCardTo(Person.Hassan));
        var token = Uri.UnescapeDataString(link.Query[(link.Query.IndexOf('=', StringComparison.Ordinal) + 1)..]);

        // Another view in the payload, the signature kept.
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(FromBase64Url(parts[0])).Replace("\n\n\n\n\n", "\n" + BotScenario.LeadershipTeam + "\n\n\n\n", StringComparison.Ordinal);
        var forged = ToBase64Url(Encoding.UTF8.GetBytes(payload)) + "." + parts[1];
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(ReportUrls.RecognitionsCsvPath, forged)).StatusCode);
        // A valid link, but to the trends report, and a trends report link at the export.
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(ReportUrls.CsvPath, token)).StatusCode);
        var trendsToken = Scenario.Get<ReportLinkSigner>().Sign(new ReportLink(BotScenario.TenantId, Person.Hassan.AadObjectId, Person.Hassan.UserId, "org",
            PeriodKind.Week, 12, Wednesday.AddHours(1)));
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(ReportUrls.RecognitionsCsvPath, trendsToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(ReportUrls.RecognitionsCsvPath, token)).StatusCode);
    }

    [Fact]
    public async Task ExportLink_AfterTheHrRoleIsRevokedOrTheLinkExpires_IsRefused()
    {
        await Scenario.SayAsync(Person.Hassan, "recognitions export");
        var link = LinkIn(Scenario.LastCardTo(Person.Hassan));
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(link)).StatusCode);

        _clock.Offset += TimeSpan.FromHours(25);
        var expired = await DownloadAsync(link);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("This export link has expired.", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _clock.Offset -= TimeSpan.FromHours(25);
        await Scenario.Get<IRoleStore>().RevokeAsync(BotScenario.TenantId, Person.Hassan.AadObjectId, Role.HR, null, None);
        var revoked = await DownloadAsync(link);
        Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
        Assert.Contains("does not hold the HR role", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Uri LinkIn(JsonElement card)
    {
        var open = card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "Action.OpenUrl");
        Assert.Equal("Download CSV", open.GetProperty("title").GetString());
        return new Uri(open.GetProperty("url").GetString()!);
    }

    private Task<HttpResponseMessage> DownloadAsync(Uri link) => Scenario.Host.Client.GetAsync(link.PathAndQuery, None);

    private Task<HttpResponseMessage> GetAsync(string path, string token) => Scenario.Host.Client.GetAsync(ReportUrls.Relative(path, token), None);

    private static async Task<string> CsvAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes.AsSpan(3));
    }

    /// <summary>Each counts table under its heading: the month columns and each row's counts.</summary>
    private static Dictionary<string, (List<string> Months, Dictionary<string, List<int>> Rows)> Tables(JsonElement card)
    {
        var tables = new Dictionary<string, (List<string>, Dictionary<string, List<int>>)>();
        string? heading = null;
        foreach (var element in card.GetProperty("body").EnumerateArray())
        {
            if (element.GetProperty("type").GetString() == "TextBlock")
                heading = element.GetProperty("text").GetString();
            if (element.GetProperty("type").GetString() != "ColumnSet" || heading is null)
                continue;
            var columns = element.GetProperty("columns").EnumerateArray()
                .Select(c => c.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("text").GetString()!).ToList()).ToList();
            var labels = columns[0].Skip(1).SkipLast(1).ToList();
            tables[heading] = ([.. columns.Skip(1).Select(c => c[0])],
                labels.Select((label, row) => (label, row)).ToDictionary(x => x.label, x => columns.Skip(1).Select(c => int.Parse(c[x.row + 1], System.Globalization.CultureInfo.InvariantCulture)).ToList()));
        }

        return tables;
    }

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed class SqliteRecognitionHistoryFlowTests(AzuriteFixture azurite) : RecognitionHistoryFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteRecognitionHistoryFlowTests(AzuriteFixture azurite) : RecognitionHistoryFlowTests(StorageKind.Azurite, azurite);
