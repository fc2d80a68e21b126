using System.Text.Json.Nodes;
using FocusBot.Admin;
using FocusBot.Commands;
using FocusBot.Domain.Roles;
using FocusBot.Recognitions;
using FocusBot.Roles;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Roles;

/// <summary>The `roles` command and where roles come from (configuration, grants, team membership), on SQLite and Azurite.</summary>
public abstract class RolesCommandTests(StorageKind storage, AzuriteFixture azurite)
{
    private Task<BotScenario> StartAsync(IDictionary<string, string?>? settings = null, bool grantRoles = true) =>
        BotScenario.StartAsync(storage, azurite, settings, grantRoles);

    private static Task<IReadOnlyList<Role>> RolesOfAsync(BotScenario scenario, Person person) =>
        scenario.Get<IRoleStore>().GetRolesAsync(BotScenario.TenantId, person.AadObjectId, CancellationToken.None);

    [Fact]
    public async Task Roles_TypedByAdmin_ListsGrantsByNameWithRevokeButtonsAndAGrantForm()
    {
        await using var scenario = await StartAsync();

        await scenario.SayAsync(Person.Ada, "roles");

        var card = scenario.LastCardTo(Person.Ada);
        var text = CardJson.AllText(card);
        Assert.Contains("**Ruth Okafor** · Executive", text, StringComparison.Ordinal);
        Assert.Contains("**Hassan Ali** · HR", text, StringComparison.Ordinal);
        Assert.Contains("**Ada Lindqvist** · Admin", text, StringComparison.Ordinal);
        Assert.Equal(3, CardJson.Verbs(card).Count(v => v == RolesCommand.RevokeVerb));
        Assert.Contains(RolesCommand.GrantVerb, CardJson.Verbs(card));
        Assert.Contains(("Megan Bowen", Person.Megan.AadObjectId), CardJson.Choices(card, RolesCommand.PersonId));
    }

    [Fact]
    public async Task GrantByText_GivesTheRole_AndTheCommandsItUnlocksAnswer()
    {
        await using var scenario = await StartAsync();

        await scenario.SayAsync(Person.Ada, "roles grant hr Megan Bowen");

        Assert.Contains("Megan Bowen now has the HR role.", CardJson.AllText(scenario.LastCardTo(Person.Ada)), StringComparison.Ordinal);
        Assert.Contains(Role.HR, await RolesOfAsync(scenario, Person.Megan));
        await scenario.SayAsync(Person.Megan, "insight");
        Assert.Contains(FocusBot.Insights.InsightFormCard.Title, CardJson.AllText(scenario.LastCardTo(Person.Megan)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrantAndRevokeByCard_ChangeWhatThePersonMayDo()
    {
        await using var scenario = await StartAsync();

        var granted = await scenario.ExecuteForCardAsync(Person.Ada, RolesCommand.GrantVerb,
            new JsonObject { [RolesCommand.PersonId] = Person.Lee.AadObjectId, [RolesCommand.RoleId] = "Executive" });
        Assert.Contains("Lee Wong now has the Executive role.", CardJson.AllText(granted), StringComparison.Ordinal);
        Assert.Contains(Role.Executive, await RolesOfAsync(scenario, Person.Lee));

        var revoked = await scenario.ExecuteForCardAsync(Person.Ada, RolesCommand.RevokeVerb,
            new JsonObject { ["aadObjectId"] = Person.Ruth.AadObjectId, [RolesCommand.RoleId] = "Executive" });
        Assert.Contains("Ruth Okafor no longer has the Executive role.", CardJson.AllText(revoked), StringComparison.Ordinal);
        Assert.Empty(await RolesOfAsync(scenario, Person.Ruth));

        await scenario.SayAsync(Person.Ruth, "recognize");
        Assert.Equal(RefusalCard.Create(CommandCatalog.Recognize).ToJsonElement().GetRawText(), scenario.LastCardTo(Person.Ruth).GetRawText());
    }

    [Theory]
    [InlineData("roles grant boss Megan Bowen", "\"boss\" is not a role")]
    [InlineData("roles grant staff Megan Bowen", "Everyone is Staff already")]
    [InlineData("roles grant hr Nobody Known", "No one FocusBot knows is called \"Nobody Known\"")]
    [InlineData("roles make hr Megan", "I understand: roles, roles grant")]
    [InlineData("roles grnat hr Megan Bowen", "Did you mean \"roles grant\"?")]
    public async Task GrantByText_Malformed_SaysWhatIsWrong_AndChangesNothing(string typed, string expected)
    {
        await using var scenario = await StartAsync();

        await scenario.SayAsync(Person.Ada, typed);

        Assert.Contains(expected, CardJson.AllText(scenario.LastCardTo(Person.Ada)), StringComparison.Ordinal);
        Assert.Empty(await RolesOfAsync(scenario, Person.Megan));
        Assert.Equal(3, (await scenario.Get<IRoleStore>().ListAsync(BotScenario.TenantId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task RevokeOwnAdmin_IsRefused_SoAdminsCannotLockThemselvesOut()
    {
        await using var scenario = await StartAsync();

        await scenario.SayAsync(Person.Ada, $"roles revoke admin {Person.Ada.AadObjectId}");

        Assert.Contains("You cannot remove your own Admin role.", CardJson.AllText(scenario.LastCardTo(Person.Ada)), StringComparison.Ordinal);
        Assert.Contains(Role.Admin, await RolesOfAsync(scenario, Person.Ada));
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("Executive")]
    [InlineData("HR")]
    public async Task GrantButton_PressedByNonAdmin_IsRefused_AndGrantsNothing(string role)
    {
        await using var scenario = await StartAsync();
        var person = role switch { "Staff" => Person.Sam, "Executive" => Person.Ruth, _ => Person.Hassan };

        var card = await scenario.ExecuteForCardAsync(person, RolesCommand.GrantVerb,
            new JsonObject { [RolesCommand.PersonId] = person.AadObjectId, [RolesCommand.RoleId] = "Admin" });

        Assert.Equal(RefusalCard.Create(CommandCatalog.Roles).ToJsonElement().GetRawText(), card.GetRawText());
        Assert.DoesNotContain(Role.Admin, await RolesOfAsync(scenario, person));
    }

    [Fact]
    public async Task FirstAdmin_FromConfiguration_CanGrant_AndIsNotRevocableByCommand()
    {
        await using var scenario = await StartAsync(new Dictionary<string, string?> { ["Bot:AdminAadObjectIds"] = Person.Sam.AadObjectId }, grantRoles: false);

        await scenario.SayAsync(Person.Sam, "roles grant executive Ruth Okafor");
        Assert.Contains("Ruth Okafor now has the Executive role.", CardJson.AllText(scenario.LastCardTo(Person.Sam)), StringComparison.Ordinal);
        await scenario.SayAsync(Person.Sam, "roles grant admin Hassan Ali");

        await scenario.SayAsync(Person.Hassan, $"roles revoke admin {Person.Sam.AadObjectId}");

        Assert.Contains("is Admin through configuration (Bot:AdminAadObjectIds); change it there.",
            CardJson.AllText(scenario.LastCardTo(Person.Hassan)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamRole_MembersOfTheConfiguredTeamHoldIt_OthersDoNot()
    {
        await using var scenario = await StartAsync(new Dictionary<string, string?> { ["Bot:RoleTeams:Executive"] = BotScenario.LeadershipTeam }, grantRoles: false);

        await scenario.SayAsync(Person.Ruth, "recognize");
        await scenario.SayAsync(Person.Sam, "recognize");

        Assert.Contains(RecognitionFormCard.Title, CardJson.AllText(scenario.LastCardTo(Person.Ruth)), StringComparison.Ordinal);
        Assert.Equal(RefusalCard.Create(CommandCatalog.Recognize).ToJsonElement().GetRawText(), scenario.LastCardTo(Person.Sam).GetRawText());
    }

    [Fact]
    public async Task Roles_WithATeamRole_ShowsTheTeamsNameBesideItsId_AndTheIdOfEveryTeamFocusBotIsIn()
    {
        await using var scenario = await StartAsync(new Dictionary<string, string?> { ["Bot:RoleTeams:Executive"] = BotScenario.LeadershipTeam });

        await scenario.SayAsync(Person.Ada, "roles");

        var texts = CardJson.Texts(scenario.LastCardTo(Person.Ada)).Select(CardJson.Visible).ToList();
        Assert.Contains($"Executive: everyone in the team \"Leadership\" ({BotScenario.LeadershipTeam})", texts);
        Assert.Contains($"Service Desk: {BotScenario.ServiceDeskTeam}", texts);
    }
}

public sealed class SqliteRolesCommandTests(AzuriteFixture azurite) : RolesCommandTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteRolesCommandTests(AzuriteFixture azurite) : RolesCommandTests(StorageKind.Azurite, azurite);
