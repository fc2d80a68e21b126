using FocusBot.TestSupport;
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
    public async Task PrivacyAndTermsPages_AreServedForTheManifestLinks()
    {
        await using var host = new FocusBotTestHost();

        Assert.Contains("pseudonym", await host.Client.GetStringAsync("/privacy"), StringComparison.Ordinal);
        Assert.Contains("terms", await host.Client.GetStringAsync("/terms"), StringComparison.Ordinal);
    }
}
