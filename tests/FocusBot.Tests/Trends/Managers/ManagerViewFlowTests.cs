using System.Net;
using System.Text.Json;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;

namespace FocusBot.Tests.Trends.Managers;

/// <summary>
/// Leaders' and managers' view through POST /api/messages and the report page, on SQLite and Azurite. Megan manages
/// Service Desk (granted by Ada typing roles); both teams of three answered a pulse that closed and was sealed. Megan
/// reads her team alone, is refused anything else in words that say nothing about the other team, and her report link
/// opens her team alone and nothing else; Ruth (Executive) reads the organisation and every team.
/// </summary>
public abstract class ManagerViewFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private ManagedTenant _tenant = null!;

    public async ValueTask InitializeAsync()
    {
        _tenant = await ManagedTenant.StartAsync(storage, azurite);
        await _tenant.RunPulseAsync();
        await _tenant.RunDigestsAsync();
    }

    public async ValueTask DisposeAsync() => await _tenant.DisposeAsync();

    private static JsonElement IndexColumns(JsonElement card) =>
        card.GetProperty("body").EnumerateArray().First(e => e.GetProperty("type").GetString() == "ColumnSet");

    private static Uri ActionUrl(JsonElement card, string title) =>
        new(card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString() == title).GetProperty("url").GetString()!);

    private static void AssertNothingOfLeadership(string text)
    {
        Assert.DoesNotContain("Leadership", text, StringComparison.Ordinal);
        foreach (var (_, comment) in ManagedTenant.LeadershipComments)
            Assert.DoesNotContain(comment, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_FromTheManager_ShowsTheirTeamAsHrSeesItWithoutTheOrganisation()
    {
        var asHr = await _tenant.CardReplyAsync(Person.Hassan, "trends Service Desk");

        var mine = await _tenant.CardReplyAsync(Person.Megan, "trends");
        var named = await _tenant.CardReplyAsync(Person.Megan, "trends service desk");

        var text = CardJson.AllText(mine);
        Assert.Contains(TrendCard.Title + ": Service Desk", text, StringComparison.Ordinal);
        Assert.Contains("%", CardJson.AllText(IndexColumns(mine)), StringComparison.Ordinal);
        Assert.Equal(IndexColumns(asHr).GetRawText(), IndexColumns(mine).GetRawText());
        Assert.Contains("Compared with the organisation", CardJson.AllText(asHr), StringComparison.Ordinal);
        Assert.DoesNotContain("Compared with the organisation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Organisation", text, StringComparison.Ordinal);
        AssertNothingOfLeadership(text);
        Assert.Equal(IndexColumns(mine).GetRawText(), IndexColumns(named).GetRawText());
    }

    [Fact]
    public async Task TrendsAndComments_FromTheManager_ForAnotherTeamOrTheOrganisation_AreRefusedAlike()
    {
        // Leadership has results, Empty Team has none, the third exists nowhere: the refusals must not tell them apart.
        string[] asked = ["Leadership", "Empty Team", "Sales Europe"];
        var refusals = new List<string>();
        foreach (var command in (string[])["trends", "comments"])
        {
            foreach (var team in asked)
                refusals.Add((await _tenant.TextReplyAsync(Person.Megan, $"{command} {team}")).Replace(team, "TEAM", StringComparison.Ordinal).Replace(command, "COMMAND", StringComparison.Ordinal));
        }

        Assert.Single(refusals.Distinct());
        Assert.Contains("As a Manager you see the figures of the team you manage (Service Desk), not those of \"TEAM\"", refusals[0], StringComparison.Ordinal);
        var organisation = await _tenant.TextReplyAsync(Person.Megan, "trends org");
        Assert.Contains("not those of the whole organisation", organisation, StringComparison.Ordinal);
        Assert.Contains("Type trends Service Desk", organisation, StringComparison.Ordinal);
        Assert.DoesNotContain("%", organisation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comments_FromTheManager_ShowTheirTeamsCommentsOnly()
    {
        var card = await _tenant.CardReplyAsync(Person.Megan, "comments");

        var text = CardJson.AllText(card);
        foreach (var (_, comment) in ManagedTenant.ServiceDeskComments)
            Assert.Contains(comment, text, StringComparison.Ordinal);
        Assert.Contains("3 comments.", text, StringComparison.Ordinal);
        AssertNothingOfLeadership(text);
    }

    [Fact]
    public async Task ReportPage_FromTheManagersLink_ShowsTheirTeamAlone_AndTheCsvLeavesTheOrganisationOut()
    {
        var card = await _tenant.CardReplyAsync(Person.Megan, "trends");

        var page = await _tenant.Scenario.Host.Client.GetAsync(ActionUrl(card, "Open full report").PathAndQuery);
        var csv = await _tenant.Scenario.Host.Client.GetStringAsync(ActionUrl(card, "Download CSV").PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>" + TrendCard.Title + ": Service Desk</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-series=\"Service Desk\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Organisation", html, StringComparison.Ordinal);
        Assert.DoesNotContain("whole organisation", html, StringComparison.Ordinal);
        Assert.Contains("Fewer handoffs between teams", html, StringComparison.Ordinal);
        AssertNothingOfLeadership(html);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(row.StartsWith("team,Service Desk,", StringComparison.Ordinal) || row.StartsWith("voice_theme,", StringComparison.Ordinal), row));
    }

    [Fact]
    public async Task ReportPage_ALinkSignedForTheManagerForAnotherTeam_OrAfterTheGrantIsRevoked_IsRefused()
    {
        var card = await _tenant.CardReplyAsync(Person.Megan, "trends");
        var own = ActionUrl(card, "Open full report").PathAndQuery;
        var urls = _tenant.Scenario.Get<ReportUrls>();
        var signer = _tenant.Scenario.Get<ReportLinkSigner>();
        var other = urls.LinkFor(BotScenario.TenantId, Person.Megan.AadObjectId, Person.Megan.UserId, TrendSlices.Team(BotScenario.LeadershipTeam), PeriodKind.Week, 12);
        var organisation = other with { Slice = TrendSlices.Org };

        foreach (var link in (ReportLink[])[other, organisation])
        {
            var refused = await _tenant.Scenario.Host.Client.GetAsync(ReportUrls.Relative(ReportUrls.PagePath, signer.Sign(link)));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("no longer holds the HR role, the Executive role or the Manager role for this team", body, StringComparison.Ordinal);
            AssertNothingOfLeadership(body);
            Assert.Equal(HttpStatusCode.Forbidden, (await _tenant.Scenario.Host.Client.GetAsync(ReportUrls.Relative(ReportUrls.CsvPath, signer.Sign(link)))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await _tenant.Scenario.Host.Client.GetAsync(own)).StatusCode);
        await _tenant.SayAsync(Person.Ada, "roles revoke manager Megan Bowen " + BotScenario.ServiceDeskTeam);
        Assert.Contains("Megan Bowen no longer manages Service Desk", CardJson.AllText(_tenant.Scenario.LastCardTo(Person.Ada)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await _tenant.Scenario.Host.Client.GetAsync(own)).StatusCode);
        Assert.Equal(global::FocusBot.Roles.RefusalCard.Create(global::FocusBot.Commands.CommandCatalog.Trends).ToJsonElement().GetRawText(),
            (await _tenant.CardReplyAsync(Person.Megan, "trends")).GetRawText());
    }

    [Fact]
    public async Task TrendsCommentsAndThePage_FromAnExecutive_ShowTheOrganisationAndEveryTeam()
    {
        var organisation = CardJson.AllText(await _tenant.CardReplyAsync(Person.Ruth, "trends"));
        var leadership = CardJson.AllText(await _tenant.CardReplyAsync(Person.Ruth, "trends Leadership"));
        var comments = await _tenant.CardReplyAsync(Person.Ruth, "comments Service Desk");
        var card = await _tenant.CardReplyAsync(Person.Ruth, "trends");
        var html = await _tenant.Scenario.Host.Client.GetStringAsync(ActionUrl(card, "Open full report").PathAndQuery);

        Assert.Contains(TrendCard.Title + ": Organisation", organisation, StringComparison.Ordinal);
        Assert.Contains("Service Desk", organisation, StringComparison.Ordinal);
        Assert.Contains("Leadership", organisation, StringComparison.Ordinal);
        Assert.Contains(TrendCard.Title + ": Leadership", leadership, StringComparison.Ordinal);
        Assert.Contains("Compared with the organisation", leadership, StringComparison.Ordinal);
        Assert.Contains("Faster refunds please", CardJson.AllText(comments), StringComparison.Ordinal);
        Assert.Contains("By team", html, StringComparison.Ordinal);
        Assert.Contains("Leadership", html, StringComparison.Ordinal);
        Assert.Contains("Service Desk", html, StringComparison.Ordinal);
        Assert.Contains("By programme level (whole organisation)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_FromAManagerOfTwoTeams_AsksWhichAndShowsEachAlone()
    {
        await _tenant.SayAsync(Person.Ada, "roles grant manager Megan Bowen " + BotScenario.LeadershipTeam);

        var which = await _tenant.TextReplyAsync(Person.Megan, "trends");
        var leadership = CardJson.AllText(await _tenant.CardReplyAsync(Person.Megan, "trends leadership"));

        Assert.Equal("You manage Leadership and Service Desk: name the team, e.g. trends Leadership.", which);
        Assert.Contains(TrendCard.Title + ": Leadership", leadership, StringComparison.Ordinal);
        Assert.DoesNotContain("Service Desk", leadership, StringComparison.Ordinal);
        Assert.DoesNotContain("Organisation", leadership, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivacyPage_TellsStaffThatTheirTeamsManagerReadsTheTeamsFiguresAndComments()
    {
        var privacy = await _tenant.Scenario.Host.Client.GetStringAsync("/privacy");

        Assert.Contains("a team's manager sees that team's figures only", privacy, StringComparison.Ordinal);
        Assert.Contains("and by your team's manager among your team's comments", privacy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_FromSomeoneWhoIsHrAndAManager_ShowTheOrganisation()
    {
        await _tenant.SayAsync(Person.Ada, "roles grant manager Hassan Ali " + BotScenario.ServiceDeskTeam);
        Assert.Contains(Role.Manager, await _tenant.Scenario.Get<IRoleStore>().GetRolesAsync(BotScenario.TenantId, Person.Hassan.AadObjectId, CancellationToken.None));

        var text = CardJson.AllText(await _tenant.CardReplyAsync(Person.Hassan, "trends"));

        Assert.Contains(TrendCard.Title + ": Organisation", text, StringComparison.Ordinal);
        Assert.Contains("Leadership", text, StringComparison.Ordinal);
    }
}

public sealed class SqliteManagerViewFlowTests(AzuriteFixture azurite) : ManagerViewFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteManagerViewFlowTests(AzuriteFixture azurite) : ManagerViewFlowTests(StorageKind.Azurite, azurite);
