using System.Net;
using System.Text.Json;
using FocusBot.Commands;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Recording;
using FocusBot.Domain.Roles;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.Help;

/// <summary>
/// `help` as a new user meets it: only the commands the reader may use, each with how to type it and an example; one
/// command in detail; and a nearby command offered for a typo, never one the reader may not use.
/// </summary>
public sealed class HelpTests : IAsyncLifetime
{
    private const string Sam = "29:sam-staff", Hana = "29:hana-hr", Mo = "29:mo-manager";
    private const string Channel = "19:help-channel@thread.tacv2";
    private const string TrendsSyntax = "trends [team name] [knowledge|behaviour|attitude] [N weeks|months|quarters]";

    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        _connector.AddConversation(ChatOf(Sam), TenantId);
        _connector.AddConversation(ChatOf(Hana), TenantId);
        _connector.AddConversation(ChatOf(Mo), TenantId);
        _connector.AddConversation(Channel, TenantId);
        _host = new FocusBotTestHost();
        await _host.Services.GetRequiredService<IRoleStore>().GrantAsync(new RoleAssignment
        {
            TenantId = TenantId,
            AadObjectId = AadOf(Hana),
            Role = Role.HR,
            GrantedBy = "test",
            GrantedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        await _host.Services.GetRequiredService<IRoleStore>().GrantAsync(new RoleAssignment
        {
            TenantId = TenantId,
            AadObjectId = AadOf(Mo),
            Role = Role.Manager,
            TeamId = "19:mo-team@thread.tacv2",
            GrantedBy = "test",
            GrantedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Help_Staff_ListsNoCommandOfAnotherRole_AndSaysOthersExist()
    {
        var lines = await CardLinesAsync(Sam, "help");

        var restricted = CommandCatalog.All.Where(c => c.AllowedRoles.Count > 0).ToList();
        Assert.DoesNotContain(lines, line => restricted.Any(c => StartsWithCommand(line, c.Name)));
        Assert.Contains(lines, line => StartsWithCommand(line, CommandCatalog.Insights.Name));
        Assert.Contains(lines, line => line.Contains("Your role: Staff", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Other commands exist for", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_HrPerson_ListsTrendsWithItsSyntaxAndAnExample_AndTheirRoles()
    {
        var lines = await CardLinesAsync(Hana, "help");

        Assert.Contains(TrendsSyntax, lines);
        Assert.Contains("Example: trends Sales 6 months", lines);
        Assert.Contains(lines, line => line.Contains("Your roles: Staff and HR", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => StartsWithCommand(line, CommandCatalog.Roles.Name)); // Admin only
    }

    [Fact]
    public async Task Help_Manager_ListsTrendsCommentsAndDigest_ButNoCommandOfHrExecutivesOrAdmins()
    {
        var lines = await CardLinesAsync(Mo, "help");

        Assert.Contains(TrendsSyntax, lines);
        Assert.Contains("digest off|on", lines);
        Assert.Contains(lines, line => StartsWithCommand(line, CommandCatalog.Comments.Name));
        Assert.Contains(lines, line => line.Contains("Your roles: Staff and Manager", StringComparison.Ordinal));
        foreach (var command in (BotCommand[])[CommandCatalog.Questions, CommandCatalog.Insight, CommandCatalog.Action, CommandCatalog.Recognize, CommandCatalog.Roles,
                     CommandCatalog.Erase, CommandCatalog.Status, CommandCatalog.TrendsRebuild])
            Assert.DoesNotContain(lines, line => StartsWithCommand(line, command.Name));
    }

    [Fact]
    public async Task HelpDigest_Manager_SaysWhatTheDigestIsAndHowToStopIt()
    {
        var lines = await CardLinesAsync(Mo, "help digest");

        Assert.Contains(lines, line => line.Contains("digest off stops them, digest on starts them again", StringComparison.Ordinal));
        Assert.Contains("Example: digest off", lines);
    }

    [Fact]
    public async Task HelpTrends_HrPerson_ShowsThatCommandInDetail()
    {
        var lines = await CardLinesAsync(Hana, "help trends");

        Assert.Contains(TrendsSyntax, lines);
        Assert.Contains(lines, line => line.Contains("trends Sales 6 months", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("2 to 52 weeks", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => StartsWithCommand(line, CommandCatalog.Questions.Name)); // one command, not the list
    }

    [Fact]
    public async Task HelpTrends_Staff_GetsTheRefusalThatNamesTheRole()
    {
        var lines = await CardLinesAsync(Sam, "help trends");

        Assert.Contains(lines, line => line.Contains("is for HR, Executive or Manager only", StringComparison.Ordinal));
        Assert.DoesNotContain(TrendsSyntax, lines);
    }

    [Fact]
    public async Task Tremds_SuggestsTrendsToHr_ButNotToStaff()
    {
        var hr = await ReplyTextAsync(Hana, "tremds");
        var staff = await ReplyTextAsync(Sam, "tremds");

        Assert.Contains("Did you mean `trends`?", hr, StringComparison.Ordinal);
        Assert.DoesNotContain("trends", staff, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Type help", staff, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INSIHGTS")]
    [InlineData("Insigts please")]
    [InlineData("insi")]
    public async Task UnknownCommand_CloseToOneTheReaderMayUse_InAnyCase_SuggestsIt(string typed)
    {
        var reply = await ReplyTextAsync(Sam, typed);

        Assert.Contains("Did you mean `insights`?", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what is this")]
    [InlineData("hi")]
    [InlineData("thanks")]
    [InlineData("hello there")]
    public async Task UnknownText_NearNoCommand_GetsTheAdviceWithoutAGuess(string typed)
    {
        var reply = await ReplyTextAsync(Hana, typed);

        Assert.DoesNotContain("Did you mean", reply, StringComparison.Ordinal);
        Assert.Contains("Type help", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpWithATypo_SuggestsHelpForTheCommandMeant()
    {
        Assert.Contains("Did you mean `help trends`?", await ReplyTextAsync(Hana, "help tremds"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionsWithAMistypedSubcommand_SuggestsTheSubcommand()
    {
        Assert.Contains("Did you mean `questions export`?", await ReplyTextAsync(Hana, "questions exprot csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_InATeamChannel_SyntaxStartsWithTheMention()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(ChannelMessage(_connector.BaseUrl, Sam, Channel, "help"))).StatusCode);

        var sent = Assert.Single(_connector.SentTo(Channel));
        var lines = ShownText.LinesOf(CardOf(sent.Activity));
        Assert.Contains("@FocusBot insights", lines);
        Assert.DoesNotContain(lines, line => StartsWithCommand(line, CommandCatalog.Pulse.Name)); // personal chat only
    }

    private static bool StartsWithCommand(string line, string command) =>
        line.Equals(command, StringComparison.OrdinalIgnoreCase) || line.StartsWith(command + " ", StringComparison.OrdinalIgnoreCase);

    private async Task<IReadOnlyList<string>> CardLinesAsync(string userId, string text) =>
        ShownText.LinesOf(CardOf((await ReplyAsync(userId, text)).Activity));

    private async Task<string> ReplyTextAsync(string userId, string text) =>
        (await ReplyAsync(userId, text)).Text ?? throw new Xunit.Sdk.XunitException($"\"{text}\" was answered with a card, not a message");

    private async Task<SentActivity> ReplyAsync(string userId, string text)
    {
        _connector.Reset();
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(Message(_connector.BaseUrl, userId, text))).StatusCode);
        return Assert.Single(_connector.SentTo(ChatOf(userId)));
    }

    private static JsonElement CardOf(JsonElement activity)
    {
        var attachment = activity.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        return attachment.GetProperty("content");
    }
}
