using FocusBot.ConnectorSimulator;
using FocusBot.Tests.Support;
using FocusBot.Trends.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Trends.Tests.Host;

public sealed class DigestTests : IAsyncLifetime
{
    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions());
        foreach (var user in (string[])[HostTrendSeed.HrUser, HostTrendSeed.StaffUser])
            _connector.AddConversation(TeamsActivities.ChatOf(user), HostTrendSeed.Tenant);
        _host = new FocusBotTestHost();
        _ = _host.Client;
        await HostTrendSeed.SeedAsync(_host.Services, _connector.BaseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task RunOnce_AfterPulsesClosed_SendsTheDigestToHrOnlyAndOnlyOnce()
    {
        var digest = _host.Services.GetRequiredService<TrendDigestService>();

        var first = await digest.RunOnceAsync(CancellationToken.None);
        var second = await digest.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var sent = Assert.Single(_connector.Sent);
        Assert.Equal(TeamsActivities.ChatOf(HostTrendSeed.HrUser), sent.ConversationId);
        var card = sent.Activity.GetProperty("attachments")[0].GetProperty("content").GetRawText();
        Assert.Contains(TrendDigestService.DigestTitle, card, StringComparison.Ordinal);
        Assert.Contains("/reports/trends?link=", card, StringComparison.Ordinal);
        Assert.Contains("Tiny", card, StringComparison.Ordinal);
        Assert.Empty(_connector.SentTo(TeamsActivities.ChatOf(HostTrendSeed.StaffUser)));
    }
}
