using FocusBot.ConnectorSimulator;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Trends.Host;

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
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task RunOnce_AfterPulsesClosed_SendsTheDigestToHrOnlyAndOnlyOnce()
    {
        await HostTrendSeed.SeedAsync(_host.Services, _connector.BaseUrl);
        var digest = _host.Services.GetRequiredService<TrendDigestService>();

        var first = await digest.RunOnceAsync(CancellationToken.None);
        var second = await digest.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var sent = Assert.Single(_connector.Sent);
        Assert.Equal(TeamsActivities.ChatOf(HostTrendSeed.HrUser), sent.ConversationId);
        var card = sent.Activity.GetProperty("attachments")[0].GetProperty("content").GetRawText();
        Assert.Contains(TrendDigest.Title, card, StringComparison.Ordinal);
        Assert.Contains("/reports/trends?link=", card, StringComparison.Ordinal);
        // The tiny team's row carries no figure of it.
        using var json = System.Text.Json.JsonDocument.Parse(card);
        var tiny = json.RootElement.GetProperty("body").EnumerateArray()
            .Single(e => e.TryGetProperty("columns", out var c) && c[0].GetProperty("items")[0].GetProperty("text").GetString() == "Tiny");
        Assert.All(tiny.GetProperty("columns").EnumerateArray().Skip(1), c => Assert.Equal("hidden", c.GetProperty("items")[0].GetProperty("text").GetString()));
        Assert.Empty(_connector.SentTo(TeamsActivities.ChatOf(HostTrendSeed.StaffUser)));
    }

    [Fact]
    public async Task RunOnce_NoHrPersonHasAChatYet_KeepsTheDigestUntilOneDoes()
    {
        await HostTrendSeed.SeedAsync(_host.Services, _connector.BaseUrl, hrHasChat: false);
        var digest = _host.Services.GetRequiredService<TrendDigestService>();

        Assert.Equal(0, await digest.RunOnceAsync(CancellationToken.None));
        await HostTrendSeed.AddChatAsync(_host.Services, _connector.BaseUrl, HostTrendSeed.HrUser);

        Assert.Equal(1, await digest.RunOnceAsync(CancellationToken.None));
        Assert.Single(_connector.SentTo(TeamsActivities.ChatOf(HostTrendSeed.HrUser)));
    }
}
