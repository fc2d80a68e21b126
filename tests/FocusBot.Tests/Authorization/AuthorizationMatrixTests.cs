using FocusBot.Commands;
using FocusBot.Domain.Roles;
using FocusBot.Messaging;
using FocusBot.Roles;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FocusBot.Tests.Authorization;

/// <summary>One FocusBot shared by the matrix: five people, one per role (Megan manages Service Desk).</summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    public BotScenario Scenario { get; private set; } = null!;

    public LogCapture Logs { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Scenario = await BotScenario.StartAsync(StorageKind.Sqlite, azurite: null, configureServices: services => services.AddSingleton<ILoggerProvider>(Logs));
        await Scenario.Get<IRoleStore>().GrantAsync(new RoleAssignment
        {
            TenantId = BotScenario.TenantId,
            AadObjectId = Person.Megan.AadObjectId,
            Role = Role.Manager,
            TeamId = BotScenario.ServiceDeskTeam,
            GrantedBy = "test",
            GrantedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await Scenario.DisposeAsync();
}

/// <summary>
/// Every command FocusBot answers (CommandCatalog.All, so commands added later are covered without editing this test)
/// typed by a Staff member, an Executive, an HR person, an Admin and a Manager: allowed people get the command's answer,
/// everyone else a polite card naming the role needed, logged without who asked.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    public static readonly IReadOnlyDictionary<string, Person> PersonFor = new Dictionary<string, Person>
    {
        ["Staff"] = Person.Sam,
        [nameof(Role.Executive)] = Person.Ruth,
        [nameof(Role.HR)] = Person.Hassan,
        [nameof(Role.Admin)] = Person.Ada,
        [nameof(Role.Manager)] = Person.Megan,
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

    public static TheoryData<string> PersonalChatCommands() =>
        [.. CommandCatalog.All.Where(c => !c.Scopes.HasFlag(BotCommandScope.Team)).Select(c => c.Name)];

    /// <summary>
    /// A command kept for the personal chat (figures, comments, signed report links, forms, the bank, erasure), typed in a
    /// team channel by someone whose roles allow it: it does not run there, where everyone would see what it shows, and
    /// the person is told where to type it. Before, only five commands checked; `trends` posted HR's report link to the channel.
    /// </summary>
    [Theory]
    [MemberData(nameof(PersonalChatCommands))]
    public async Task PersonalChatCommand_TypedInAChannelBySomeoneAllowed_DoesNotRunThere(string commandName)
    {
        var command = CommandCatalog.All.Single(c => c.Name == commandName);
        var person = command.AllowedRoles.Count == 0 ? PersonFor["Staff"] : PersonFor[command.AllowedRoles[0].ToString()];
        var scenario = fixture.Scenario;
        scenario.Connector.Reset();

        await scenario.SayInChannelAsync(person, command.Name);

        var reply = Assert.Single(scenario.SentTo(BotScenario.CustomerWinsChannel));
        Assert.False(CardJson.HasCard(reply.Activity), $"{command.Name} sent a card to the channel: {reply.Activity.GetRawText()}");
        Assert.Equal(PersonalChatOnly.GoThere(command), reply.Activity.GetProperty("text").GetString());
        Assert.Empty(scenario.SentTo(person.Chat));
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
        Assert.Empty(CommandCatalog.Kudos.AllowedRoles);
        Assert.Equal(new[] { Role.HR, Role.Executive }, CommandCatalog.RecognitionCounts.AllowedRoles);
        Assert.Equal(new[] { Role.HR }, CommandCatalog.RecognitionsExport.AllowedRoles);
    }

    /// <summary>Every button of the recognition features, with the command whose roles it follows.</summary>
    private static readonly IReadOnlyDictionary<string, BotCommand> RecognitionButtons = new Dictionary<string, BotCommand>
    {
        [global::FocusBot.Recognitions.RecognizeCommand.PostVerb] = CommandCatalog.Recognize,
        [global::FocusBot.Recognitions.RecognizeCommand.SearchVerb] = CommandCatalog.Recognize,
        [global::FocusBot.Recognitions.KudosCommand.PostVerb] = CommandCatalog.Kudos,
        [global::FocusBot.Recognitions.KudosCommand.SearchVerb] = CommandCatalog.Kudos,
        [global::FocusBot.Recognitions.RecognitionsCommand.ShowVerb] = CommandCatalog.Recognitions,
        [global::FocusBot.Recognitions.ApplauseHandler.ApplaudVerb] = CommandCatalog.Recognitions,
        [global::FocusBot.Recognitions.RecognitionCountsCommand.CountsVerb] = CommandCatalog.RecognitionCounts,
        [global::FocusBot.Recognitions.RecognitionsCard.ExportVerb] = CommandCatalog.RecognitionsExport,
    };

    public static TheoryData<string, string> RecognitionButtonCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var verb in RecognitionButtons.Keys)
        {
            foreach (var role in PersonFor.Keys)
                cases.Add(verb, role);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(RecognitionButtonCases))]
    public async Task RecognitionButton_PressedByRole_IsAnsweredOnlyForTheRolesOfItsCommand_AndAnEmptyPressStoresNothing(string verb, string role)
    {
        var person = PersonFor[role];
        var command = RecognitionButtons[verb];
        var allowed = command.AllowedRoles.Count == 0 || (Enum.TryParse<Role>(role, out var held) && command.AllowedRoles.Contains(held));
        fixture.Scenario.Connector.Reset();
        fixture.Logs.Clear();

        // An empty press: a form with nothing filled in, a recognition that does not exist, the unfiltered list.
        var response = await fixture.Scenario.ExecuteAsync(person, verb, new System.Text.Json.Nodes.JsonObject { ["recognitionId"] = "no-such-recognition" });

        var refusal = RefusalCard.Create(command).ToJsonElement().GetRawText();
        var refused = response.TryGetProperty("value", out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Object && value.GetRawText() == refusal;
        Assert.Equal(!allowed, refused);
        if (refused)
            Assert.Contains(fixture.Logs.Entries, e => e.Line.Contains("Refused " + command.Name, StringComparison.Ordinal));
        else
            Assert.NotEqual(System.Text.Json.JsonValueKind.Undefined, value.ValueKind);
        Assert.Empty(await fixture.Scenario.Get<global::FocusBot.Domain.Recognitions.IRecognitionStore>().ListRecentAsync(global::FocusBot.Tests.Support.BotScenario.TenantId, 5, CancellationToken.None));
    }

    [Fact]
    public void Catalog_TrendsCommentsDigestAndProgramme_AreForHrExecutivesAndManagersOnly()
    {
        Assert.Equal(new[] { Role.HR, Role.Executive, Role.Manager }, CommandCatalog.Trends.AllowedRoles);
        Assert.Equal(new[] { Role.HR, Role.Executive, Role.Manager }, CommandCatalog.Programme.AllowedRoles);
        Assert.Equal(new[] { Role.HR, Role.Executive, Role.Manager }, CommandCatalog.Comments.AllowedRoles);
        Assert.Equal(new[] { Role.HR, Role.Executive, Role.Manager }, CommandCatalog.Digest.AllowedRoles);
    }

    [Fact]
    public void Catalog_ActionCommands_RecordingForExecutiveAndHr_ListForEveryone()
    {
        Assert.Equal(new[] { Role.Executive, Role.HR }, CommandCatalog.Action.AllowedRoles);
        Assert.Empty(CommandCatalog.Actions.AllowedRoles);
    }

    [Fact]
    public void Catalog_EventCommands_AreForHrAndExecutivesOnly()
    {
        Assert.Equal(new[] { Role.HR, Role.Executive }, CommandCatalog.Event.AllowedRoles);
        Assert.Equal(new[] { Role.HR, Role.Executive }, CommandCatalog.Events.AllowedRoles);
    }

    [Fact]
    public void Catalog_ReviewPack_IsForHrAndExecutivesOnly() => Assert.Equal(new[] { Role.HR, Role.Executive }, CommandCatalog.Review.AllowedRoles);

    [Fact]
    public void Catalog_Kpis_IsForHrOnly()
    {
        Assert.Equal(new[] { Role.HR }, CommandCatalog.Kpis.AllowedRoles);
        Assert.Equal(BotCommandScope.Personal, CommandCatalog.Kpis.Scopes);
    }

    public static TheoryData<string, string> KpiSubcommandCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var typed in (string[])["kpis import", "kpis key", "kpis key revoke"])
        {
            foreach (var role in PersonFor.Keys)
                cases.Add(typed, role);
        }

        return cases;
    }

    /// <summary>Importing and the endpoint's key are HR's alone: anyone else gets the refusal, and no key is made.</summary>
    [Theory]
    [MemberData(nameof(KpiSubcommandCases))]
    public async Task KpiSubcommand_TypedByRole_IsAnsweredOnlyForHr(string typed, string role)
    {
        var person = PersonFor[role];
        var scenario = fixture.Scenario;
        scenario.Connector.Reset();

        await scenario.SayAsync(person, typed);

        var reply = Assert.Single(scenario.SentTo(person.Chat));
        var refused = CardJson.HasCard(reply.Activity) && CardJson.Of(reply).GetRawText() == RefusalCard.Create(CommandCatalog.Kpis).ToJsonElement().GetRawText();
        Assert.Equal(role != nameof(Role.HR), refused);
        if (refused)
            Assert.DoesNotContain(global::FocusBot.Kpis.KpiApiKeys.Prefix, reply.Activity.GetRawText(), StringComparison.Ordinal);
        else if (typed == "kpis key")
            Assert.Contains(global::FocusBot.Kpis.KpiApiKeys.Prefix, reply.Activity.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> EventButtonCases() => ButtonCases(global::FocusBot.Programme.EventCommand.RecordVerb,
        global::FocusBot.Programme.EventsCommand.PageVerb, global::FocusBot.Programme.EventsCommand.CompareVerb);

    /// <summary>
    /// Recording, paging the list and Before and after: only HR and Executives (the comparison shows the organisation's
    /// and other teams' figures, which a Manager does not see). An empty press stores nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(EventButtonCases))]
    public async Task EventButton_PressedByRole_IsAnsweredOnlyForHrAndExecutives(string verb, string role)
    {
        var person = PersonFor[role];
        var allowed = role is nameof(Role.Executive) or nameof(Role.HR);
        var command = verb == global::FocusBot.Programme.EventCommand.RecordVerb ? CommandCatalog.Event : CommandCatalog.Events;
        fixture.Scenario.Connector.Reset();

        var response = await fixture.Scenario.ExecuteAsync(person, verb, new System.Text.Json.Nodes.JsonObject { ["eventId"] = "no-such-event" });

        Assert.Equal(!allowed, IsRefusal(response, command, out var value));
        if (allowed)
            Assert.NotEqual(System.Text.Json.JsonValueKind.Undefined, value.ValueKind);
        Assert.Empty(await fixture.Scenario.Get<global::FocusBot.Domain.Programme.IProgrammeEventStore>().ListLatestAsync(BotScenario.TenantId, 0, 5, CancellationToken.None));
    }

    /// <summary>Each of <paramref name="verbs"/> pressed by each role.</summary>
    private static TheoryData<string, string> ButtonCases(params string[] verbs)
    {
        var cases = new TheoryData<string, string>();
        foreach (var verb in verbs)
        {
            foreach (var role in PersonFor.Keys)
                cases.Add(verb, role);
        }

        return cases;
    }

    /// <summary>Whether the press was answered with the polite refusal naming <paramref name="command"/>'s roles; otherwise <paramref name="value"/> is the answer.</summary>
    private static bool IsRefusal(System.Text.Json.JsonElement response, BotCommand command, out System.Text.Json.JsonElement value) =>
        response.TryGetProperty("value", out value) && value.ValueKind == System.Text.Json.JsonValueKind.Object
        && value.GetRawText() == RefusalCard.Create(command).ToJsonElement().GetRawText();

    public static TheoryData<string, string> ActionButtonCases() => ButtonCases(global::FocusBot.Actions.ActionCommand.RecordVerb,
        global::FocusBot.Actions.ActionCommand.EditVerb, global::FocusBot.Actions.ActionCommand.StatusVerb, global::FocusBot.Actions.ActionCommand.PageVerb);

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

        Assert.Equal(expectRefusal, IsRefusal(response, CommandCatalog.Action, out _));
        Assert.Empty(await fixture.Scenario.Get<global::FocusBot.Domain.Actions.IActionStore>().ListLatestAsync(global::FocusBot.Tests.Support.BotScenario.TenantId, 0, 5, CancellationToken.None));
    }

    /// <summary>
    /// Every button a role keeps (each verb whose handler names a command with roles, so buttons added later are covered
    /// too), pressed by each person whose roles do not open it: refused with the command's card before anything runs.
    /// </summary>
    [Fact]
    public async Task RoleButtons_PressedByEveryoneTheirRolesDoNotAllow_AreRefused()
    {
        var scenario = fixture.Scenario;
        var resolver = scenario.Get<RoleResolver>();
        var buttons = scenario.Host.Services.GetServices<global::FocusBot.Messaging.ICardActionHandler>()
            .SelectMany(h => h.Verbs.Select(verb => (Verb: verb, Command: h.CommandFor(verb))))
            .Where(b => b.Command is { AllowedRoles.Count: > 0 })
            .ToList();
        Assert.Contains(buttons, b => b.Verb == global::FocusBot.Admin.RolesCommand.GrantVerb);
        var pressed = 0;

        foreach (var (role, person) in PersonFor)
        {
            var held = await resolver.GetRolesAsync(BotScenario.TenantId, person.AadObjectId, person.UserId, CancellationToken.None);
            foreach (var (verb, command) in buttons.Where(b => !b.Command!.IsAllowedFor(held)))
            {
                var response = await scenario.ExecuteAsync(person, verb, new System.Text.Json.Nodes.JsonObject { ["pressedBy"] = role });
                Assert.True(response.TryGetProperty("value", out var value) && value.GetRawText() == RefusalCard.Create(command!).ToJsonElement().GetRawText(),
                    $"{verb} pressed by {role} was not refused: {response.GetRawText()}");
                pressed++;
            }
        }

        // The Manager holds none of the roles these buttons need: every one of them was pressed by Megan and refused.
        Assert.True(pressed >= buttons.Count * 2, $"{pressed} refused presses for {buttons.Count} buttons");
        Assert.Equal([Role.Manager], await scenario.Get<IRoleStore>().GetRolesAsync(BotScenario.TenantId, Person.Megan.AadObjectId, CancellationToken.None));
    }

    public static TheoryData<string, string> InsightButtonCases() => ButtonCases(global::FocusBot.Insights.InsightCommand.PostVerb,
        global::FocusBot.Insights.InsightCommand.GotItVerb, global::FocusBot.Insights.InsightManagement.ReachVerb, global::FocusBot.Insights.InsightManagement.EditVerb,
        global::FocusBot.Insights.InsightManagement.SaveVerb, global::FocusBot.Insights.InsightManagement.RecallVerb, global::FocusBot.Insights.InsightManagement.CancelVerb);

    [Theory]
    [MemberData(nameof(InsightButtonCases))]
    public async Task InsightButton_PressedByRole_IsAnsweredOnlyForExecutiveAndHr_ExceptGotIt(string verb, string role)
    {
        var person = PersonFor[role];
        var mayShare = role is nameof(Role.Executive) or nameof(Role.HR);
        var expectRefusal = verb != global::FocusBot.Insights.InsightCommand.GotItVerb && !mayShare;
        fixture.Scenario.Connector.Reset();

        // An empty press: a form with nothing filled in, or an insight id that does not exist.
        var response = await fixture.Scenario.ExecuteAsync(person, verb, new System.Text.Json.Nodes.JsonObject { ["insightId"] = "no-such-insight", ["confirmed"] = "true" });

        var refused = IsRefusal(response, CommandCatalog.Insight, out var value);
        Assert.Equal(expectRefusal, refused);
        if (!refused)
            Assert.True(value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() == "That insight no longer exists." : CardJson.AllText(value).Contains("Nothing was posted yet", StringComparison.Ordinal),
                $"{verb} by {role}: " + response.GetRawText());
        Assert.Empty(await fixture.Scenario.Get<global::FocusBot.Domain.Insights.IInsightStore>().ListLatestAsync(global::FocusBot.Tests.Support.BotScenario.TenantId, 5, CancellationToken.None));
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
        Assert.Contains("To recognise a colleague in your team, type kudos.", CardJson.AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alias_TypedByExecutive_OpensTheRecognitionForm()
    {
        fixture.Scenario.Connector.Reset();

        await fixture.Scenario.SayAsync(Person.Ruth, "recognise");

        Assert.Contains(global::FocusBot.Recognitions.RecognitionFormMode.Executive.Title, CardJson.AllText(fixture.Scenario.LastCardTo(Person.Ruth)), StringComparison.Ordinal);
    }
}
