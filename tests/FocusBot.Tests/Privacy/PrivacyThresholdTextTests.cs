using System.Net;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Questions;
using FocusBot.Proactive;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.Privacy;

/// <summary>
/// Every promise FocusBot makes about group sizes quotes the configured thresholds: an organisation that raised them must
/// not be told the defaults, and one that could lower them must not be promised more than it keeps.
/// </summary>
public sealed class PrivacyThresholdTextTests
{
    private const string Anna = "29:anna-berlin";

    [Fact]
    public async Task WelcomeHelpPulseCardAndPrivacyPage_QuoteTheConfiguredGroupSizes()
    {
        // Monday 30 November 2026 19:30 UTC: the week's pulse opens; Anna's card goes out Tuesday 10:00 Berlin time.
        var clock = new ShiftableTimeProvider { Offset = new DateTimeOffset(2026, 11, 30, 19, 30, 0, TimeSpan.Zero) - DateTimeOffset.UtcNow };
        await using var connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        connector.AddConversation(ChatOf(Anna), TenantId);
        await using var host = new FocusBotTestHost("Development", new Dictionary<string, string?>
        {
            ["Privacy:MinimumGroupSize"] = "7",
            ["Privacy:MinimumCommentGroupSize"] = "12",
            ["Delivery:RunInBackground"] = "false",
            ["Pulse:RunInBackground"] = "false",
        }, s => s.AddSingleton<TimeProvider>(clock));
        _ = host.Client;
        var questions = host.Services.GetRequiredService<IQuestionStore>();
        if (await questions.CountAsync(CancellationToken.None) == 0)
            await questions.ReplaceBankAsync(TestQuestions.Bank, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(PersonalInstall(connector.BaseUrl, Anna, "Anna", "Europe/Berlin"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(Message(connector.BaseUrl, Anna, "help"))).StatusCode);
        await host.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        clock.Offset = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero) - DateTimeOffset.UtcNow;
        await host.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        await host.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);

        var sent = connector.SentTo(ChatOf(Anna)).Select(s => s.Activity.GetRawText()).ToList();
        var welcome = Assert.Single(sent, s => s.Contains("Welcome to FocusBot", StringComparison.Ordinal));
        var help = Assert.Single(sent, s => s.Contains("Commands", StringComparison.Ordinal));
        var pulse = Assert.Single(sent, s => s.Contains(PulseCard.Title, StringComparison.Ordinal));
        var privacy = await host.Client.GetStringAsync("/privacy");

        Assert.Contains("groups of 7 or more", welcome, StringComparison.Ordinal);
        Assert.Contains("groups of at least 7 people", help, StringComparison.Ordinal);
        Assert.Contains("groups of 7 or more", pulse, StringComparison.Ordinal);
        Assert.Contains("groups of at least 7 people", privacy, StringComparison.Ordinal);
        Assert.Contains("groups of at least 12", privacy, StringComparison.Ordinal);
        Assert.Contains("once at least 12 people in the group have commented", privacy, StringComparison.Ordinal);
        Assert.All(new[] { welcome, help, pulse, privacy }, text =>
            Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex(@"\b(five|ten)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), text));
    }
}
