using FocusBot.Protocol.RateLimiting;
using FocusBot.Pulses;
using FocusBot.Recognitions;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FocusBot.Tests.Configuration;

/// <summary>
/// A list-valued setting, configured, replaces its default list. (The configuration binder appends to a list a property
/// initialiser has filled: two default reminders plus one configured made three, and the host refused to start.)
/// </summary>
public sealed class ListOptionsTests
{
    [Fact]
    public async Task PulseReminders_OneConfigured_ReplacesBothDefaults_AndTheHostStarts()
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?> { ["Pulse:Reminders:0"] = "1.00:00:00" });

        _ = host.Client;

        Assert.Equal([TimeSpan.FromDays(1)], host.Services.GetRequiredService<IOptions<PulseOptions>>().Value.Reminders);
    }

    [Fact]
    public async Task PulseReminders_NoneConfigured_KeepsTheDefaults()
    {
        await using var host = new FocusBotTestHost();

        Assert.Equal([TimeSpan.FromDays(1), TimeSpan.FromDays(3)], host.Services.GetRequiredService<IOptions<PulseOptions>>().Value.Reminders);
    }

    [Theory]
    [InlineData(nameof(TeamsRateLimitOptions.SendPerConversation))]
    [InlineData(nameof(TeamsRateLimitOptions.CreatePerUser))]
    [InlineData(nameof(TeamsRateLimitOptions.MembersPerConversation))]
    [InlineData(nameof(TeamsRateLimitOptions.ConversationsPerTeam))]
    public async Task TeamsRateLimitWindows_OneConfigured_ReplacesTheFourDefaults_AndTheHostStarts(string property)
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?>
        {
            [$"Teams:RateLimits:{property}:0:Count"] = "3",
            [$"Teams:RateLimits:{property}:0:Period"] = "00:00:02",
        });

        _ = host.Client;

        var options = host.Services.GetRequiredService<IOptions<TeamsRateLimitOptions>>().Value;
        var windows = (IReadOnlyList<RateWindow>)typeof(TeamsRateLimitOptions).GetProperty(property)!.GetValue(options)!;
        Assert.Equal([new RateWindow(3, TimeSpan.FromSeconds(2))], windows);
        Assert.Equal(4, new TeamsRateLimitOptions().SendPerConversation.Count); // the others keep their defaults
        Assert.All(typeof(TeamsRateLimitOptions).GetProperties().Where(p => p.PropertyType == typeof(IReadOnlyList<RateWindow>) && p.Name != property),
            p => Assert.Equal(4, ((IReadOnlyList<RateWindow>)p.GetValue(options)!).Count));
    }

    [Fact]
    public async Task RecognitionBehaviours_TwoConfigured_ReplaceTheDefaults_AndTheHostStarts()
    {
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?>
        {
            ["Recognition:Behaviours:0"] = "Answering on the first call",
            ["Recognition:Behaviours:1"] = "Closing the loop",
        });

        _ = host.Client;

        Assert.Equal(["Answering on the first call", "Closing the loop"],
            host.Services.GetRequiredService<IOptions<RecognitionOptions>>().Value.EffectiveBehaviours);
    }
}
