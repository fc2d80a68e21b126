using System.Text.Json.Nodes;
using FocusBot.Admin;
using FocusBot.Commands;
using FocusBot.Domain.Roles;
using FocusBot.Roles;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.Options;

namespace FocusBot.Tests.Roles;

/// <summary>
/// The Manager role through `roles`, on SQLite and Azurite: granted for one team FocusBot is in, chosen by its id (a second
/// step of the card, or the id typed last), one grant per team, listed with the team's name, revoked team by team.
/// </summary>
public abstract class ManagerGrantTests(StorageKind storage, AzuriteFixture azurite)
{
    private Task<BotScenario> StartAsync() => BotScenario.StartAsync(storage, azurite);

    private static async Task<IReadOnlyList<string?>> ManagedTeamsAsync(BotScenario scenario, Person person) =>
        [.. (await scenario.Get<IRoleStore>().ListForPersonAsync(BotScenario.TenantId, person.AadObjectId, CancellationToken.None))
            .Where(a => a.Role == Role.Manager).Select(a => a.TeamId).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task GrantByCard_Manager_AsksWhichTeamByIdThenGrantsForThatTeamAlone()
    {
        await using var scenario = await StartAsync();

        var ask = await scenario.ExecuteForCardAsync(Person.Ada, RolesCommand.GrantVerb,
            new JsonObject { [RolesCommand.PersonId] = Person.Megan.AadObjectId, [RolesCommand.RoleId] = "Manager" });

        Assert.Contains(RolesCard.ChooseTeamTitle, CardJson.AllText(ask), StringComparison.Ordinal);
        Assert.Equal([("Leadership", BotScenario.LeadershipTeam), ("Service Desk", BotScenario.ServiceDeskTeam)], CardJson.Choices(ask, RolesCommand.TeamId));
        Assert.Empty(await ManagedTeamsAsync(scenario, Person.Megan));
        var grant = CardJson.ExecuteActions(ask).Single();
        var data = (JsonObject)JsonNode.Parse(grant.GetProperty("data").GetRawText())!;
        data[RolesCommand.TeamId] = BotScenario.ServiceDeskTeam;

        var done = await scenario.ExecuteForCardAsync(Person.Ada, grant.GetProperty("verb").GetString()!, data);

        Assert.Contains("Megan Bowen now manages Service Desk", CardJson.AllText(done), StringComparison.Ordinal);
        Assert.Contains("**Megan Bowen** · Manager of Service Desk", CardJson.AllText(done), StringComparison.Ordinal);
        Assert.Equal([BotScenario.ServiceDeskTeam], await ManagedTeamsAsync(scenario, Person.Megan));
    }

    [Fact]
    public async Task GrantByText_TwoTeams_OneGrantEach_RevokedTeamByTeam()
    {
        await using var scenario = await StartAsync();

        await scenario.SayAsync(Person.Ada, "roles grant manager Megan Bowen " + BotScenario.ServiceDeskTeam);
        await scenario.SayAsync(Person.Ada, "roles grant Manager Megan Bowen " + BotScenario.LeadershipTeam);
        await scenario.SayAsync(Person.Ada, "roles grant manager Megan Bowen " + BotScenario.LeadershipTeam);

        Assert.Contains("Megan Bowen already manages Leadership.", CardJson.AllText(scenario.LastCardTo(Person.Ada)), StringComparison.Ordinal);
        Assert.Equal([BotScenario.LeadershipTeam, BotScenario.ServiceDeskTeam], await ManagedTeamsAsync(scenario, Person.Megan));
        var text = CardJson.AllText(scenario.LastCardTo(Person.Ada));
        Assert.Contains("**Megan Bowen** · Manager of Leadership", text, StringComparison.Ordinal);
        Assert.Contains("**Megan Bowen** · Manager of Service Desk", text, StringComparison.Ordinal);

        var revoke = CardJson.ExecuteActions(scenario.LastCardTo(Person.Ada))
            .Single(a => a.TryGetProperty("data", out var data) && data.TryGetProperty(RolesCommand.TeamId, out var team) && team.ValueKind == System.Text.Json.JsonValueKind.String
                && team.GetString() == BotScenario.LeadershipTeam);
        var revoked = await scenario.ExecuteForCardAsync(Person.Ada, RolesCommand.RevokeVerb, (JsonObject)JsonNode.Parse(revoke.GetProperty("data").GetRawText())!);

        Assert.Contains("Megan Bowen no longer manages Leadership.", CardJson.AllText(revoked), StringComparison.Ordinal);
        Assert.Equal([BotScenario.ServiceDeskTeam], await ManagedTeamsAsync(scenario, Person.Megan));
        await scenario.SayAsync(Person.Ada, "roles revoke manager Megan Bowen " + BotScenario.ServiceDeskTeam);
        Assert.Empty(await ManagedTeamsAsync(scenario, Person.Megan));
        await scenario.SayAsync(Person.Ada, "roles revoke manager Megan Bowen " + BotScenario.ServiceDeskTeam);
        Assert.Contains("Megan Bowen does not manage Service Desk.", CardJson.AllText(scenario.LastCardTo(Person.Ada)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("roles grant manager Megan Bowen Service Desk", "FocusBot is not in a team with the id \"Desk\"")]
    [InlineData("roles grant manager Megan Bowen 19:someone-elses-team@thread.tacv2", "FocusBot is not in a team with the id \"19:someone-elses-team@thread.tacv2\"")]
    [InlineData("roles grant manager Megan", "Name the team after the person, by its id")]
    [InlineData("roles grant manager Nobody Known 19:team-service-desk@thread.tacv2", "No one FocusBot knows is called \"Nobody Known\"")]
    public async Task GrantByText_ATeamNameOrAnIdFocusBotIsNotIn_IsRefused_AndGrantsNothing(string typed, string expected)
    {
        await using var scenario = await StartAsync();

        await scenario.SayAsync(Person.Ada, typed);

        Assert.Contains(expected, CardJson.AllText(scenario.LastCardTo(Person.Ada)), StringComparison.Ordinal);
        Assert.DoesNotContain(Role.Manager, (await scenario.Get<IRoleStore>().ListAsync(BotScenario.TenantId, CancellationToken.None)).Select(a => a.Role));
    }

    [Fact]
    public async Task GrantButton_ManagerPressedByAManager_IsRefused_AndGrantsNothing()
    {
        await using var scenario = await StartAsync();
        await scenario.SayAsync(Person.Ada, "roles grant manager Megan Bowen " + BotScenario.ServiceDeskTeam);

        var card = await scenario.ExecuteForCardAsync(Person.Megan, RolesCommand.GrantVerb,
            new JsonObject { [RolesCommand.PersonId] = Person.Megan.AadObjectId, [RolesCommand.RoleId] = "Manager", [RolesCommand.TeamId] = BotScenario.LeadershipTeam });

        Assert.Equal(RefusalCard.Create(CommandCatalog.Roles).ToJsonElement().GetRawText(), card.GetRawText());
        Assert.Equal([BotScenario.ServiceDeskTeam], await ManagedTeamsAsync(scenario, Person.Megan));
    }

    [Fact]
    public async Task Start_ManagerConfiguredForATeam_IsRefusedSayingItIsGrantedPerTeam()
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?> { ["Bot:RoleTeams:Manager"] = BotScenario.ServiceDeskTeam });

        var error = Assert.Throws<OptionsValidationException>(() => host.Client);

        Assert.Contains("Bot:RoleTeams:Manager", error.Message, StringComparison.Ordinal);
        Assert.Contains("roles grant manager", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteManagerGrantTests(AzuriteFixture azurite) : ManagerGrantTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteManagerGrantTests(AzuriteFixture azurite) : ManagerGrantTests(StorageKind.Azurite, azurite);
