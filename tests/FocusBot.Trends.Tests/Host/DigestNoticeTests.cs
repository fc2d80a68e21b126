using System.Net;
using FocusBot.ConnectorSimulator;
using FocusBot.Tests.Support;
using FocusBot.Trends.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Trends.Tests.Host;

/// <summary>A digest Teams would not deliver is no longer only a line in the log: the Admins are told, and `status` shows it.</summary>
public sealed class DigestNoticeTests : IAsyncLifetime
{
    private const string AdminUser = "29:admin-person";
    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions());
        foreach (var user in (string[])[HostTrendSeed.HrUser, HostTrendSeed.StaffUser, AdminUser])
            _connector.AddConversation(TeamsActivities.ChatOf(user), HostTrendSeed.Tenant);
        _host = new FocusBotTestHost(settings: new Dictionary<string, string?> { ["Bot:AdminAadObjectIds"] = TeamsActivities.AadOf(AdminUser) });
        _ = _host.Client;
        await HostTrendSeed.SeedAsync(_host.Services, _connector.BaseUrl);
        await HostTrendSeed.AddChatAsync(_host.Services, _connector.BaseUrl, AdminUser);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Digest_TeamsAnswers404_TheAdminIsTold_AndStatusShowsIt()
    {
        _connector.Faults.RemoveConversation(TeamsActivities.ChatOf(HostTrendSeed.HrUser)); // the HR person's chat is gone

        var sent = await _host.Services.GetRequiredService<TrendDigestService>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, sent);
        var toAdmin = _connector.SentTo(TeamsActivities.ChatOf(AdminUser)).Select(s => s.Activity.GetRawText()).ToList();
        Assert.Single(toAdmin, text => text.Contains("could not be delivered", StringComparison.Ordinal));
        Assert.All(toAdmin, text => Assert.DoesNotContain(HostTrendSeed.HrUser, text, StringComparison.Ordinal)); // no one named
        // Staff get their pulse as usual, but no notice: those are for Admins and HR.
        Assert.DoesNotContain(_connector.SentTo(TeamsActivities.ChatOf(HostTrendSeed.StaffUser)),
            s => s.Activity.GetRawText().Contains("could not be delivered", StringComparison.Ordinal));

        var before = _connector.SentTo(TeamsActivities.ChatOf(AdminUser)).Count;
        var response = await _host.PostActivityAsync(TeamsActivities.Message(_connector.BaseUrl, AdminUser, "status"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = string.Join("\n", _connector.SentTo(TeamsActivities.ChatOf(AdminUser)).Skip(before).Select(s => s.Activity.GetRawText()));
        Assert.Contains("could not be delivered", status, StringComparison.Ordinal);
    }
}
