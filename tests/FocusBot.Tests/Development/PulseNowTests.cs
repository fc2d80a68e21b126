using System.Net;
using FocusBot.Configuration;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Recording;
using FocusBot.Development;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Development;

/// <summary>
/// `--pulse-now` in Development: the person who opens FocusBot's chat gets this week's pulse card at once, whatever the
/// day and time of the weekly schedule, and so does a colleague who opens it later. The weekly scheduler is off in these
/// tests, so only `--pulse-now` can open a pulse.
/// </summary>
public sealed class PulseNowTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly PlaygroundPerson Megan = PlaygroundDefaults.TeamMembers.Single(p => p.Name == "Megan Bowen");
    private readonly ShiftableTimeProvider _clock = new();
    private ConnectorSimulator.ConnectorSimulator _connector = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = PlaygroundDefaults.TenantId });
        foreach (var person in (PlaygroundPerson[])[PlaygroundDefaults.User, Megan])
            _connector.AddConversation(PlaygroundActivities.ChatOf(person), PlaygroundDefaults.TenantId);
    }

    public async ValueTask DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task PulseNow_PersonOpensTheChat_GetsThePulseCardThere()
    {
        await using var host = Host(pulseNow: true);
        _ = host.Client;

        await PostAsync(host, PlaygroundActivities.OpenPersonalChat(_connector.BaseUrl));

        await WaitForPulseCardAsync(PlaygroundDefaults.User);
    }

    [Fact]
    public async Task PulseNow_ColleagueOpensTheChatLater_BeforeTheScheduledSendTime_GetsItAtOnce()
    {
        // Monday noon: the weekly schedule's Tuesday 10:00 has not come in anyone's time zone.
        _clock.Offset = NextMondayNoon() - DateTimeOffset.UtcNow;
        await using var host = Host(pulseNow: true);
        _ = host.Client;
        await PostAsync(host, PlaygroundActivities.OpenPersonalChat(_connector.BaseUrl));
        await WaitForPulseCardAsync(PlaygroundDefaults.User);

        await PostAsync(host, PlaygroundActivities.OpenPersonalChat(_connector.BaseUrl, Megan));

        await WaitForPulseCardAsync(Megan);
    }

    [Fact]
    public async Task WithoutPulseNow_PersonOpensTheChat_GetsTheWelcomeAndNoPulse()
    {
        await using var host = Host(pulseNow: false);
        _ = host.Client;

        await PostAsync(host, PlaygroundActivities.OpenPersonalChat(_connector.BaseUrl));
        await _connector.WaitForSentAsync(1, Wait);
        // The weekly scheduler is off: only the --pulse-now service could open a pulse, and it has done all it will once it
        // has ended (at once without the switch, after opening the pulse with it). A pulse it opened has sent its cards
        // once its delivery ledger has settled; without one there is nothing to wait for.
        await host.Services.GetRequiredService<PulseNowOnFirstChat>().ExecuteTask!.WaitAsync(Wait, TestContext.Current.CancellationToken);
        await PulseLedger.WaitUntilSettledAsync(host.Services, rows: 0, Wait);

        Assert.DoesNotContain(_connector.Sent, IsPulseCard);
    }

    private FocusBotTestHost Host(bool pulseNow) => new("Development", new Dictionary<string, string?>
    {
        [ConfigurationKeys.DevToolsPulseNow] = pulseNow ? "true" : "false",
        ["Pulse:RunInBackground"] = "false",
    }, services => services.AddSingleton<TimeProvider>(_clock));

    private async Task WaitForPulseCardAsync(PlaygroundPerson person)
    {
        var chat = PlaygroundActivities.ChatOf(person);
        var deadline = DateTimeOffset.UtcNow + Wait;
        while (!_connector.SentTo(chat).Any(IsPulseCard))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline,
                $"No pulse card in {person.Name}'s chat within {Wait.TotalSeconds:0} s. Sent: " + string.Join("; ", _connector.Sent.Select(s => $"{s.ConversationId} {s.Type}")));
            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }

    private static bool IsPulseCard(SentActivity sent) =>
        sent.Operation == ConnectorOperation.Send && sent.Activity.GetRawText().Contains(PulseCard.Title, StringComparison.Ordinal);

    private static DateTimeOffset NextMondayNoon()
    {
        var today = DateTimeOffset.UtcNow.Date;
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return new DateTimeOffset(today.AddDays(days == 0 ? 7 : days).AddHours(12), TimeSpan.Zero);
    }

    private static async Task PostAsync(FocusBotTestHost host, string json) => Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(json)).StatusCode);
}
