using System.Text.Json.Nodes;
using FocusBot.Domain.Kpis;
using FocusBot.Domain.Trends;
using FocusBot.Kpis;
using FocusBot.Questions;
using FocusBot.Tests.Questions.Support;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Kpis;

/// <summary>Customer KPIs end to end through POST /api/messages, run on SQLite and on Azurite.</summary>
public abstract class KpiFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private const string DownloadUrl = "https://contoso-my.sharepoint.com/personal/hassan/_layouts/15/download.aspx?UniqueId=9&tempauth=abc";

    private readonly FileServerHandler _files = new();
    private BotScenario _scenario = null!;

    private BotScenario Scenario => _scenario;

    public async ValueTask InitializeAsync() =>
        _scenario = await BotScenario.StartAsync(storage, azurite, configureServices: services =>
            services.AddHttpClient(QuestionFileClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _files));

    public async ValueTask DisposeAsync()
    {
        await _scenario.DisposeAsync();
        _files.Dispose();
    }

    private DateOnly Today => DateOnly.FromDateTime(Scenario.Get<TimeProvider>().GetUtcNow().UtcDateTime);

    private TrendPeriod LastQuarter => TrendPeriod.Holding(PeriodKind.Quarter, Today).Previous();

    private TrendPeriod LastMonth => TrendPeriod.Holding(PeriodKind.Month, Today).Previous();

    private DateOnly MondayWeeksAgo(int weeksAgo) => QuizWeeks.MondayWeeksAgo(Scenario, weeksAgo);

    private Task<IReadOnlyList<KpiValue>> StoredAsync() => Scenario.Get<IKpiStore>().ListValuesAsync(BotScenario.TenantId, CancellationToken.None);

    private string ThreeKpis() =>
        $"""
        kpi,period,team,value,unit,better
        CSAT,{KpiPeriods.Format(LastQuarter)},,82.5,,
        complaints,{KpiPeriods.Format(LastMonth)},service desk,4,,
        Field defects,{KpiPeriods.Format(LastMonth)},{BotScenario.LeadershipTeam},3.2,per 1000 units,lower
        """;

    private async Task<string> ReplyToAsync(Person person, string text)
    {
        Scenario.Connector.Reset();
        await Scenario.SayAsync(person, text);
        return Assert.Single(Scenario.SentTo(person.Chat)).Activity.GetProperty("text").GetString()!;
    }

    [Fact]
    public async Task KpisImport_PastedTwice_StoresOnce_ThenTheCardShowsEachKpiWithItsTeams()
    {
        var first = await ReplyToAsync(Person.Hassan, "kpis import\n" + ThreeKpis());
        var again = await ReplyToAsync(Person.Hassan, "kpis import\n" + ThreeKpis());

        Assert.StartsWith("Imported 3 KPI value(s) (CSAT, Complaints, Field defects;", first, StringComparison.Ordinal);
        Assert.Contains("3 new, 0 corrected, 0 unchanged", first, StringComparison.Ordinal);
        Assert.Contains("0 new, 0 corrected, 3 unchanged", again, StringComparison.Ordinal);
        var stored = await StoredAsync();
        Assert.Equal(3, stored.Count);
        Assert.Contains(stored, v => v.Kpi == KnownKpis.Complaints.Key && v.TeamId == BotScenario.ServiceDeskTeam && v.Value == 4 && v.ImportedBy == Person.Hassan.AadObjectId);

        await Scenario.SayAsync(Person.Hassan, "kpis");
        var card = CardJson.AllText(Scenario.LastCardTo(Person.Hassan));
        Assert.Contains("CSAT (%, higher is better)", card, StringComparison.Ordinal);
        Assert.Contains("82.5% · Knowledge no results, Behaviour no results, Attitude no results", card, StringComparison.Ordinal);
        Assert.Contains("Complaints (count, lower is better)", card, StringComparison.Ordinal);
        Assert.Contains($"Teams, {LastMonth.Label}: Service Desk 4", card, StringComparison.Ordinal);
        Assert.Contains("Field defects (per 1000 units, lower is better)", card, StringComparison.Ordinal);
        Assert.Contains("Leadership 3.2 per 1000 units", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KpisImport_ACorrectedValue_ReplacesTheOldOne()
    {
        await ReplyToAsync(Person.Hassan, "kpis import\n" + ThreeKpis());

        var reply = await ReplyToAsync(Person.Hassan, $"kpis import\nkpi,period,value\nCSAT,{KpiPeriods.Format(LastQuarter)},83");

        Assert.Contains("0 new, 1 corrected, 0 unchanged", reply, StringComparison.Ordinal);
        Assert.Equal(83, (await StoredAsync()).Single(v => v.Kpi == KnownKpis.Csat.Key).Value);
    }

    [Fact]
    public async Task KpisImport_BadRows_StoresNothing_AndNamesEachLine()
    {
        var next = TrendPeriod.Holding(PeriodKind.Month, Today).Next();
        var csv = $"""
            kpi,period,team,value,unit,better
            CSAT,{KpiPeriods.Format(LastQuarter)},,82.5,,
            CSAT,{KpiPeriods.Format(LastMonth)},,120,,
            NPS,{KpiPeriods.Format(next)},,10,,
            Complaints,{KpiPeriods.Format(LastMonth)},Marketing,3,,
            Response time,{KpiPeriods.Format(LastMonth)},,4,,
            Rework,last year,,2,,
            """;

        Scenario.Connector.Reset();
        await Scenario.SayAsync(Person.Hassan, "kpis import\n" + csv);

        var card = CardJson.AllText(Scenario.LastCardTo(Person.Hassan));
        Assert.Contains("Nothing was imported: 5 problems to fix", card, StringComparison.Ordinal);
        Assert.Contains(KpisCommand.NothingImported, card, StringComparison.Ordinal);
        Assert.Contains("line 3: CSAT 120: a percentage is from 0 to 100", card, StringComparison.Ordinal);
        Assert.Contains($"line 4: {KpiPeriods.Format(next)} has not started yet", card, StringComparison.Ordinal);
        Assert.Contains("line 5: team 'Marketing' is not a team FocusBot is in", card, StringComparison.Ordinal);
        Assert.Contains("line 6: Response time is a KPI FocusBot does not know yet", card, StringComparison.Ordinal);
        Assert.Contains("line 7: period 'last year' is not a week", card, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task KpisImport_AttachedCsv_IsDownloadedFromSharePointAndStored()
    {
        _files.Serve(DownloadUrl, ThreeKpis());
        var values = ActivityJson.From(Person.Hassan, Scenario.Connector.BaseUrl, Person.Hassan.Chat);
        values["text"] = "kpis import";
        var activity = JsonNode.Parse(ActivityJson.Load("message.personal", values))!.AsObject();
        activity["attachments"] = new JsonArray(QuestionsChat.FileAttachment("kpis.csv", DownloadUrl));

        (await Scenario.Host.PostActivityAsync(activity.ToJsonString())).EnsureSuccessStatusCode();

        Assert.Contains("3 new", Assert.Single(Scenario.SentTo(Person.Hassan.Chat)).Activity.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, (await StoredAsync()).Count);
        Assert.Equal([new Uri(DownloadUrl)], _files.Requests);
    }

    [Fact]
    public async Task KpisImport_AttachedFileOutsideSharePoint_IsNotFetched()
    {
        var values = ActivityJson.From(Person.Hassan, Scenario.Connector.BaseUrl, Person.Hassan.Chat);
        values["text"] = "kpis import";
        var activity = JsonNode.Parse(ActivityJson.Load("message.personal", values))!.AsObject();
        activity["attachments"] = new JsonArray(QuestionsChat.FileAttachment("kpis.csv", "https://169.254.169.254/latest/meta-data.csv"));

        (await Scenario.Host.PostActivityAsync(activity.ToJsonString())).EnsureSuccessStatusCode();

        Assert.Contains("SharePoint or OneDrive", Assert.Single(Scenario.SentTo(Person.Hassan.Chat)).Activity.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(_files.Requests);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task KpisKey_ShownOnce_StoredOnlyAsItsHash_RevokeRemovesIt()
    {
        var reply = await ReplyToAsync(Person.Hassan, "kpis key");

        var key = reply.Split('\n').Single(line => line.StartsWith(KpiApiKeys.Prefix, StringComparison.Ordinal));
        var stored = await Scenario.Get<IKpiStore>().FindKeyAsync(KpiApiKeys.Hash(key), CancellationToken.None);
        Assert.Equal((BotScenario.TenantId, Person.Hassan.AadObjectId), (stored?.TenantId, stored?.CreatedBy));
        Assert.DoesNotContain(key, stored!.KeyHash, StringComparison.Ordinal);

        Assert.Contains("revoked", await ReplyToAsync(Person.Hassan, "kpis key revoke"), StringComparison.Ordinal);
        Assert.Null(await Scenario.Get<IKpiStore>().FindKeyAsync(KpiApiKeys.Hash(key), CancellationToken.None));
        Assert.Equal("There is no KPI import key to revoke.", await ReplyToAsync(Person.Hassan, "kpis key revoke"));
    }

    [Fact]
    public async Task Kpis_WeeklyCsatRisingWithKnowledge_TheCardSaysSoAsAnAssociation_AndNothingWithFewerWeeks()
    {
        await QuizWeeks.SeedAsync(Scenario, "kpi", [3, 5, 7, 9, 11, 12]);
        double[] csat = [70, 72, 75, 79, 80, 85];
        var rows = string.Join("\n", csat.Select((value, i) => $"CSAT,{KpiPeriods.Format(TrendPeriod.WeekOf(MondayWeeksAgo(6 - i)))},,{value},,"));

        await ReplyToAsync(Person.Hassan, "kpis import\nkpi,period,team,value,unit,better\n" + rows);
        await Scenario.SayAsync(Person.Hassan, "kpis");

        var card = CardJson.AllText(Scenario.LastCardTo(Person.Hassan));
        Assert.Contains("In the weeks when the organisation's knowledge scores were higher, its CSAT was higher (better for customers; rank correlation 1.00, 6 weeks). " +
            KpiAssociation.NotCause, card, StringComparison.Ordinal);
        Assert.Contains("85% · Knowledge 100%", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpis_FourWeeksOnly_SaysNothingAboutAssociation()
    {
        await QuizWeeks.SeedAsync(Scenario, "kpi", [3, 5, 7, 9]);
        var rows = string.Join("\n", Enumerable.Range(0, 4).Select(i => $"CSAT,{KpiPeriods.Format(TrendPeriod.WeekOf(MondayWeeksAgo(4 - i)))},{70 + i}"));

        await ReplyToAsync(Person.Hassan, "kpis import\nkpi,period,value\n" + rows);
        await Scenario.SayAsync(Person.Hassan, "kpis");

        var card = CardJson.AllText(Scenario.LastCardTo(Person.Hassan));
        Assert.Contains("73% · Knowledge 75%", card, StringComparison.Ordinal);
        Assert.DoesNotContain("association", card, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("rank correlation", card, StringComparison.Ordinal);
    }

}

public sealed class SqliteKpiFlowTests(AzuriteFixture azurite) : KpiFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteKpiFlowTests(AzuriteFixture azurite) : KpiFlowTests(StorageKind.Azurite, azurite);
