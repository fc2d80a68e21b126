using FocusBot.TestSupport;
using Microsoft.Extensions.Options;

namespace FocusBot.Tests.Configuration;

/// <summary>
/// A setting out of range stops FocusBot at start with a message naming it, rather than surfacing later as a Connector
/// that never retries, a limiter that never lets a call through, or a Playground that cannot start.
/// </summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Teams:Connector:MaxRetries", "-1", "Teams:Connector:MaxRetries")]
    [InlineData("Teams:Connector:BaseDelay", "00:00:00", "Teams:Connector:BaseDelay")]
    [InlineData("Teams:Connector:MaxDelay", "00:00:00", "Teams:Connector:MaxDelay")]
    [InlineData("Teams:Connector:AttemptTimeout", "-00:00:01", "Teams:Connector:AttemptTimeout")]
    [InlineData("Teams:RateLimits:GlobalRequestsPerSecond", "0", "Teams:RateLimits:GlobalRequestsPerSecond")]
    [InlineData("Teams:RateLimits:GlobalHeadroom", "1.5", "Teams:RateLimits:GlobalHeadroom")]
    [InlineData("Teams:RateLimits:WindowMargin", "-00:00:01", "Teams:RateLimits:WindowMargin")]
    [InlineData("Teams:RateLimits:SendPerConversation:0:Count=0;Teams:RateLimits:SendPerConversation:0:Period=00:00:01", "", "Teams:RateLimits window")]
    [InlineData("DevTools:Playground:Port", "70000", "DevTools:Playground:Port")]
    [InlineData("Recognition:PeerLimitPerWeek", "0", "Recognition:PeerLimitPerWeek must be 1-20")]
    [InlineData("Recognition:PeerLimitPerWeek", "21", "Recognition:PeerLimitPerWeek must be 1-20")]
    public async Task Start_SettingOutOfRange_FailsNamingIt(string key, string value, string named)
    {
        // One setting, or several written "key=value;key=value" in the key.
        var settings = value.Length > 0
            ? new Dictionary<string, string?> { [key] = value }
            : key.Split(';').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], string? (pair) => pair[1]);
        await using var host = new FocusBotTestHost("Development", settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.Client);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ResultsCardEnabledNeitherTrueNorFalse_FailsNamingIt()
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?> { ["Pulse:ResultsCard:Enabled"] = "sometimes" });

        var error = Assert.Throws<InvalidOperationException>(() => host.Client);

        Assert.Contains("Pulse:ResultsCard:Enabled", error.Message, StringComparison.Ordinal);
    }
}
