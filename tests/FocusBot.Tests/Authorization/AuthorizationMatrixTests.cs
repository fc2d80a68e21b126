using FocusBot.Commands;
using FocusBot.Domain.Roles;
using FocusBot.Roles;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FocusBot.Tests.Authorization;

/// <summary>One FocusBot shared by the matrix: four people, one per role.</summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    public BotScenario Scenario { get; private set; } = null!;

    public LogCapture Logs { get; } = new();

    public async ValueTask InitializeAsync() =>
        Scenario = await BotScenario.StartAsync(StorageKind.Sqlite, azurite: null, configureServices: services => services.AddSingleton<ILoggerProvider>(Logs));

    public async ValueTask DisposeAsync() => await Scenario.DisposeAsync();
}

/// <summary>
/// Every command FocusBot answers (CommandCatalog.All, so commands added later are covered without editing this test)
/// typed by a Staff member, an Executive, an HR person and an Admin: allowed people get the command's answer, everyone
/// else a polite card naming the role needed, logged without who asked.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    public static readonly IReadOnlyDictionary<string, Person> PersonFor = new Dictionary<string, Person>
    {
        ["Staff"] = Person.Sam,
        [nameof(Role.Executive)] = Person.Ruth,
        [nameof(Role.HR)] = Person.Hassan,
        [nameof(Role.Admin)] = Person.Ada,
    };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var command in CommandCatalog.All)
        {
            foreach (var role in PersonFor.Keys)
                cases.Add(command.Name, role);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Command_TypedByRole_IsAnsweredOnlyForItsRoles(string commandName, string role)
    {
        var command = CommandCatalog.All.Single(c => c.Name == commandName);
        var person = PersonFor[role];
        var allowed = command.AllowedRoles.Count == 0 || (Enum.TryParse<Role>(role, out var held) && command.AllowedRoles.Contains(held));
        var scenario = fixture.Scenario;
        scenario.Connector.Reset();
        fixture.Logs.Clear();

        await scenario.SayAsync(person, command.Name);
        // A rebuild answers twice: "rebuilding" now and "rebuilt" when the background job ends. Waiting for both keeps
        // the second reply from landing in the next case's conversation.
        if (allowed && command == CommandCatalog.TrendsRebuild)
            await scenario.Connector.WaitForSentAsync(2, TimeSpan.FromSeconds(30));

        var replies = scenario.SentTo(person.Chat);
        Assert.NotEmpty(replies);
        var refusal = RefusalCard.Create(command).ToJsonElement().GetRawText();
        var refused = replies.Any(r => CardJson.HasCard(r.Activity) && CardJson.Of(r).GetRawText() == refusal);
        Assert.Equal(!allowed, refused);
        if (refused)
        {
            Assert.Single(replies);
            var text = CardJson.AllText(CardJson.Of(replies[0]));
            Assert.All(command.AllowedRoles, needed => Assert.Contains(needed.ToString(), text, StringComparison.Ordinal));
            var logged = fixture.Logs.Entries.Where(e => e.Category.StartsWith("FocusBot", StringComparison.Ordinal)).ToList();
            Assert.Contains(logged, e => e.Line.Contains("Refused " + command.Name, StringComparison.Ordinal));
            Assert.All(logged, e =>
            {
                Assert.DoesNotContain(person.UserId, e.Line, StringComparison.Ordinal);
                Assert.DoesNotContain(person.AadObjectId, e.Line, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(person.Name, e.Line, StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public void Catalog_RoleInsightAndRecognitionCommands_DeclareWhoMayUseThem()
    {
        Assert.Equal(new[] { Role.Admin }, CommandCatalog.Roles.AllowedRoles);
        Assert.Equal(new[] { Role.Executive, Role.HR }, CommandCatalog.Insight.AllowedRoles);
        Assert.Empty(CommandCatalog.Insights.AllowedRoles);
        Assert.Equal(new[] { Role.Executive }, CommandCatalog.Recognize.AllowedRoles);
        Assert.Contains("recognise", CommandCatalog.Recognize.Aliases);
        Assert.Empty(CommandCatalog.Recognitions.AllowedRoles);
    }

    [Fact]
    public void Catalog_Comments_IsForHrAndExecutivesOnly() =>
        Assert.Equal(new[] { Role.HR, Role.Executive }, CommandCatalog.Comments.AllowedRoles);

    [Fact]
    public void Catalog_ActionCommands_RecordingForExecutiveAndHr_ListForEveryone()
    {
        Assert.Equal(new[] { Role.Executive, Role.HR }, CommandCatalog.Action.AllowedRoles);
        Assert.Empty(CommandCatalog.Actions.AllowedRoles);
    }

    public static TheoryData<string, string> ActionButtonCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var verb in (string[])[global::FocusBot.Actions.ActionCommand.RecordVerb, global::FocusBot.Actions.ActionCommand.EditVerb,
                     global::FocusBot.Actions.ActionCommand.StatusVerb, global::FocusBot.Actions.ActionCommand.PageVerb])
        {
            foreach (var role in PersonFor.Keys)
                cases.Add(verb, role);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(ActionButtonCases))]
    public async Task ActionButton_PressedByRole_IsAnsweredOnlyForExecutiveAndHr_ExceptPaging(string verb, string role)
    {
        var person = PersonFor[role];
        var mayRecord = role is nameof(Role.Executive) or nameof(Role.HR);
        var expectRefusal = verb != global::FocusBot.Actions.ActionCommand.PageVerb && !mayRecord;
        fixture.Scenario.Connector.Reset();

        // An empty press: a form with nothing filled in, or an action id that does not exist.
        var response = await fixture.Scenario.ExecuteAsync(person, verb, new System.Text.Json.Nodes.JsonObject { ["actionId"] = "no-such-action" });

        var refusal = RefusalCard.Create(CommandCatalog.Action).ToJsonElement().GetRawText();
        var refused = response.TryGetProperty("value", out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Object && value.GetRawText() == refusal;
        Assert.Equal(expectRefusal, refused);
        Assert.Empty(await fixture.Scenario.Get<global::FocusBot.Domain.Actions.IActionStore>().ListLatestAsync(global::FocusBot.Tests.Support.BotScenario.TenantId, 0, 5, CancellationToken.None));
    }

    [Theory]
    [InlineData("recognise")]
    [InlineData("Recognise")]
    public async Task Alias_TypedByStaff_IsRefusedLikeTheCommand(string typed)
    {
        fixture.Scenario.Connector.Reset();

        await fixture.Scenario.SayAsync(Person.Sam, typed);

        var card = fixture.Scenario.LastCardTo(Person.Sam);
        Assert.Equal(RefusalCard.Create(CommandCatalog.Recognize).ToJsonElement().GetRawText(), card.GetRawText());
    }

    [Fact]
    public async Task Alias_TypedByExecutive_OpensTheRecognitionForm()
    {
        fixture.Scenario.Connector.Reset();

        await fixture.Scenario.SayAsync(Person.Ruth, "recognise");

        Assert.Contains(global::FocusBot.Recognitions.RecognitionFormCard.Title, CardJson.AllText(fixture.Scenario.LastCardTo(Person.Ruth)), StringComparison.Ordinal);
    }
}
