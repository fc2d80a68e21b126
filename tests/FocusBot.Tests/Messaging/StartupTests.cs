using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FocusBot.Tests.Messaging;

/// <summary>Configuration that would leave FocusBot unauthenticated or unable to reply stops it at start-up.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Start_ProductionWithoutAppId_FailsNamingTheKey()
    {
        await using var host = new FocusBotTestHost("Production");

        var error = Assert.Throws<OptionsValidationException>(() => host.Client);

        Assert.Contains("MicrosoftAppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MetadataOverPlainHttpOffLoopback_FailsNamingTheKey()
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?>
        {
            ["BotOpenIdMetadata"] = "http://login.example.com/v1/.well-known/openidconfiguration",
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Client);

        Assert.Contains("BotOpenIdMetadata", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Telemetry_OnlyWhenAnApplicationInsightsConnectionStringIsConfigured()
    {
        await using var without = new FocusBotTestHost();
        await using var with = new FocusBotTestHost("Development", new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        });

        Assert.Null(without.Services.GetService<Microsoft.ApplicationInsights.TelemetryClient>());
        Assert.NotNull(with.Services.GetService<Microsoft.ApplicationInsights.TelemetryClient>());
    }

    [Fact]
    public async Task PrivacyAndTermsPages_AreServedForTheManifestLinks()
    {
        await using var host = new FocusBotTestHost();

        Assert.Contains("pseudonym", await host.Client.GetStringAsync("/privacy"), StringComparison.Ordinal);
        Assert.Contains("terms", await host.Client.GetStringAsync("/terms"), StringComparison.Ordinal);
    }
}
