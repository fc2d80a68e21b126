using System.Net;
using System.Text.Json;
using FocusBot.ConnectorSimulator.Roster;

namespace FocusBot.ConnectorSimulator.Tests;

public sealed class MembersAndTeamsTests
{
    private const string TeamId = "19:team@thread.tacv2";
    private const string Channel = "19:pulse@thread.tacv2";

    [Fact]
    public async Task GetPagedMembers_250Members_ReturnsPagesOf100UntilNoContinuationToken()
    {
        await using var simulator = await StartWithTeamAsync(SimulatedMember.NumberedRoster(250, "tenant-a"));
        using var client = new ConnectorTestClient(simulator);

        var pages = await ReadAllPagesAsync(client, $"v3/conversations/{ConnectorTestClient.Escape(Channel)}/pagedmembers");

        Assert.Equal([100, 100, 50], pages.Select(p => p.Count));
        Assert.Equal(SimulatedMember.NumberedRoster(250, "tenant-a").Select(m => m.Id), pages.SelectMany(p => p));
    }

    [Fact]
    public async Task GetPagedMembers_PageSizeAbove500_IsCappedAt500()
    {
        await using var simulator = await StartWithTeamAsync(SimulatedMember.NumberedRoster(600, "tenant-a"));
        using var client = new ConnectorTestClient(simulator);

        var pages = await ReadAllPagesAsync(client, $"v3/conversations/{ConnectorTestClient.Escape(TeamId)}/pagedmembers?pageSize=1000");

        Assert.Equal([500, 100], pages.Select(p => p.Count));
    }

    [Fact]
    public async Task GetPagedMembers_Member_CarriesTeamsAccountFieldsAndTeamTenant()
    {
        var member = new SimulatedMember("29:ada")
        {
            Name = "Ada Lovelace",
            GivenName = "Ada",
            Surname = "Lovelace",
            AadObjectId = "6f1c0000-0000-4000-8000-000000000001",
            Email = "ada@contoso.example",
            UserPrincipalName = "ada@contoso.example",
        };
        await using var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        simulator.AddTeam(new SimulatedTeam(TeamId) { TenantId = "tenant-a", Members = [member] });
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.GetAsync($"v3/conversations/{ConnectorTestClient.Escape(TeamId)}/pagedmembers");

        var json = (await ConnectorTestClient.ReadJsonAsync(response)).GetProperty("members")[0];
        Assert.Equal(
            ["29:ada", "Ada Lovelace", "6f1c0000-0000-4000-8000-000000000001", "ada@contoso.example", "ada@contoso.example", "tenant-a", "Ada", "Lovelace"],
            new[] { "id", "name", "aadObjectId", "email", "userPrincipalName", "tenantId", "givenName", "surname" }
                .Select(p => json.GetProperty(p).GetString()));
    }

    [Theory]
    [InlineData("continuationToken=garbage")]
    [InlineData("pageSize=many")]
    public async Task GetPagedMembers_InvalidQuery_Returns400(string query)
    {
        await using var simulator = await StartWithTeamAsync(SimulatedMember.NumberedRoster(3, "tenant-a"));
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.GetAsync($"v3/conversations/{ConnectorTestClient.Escape(Channel)}/pagedmembers?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetPagedMembers_CreatedPersonalChat_ReturnsTheUser()
    {
        await using var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new ConnectorTestClient(simulator);
        var id = await ConnectorTestClient.ReadIdAsync(await client.CreateConversationAsync("29:user-1"));

        var pages = await ReadAllPagesAsync(client, $"v3/conversations/{ConnectorTestClient.Escape(id)}/pagedmembers");

        Assert.Equal(["29:user-1"], pages.SelectMany(p => p));
    }

    [Fact]
    public async Task GetPagedMembers_UnknownConversation_Returns404()
    {
        await using var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.GetAsync("v3/conversations/19%3Anope/pagedmembers");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetTeamConversations_RegisteredTeam_ListsGeneralAndChannels()
    {
        await using var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        simulator.AddTeam(new SimulatedTeam(TeamId) { Channels = [new(Channel, "Customer pulse")] });
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.GetAsync($"v3/teams/{ConnectorTestClient.Escape(TeamId)}/conversations");

        var conversations = (await ConnectorTestClient.ReadJsonAsync(response)).GetProperty("conversations").EnumerateArray().ToList();
        Assert.Equal([TeamId, Channel], conversations.Select(c => c.GetProperty("id").GetString()));
        Assert.False(conversations[0].TryGetProperty("name", out _));
        Assert.Equal("Customer pulse", conversations[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task GetTeamDetails_RegisteredTeam_ReturnsIdNameAndAadGroupId()
    {
        await using var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        simulator.AddTeam(new SimulatedTeam(TeamId) { Name = "Support", AadGroupId = "02ce3874-dd86-41ba-bddc-013f34019978" });
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.GetAsync($"v3/teams/{ConnectorTestClient.Escape(TeamId)}");

        var json = await ConnectorTestClient.ReadJsonAsync(response);
        Assert.Equal(
            (TeamId, "Support", "02ce3874-dd86-41ba-bddc-013f34019978"),
            (json.GetProperty("id").GetString(), json.GetProperty("name").GetString(), json.GetProperty("aadGroupId").GetString()));
    }

    [Fact]
    public async Task GetTeamDetails_UnknownTeam_Returns404()
    {
        await using var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.GetAsync("v3/teams/19%3Anope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<ConnectorSimulator> StartWithTeamAsync(IReadOnlyList<SimulatedMember> members)
    {
        var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        simulator.AddTeam(TeamId, [Channel], members);
        return simulator;
    }

    private static async Task<List<List<string?>>> ReadAllPagesAsync(ConnectorTestClient client, string firstPage)
    {
        var pages = new List<List<string?>>();
        var separator = firstPage.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        string? token = null;
        do
        {
            var path = token is null ? firstPage : $"{firstPage}{separator}continuationToken={Uri.EscapeDataString(token)}";
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await ConnectorTestClient.ReadJsonAsync(response);
            pages.Add([.. json.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetString())]);
            token = json.TryGetProperty("continuationToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            Assert.True(pages.Count < 20, "paging did not end");
        }
        while (token is not null);

        return pages;
    }
}
