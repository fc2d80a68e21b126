using System.Net;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Conversations;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Trends.Host;

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
        _host = new FocusBotTestHost(settings: new Dictionary<string, string?>
        {
            ["Bot:AdminAadObjectIds"] = TeamsActivities.AadOf(AdminUser),
            ["Teams:Connector:BaseDelay"] = "00:00:00.010", // an unreachable Connector is given up on quickly
        });
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

    [Fact]
    public async Task Digest_HrChatUnreachable_TheAdminIsTold_AndTheDigestIsNotSentAgain()
    {
        // The HR person's chat now sits behind a Connector that refuses connections (a Teams region down, a stale address).
        var conversations = _host.Services.GetRequiredService<IConversationStore>();
        var chat = await conversations.GetPersonalForUserAsync(HostTrendSeed.Tenant, HostTrendSeed.HrUser, CancellationToken.None);
        await conversations.UpsertAsync(chat! with { ServiceUrl = LoopbackPorts.Refusing() }, CancellationToken.None);
        var digests = _host.Services.GetRequiredService<TrendDigestService>();

        Assert.Equal(0, await digests.RunOnceAsync(CancellationToken.None));

        var told = string.Join("\n", _connector.SentTo(TeamsActivities.ChatOf(AdminUser)).Select(s => s.Activity.GetRawText()));
        Assert.Contains("could not be delivered to 1 of 1 HR people", told, StringComparison.Ordinal);
        Assert.Contains("unreachable", told, StringComparison.Ordinal);
        // Reachable again: one digest, not a late flood.
        await conversations.UpsertAsync(chat, CancellationToken.None);
        Assert.Equal(0, await digests.RunOnceAsync(CancellationToken.None));
        Assert.DoesNotContain(_connector.SentTo(TeamsActivities.ChatOf(HostTrendSeed.HrUser)), s => s.Activity.GetRawText().Contains(TrendDigest.Title, StringComparison.Ordinal));
    }
}
