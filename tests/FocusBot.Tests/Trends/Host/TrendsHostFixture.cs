using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Pulses;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Trends.Host;

/// <summary>A Development FocusBot with three weeks of sealed trend data, replying through a Connector simulator.</summary>
public sealed class TrendsHostFixture : IAsyncLifetime
{
    public ConnectorSimulator.ConnectorSimulator Connector { get; private set; } = null!;

    public FocusBotTestHost Host { get; private set; } = null!;

    public IReadOnlyList<Pulse> Pulses { get; private set; } = [];

    /// <summary>Bravo is named like a spreadsheet formula, to prove the export neutralises it.</summary>
    public const string FormulaTeamName = "=HYPERLINK(\"http://evil.example\",\"Bravo\")";

    public async ValueTask InitializeAsync()
    {
        Connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions());
        foreach (var user in (string[])[HostTrendSeed.HrUser, HostTrendSeed.StaffUser])
            Connector.AddConversation(TeamsActivities.ChatOf(user), HostTrendSeed.Tenant);
        Host = new FocusBotTestHost();
        _ = Host.Client;
        Pulses = await HostTrendSeed.SeedAsync(Host.Services, Connector.BaseUrl, FormulaTeamName);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
