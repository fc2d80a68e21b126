using System.Net;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Roster;
using FocusBot.Domain.Questions;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.Roles;

/// <summary>
/// Bot:RoleTeams names a team by its id, never by its name: anyone can create a team and call it anything, so a name would
/// hand a role to whoever names their own team like the configured one.
/// </summary>
public sealed class RoleTeamsTests : IAsyncLifetime
{
    private const string PeopleTeam = "19:people-team@thread.tacv2";
    private const string MalloryTeam = "19:mallory-own-team@thread.tacv2";
    private const string Hana = "29:hana-hr", Mallory = "29:mallory-staff";

    // Monday 19:30 UTC of ISO week 2026-W49: the pulse opens, which refreshes every team's roster from Teams.
    private static readonly DateTimeOffset PulseOpens = new(2026, 11, 30, 19, 30, 0, TimeSpan.Zero);

    private readonly ShiftableTimeProvider _clock = new();
    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _clock.Offset = PulseOpens - DateTimeOffset.UtcNow;
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        _connector.AddConversation(ChatOf(Hana), TenantId);
        _connector.AddConversation(ChatOf(Mallory), TenantId);
        _connector.AddTeam(PeopleTeam, [], [new SimulatedMember(Hana) { Name = "Hana", AadObjectId = AadOf(Hana) }]);
        _connector.AddTeam(MalloryTeam, [], [new SimulatedMember(Mallory) { Name = "Mallory", AadObjectId = AadOf(Mallory) }]);

        _host = new FocusBotTestHost("Development", new Dictionary<string, string?>
        {
            ["Bot:RoleTeams:HR"] = PeopleTeam,
            ["Pulse:RunInBackground"] = "false",
            ["Delivery:RunInBackground"] = "false",
        }, s => s.AddSingleton<TimeProvider>(_clock));
        _ = _host.Client;
        var questions = _host.Services.GetRequiredService<IQuestionStore>();
        if (await questions.CountAsync(CancellationToken.None) == 0)
            await questions.ReplaceBankAsync(TestQuestions.Bank, CancellationToken.None);

        await PostAsync(PersonalInstall(_connector.BaseUrl, Hana, "Hana", "Europe/London"));
        await PostAsync(PersonalInstall(_connector.BaseUrl, Mallory, "Mallory", "Europe/London"));
        await PostAsync(TeamInstall(_connector.BaseUrl, PeopleTeam, "People Team"));
        _connector.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData("PEOPLE TEAM")]
    [InlineData("People Team")]
    [InlineData("19:PEOPLE-TEAM@THREAD.TACV2")]
    [InlineData(PeopleTeam)]
    public async Task RosterRefresh_StaffNamedTheirOwnTeamLikeTheHrTeam_DoesNotMakeThemHr_MembersOfTheConfiguredTeamAre(string malloryTeamName)
    {
        await PostAsync(TeamInstall(_connector.BaseUrl, MalloryTeam, malloryTeamName));

        await _host.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);

        Assert.Contains("is for HR, Executive or Manager only", await ReplyToAsync(Mallory, "trends"), StringComparison.Ordinal);
        Assert.DoesNotContain("is for HR, Executive or Manager only", await ReplyToAsync(Hana, "trends"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("People Team")]
    [InlineData("02ce3874-dd86-41ba-bddc-013f34019978")]
    [InlineData("https://teams.microsoft.com/l/team/19%3apeople-team%40thread.tacv2/conversations?groupId=02ce3874-dd86-41ba-bddc-013f34019978")]
    public async Task Start_RoleTeamIsNotATeamId_RefusesNamingTheKeyAndHowToFindTheId(string configured)
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?> { ["Bot:RoleTeams:HR"] = configured });

        var error = Assert.Throws<OptionsValidationException>(() => host.Client);

        Assert.Contains("Bot:RoleTeams:HR", error.Message, StringComparison.Ordinal);
        Assert.Contains("19:", error.Message, StringComparison.Ordinal);
        Assert.Contains("roles", error.Message, StringComparison.Ordinal);
    }

    private async Task<string> ReplyToAsync(string userId, string text)
    {
        _connector.Reset();
        await PostAsync(Message(_connector.BaseUrl, userId, text));
        return string.Join("\n", _connector.SentTo(ChatOf(userId)).Select(s => s.Activity.GetRawText()));
    }

    private async Task PostAsync(string json) => Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(json)).StatusCode);
}
