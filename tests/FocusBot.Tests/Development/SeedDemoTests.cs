using System.Net;
using FocusBot.Configuration;
using FocusBot.ConnectorSimulator;
using FocusBot.Development;
using FocusBot.Domain.Roles;
using FocusBot.Roles;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Development;

/// <summary>
/// `--seed-demo` in Development: the person chatting in the Agents Playground holds every role a demo needs, and the
/// Playground's people can be named in commands and forms at once, without opening its team's channel first.
/// </summary>
public sealed class SeedDemoTests : IAsyncLifetime
{
    private static readonly PlaygroundPerson Megan = PlaygroundDefaults.TeamMembers.Single(p => p.Name == "Megan Bowen");
    private ConnectorSimulator.ConnectorSimulator _connector = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = PlaygroundDefaults.TenantId });
        _connector.AddConversation(PlaygroundDefaults.PersonalConversationId, PlaygroundDefaults.TenantId);
    }

    public async ValueTask DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task SeedDemo_InDevelopment_PlaygroundUserIsAdminHrAndExecutive()
    {
        await using var host = new FocusBotTestHost("Development", Settings());

        var roles = await host.Services.GetRequiredService<RoleResolver>()
            .GetRolesAsync(PlaygroundDefaults.TenantId, PlaygroundDefaults.User.AadObjectId, PlaygroundDefaults.User.UserId, CancellationToken.None);

        Assert.Equal([Role.Admin, Role.Executive, Role.HR], roles.Order());
    }

    [Fact]
    public async Task SeedDemo_InDevelopment_PlaygroundColleagueCanBeGrantedARoleByName()
    {
        await using var host = new FocusBotTestHost("Development", Settings());
        _ = host.Client;
        await PostAsync(host, PlaygroundActivities.OpenPersonalChat(_connector.BaseUrl));

        // What failed before with "No one FocusBot knows is called ...": the Playground's people were unknown until its
        // team's channel had been opened.
        var before = _connector.SentCount;
        await PostAsync(host, PlaygroundActivities.Message(_connector.BaseUrl, "roles grant executive Megan Bowen"));

        var sent = await _connector.WaitForSentAsync(before + 1, TimeSpan.FromSeconds(15));
        Assert.Contains("Megan Bowen now has the Executive role", sent[^1].Activity.GetRawText(), StringComparison.Ordinal);
        var megan = await host.Services.GetRequiredService<RoleResolver>().GetRolesAsync(PlaygroundDefaults.TenantId, Megan.AadObjectId, Megan.UserId, CancellationToken.None);
        Assert.Contains(Role.Executive, megan);
    }

    [Fact]
    public async Task WithoutSeedDemo_InDevelopment_PlaygroundUserHoldsNoRole()
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?> { ["Pulse:RunInBackground"] = "false" });

        var roles = await host.Services.GetRequiredService<RoleResolver>()
            .GetRolesAsync(PlaygroundDefaults.TenantId, PlaygroundDefaults.User.AadObjectId, PlaygroundDefaults.User.UserId, CancellationToken.None);

        Assert.Empty(roles);
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        [ConfigurationKeys.DevToolsSeedDemo] = "true",
        // Nothing here is about the weekly schedule.
        ["Pulse:RunInBackground"] = "false",
    };

    private static async Task PostAsync(FocusBotTestHost host, string json) => Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(json)).StatusCode);
}
