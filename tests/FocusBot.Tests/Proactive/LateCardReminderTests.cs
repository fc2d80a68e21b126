using System.Net;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Questions;
using FocusBot.Proactive;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.Proactive;

/// <summary>
/// A reminder is due Pulse:Reminders[0] (a day) after the person's card was actually sent, not after the pulse's send
/// time: someone who installs FocusBot two days into the pulse gets the card at once and no reminder on its heels. The
/// scheduler and sender are driven pass by pass with a clock the test moves (the scheduler passes every minute).
/// </summary>
public sealed class LateCardReminderTests : IAsyncLifetime
{
    // ISO week 2026-W49, London (UTC in December): the pulse goes out on Tuesday 1 December at 10:00 UTC.
    private const string Anna = "29:anna-on-time", Fern = "29:fern-late";
    private readonly ShiftableTimeProvider _clock = new();
    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _clock.Offset = At(11, 30, 12, 0) - DateTimeOffset.UtcNow;
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        _connector.AddConversation(ChatOf(Anna), TenantId);
        _host = new FocusBotTestHost("Development", new Dictionary<string, string?>
        {
            ["Delivery:RunInBackground"] = "false",
            ["Pulse:RunInBackground"] = "false",
        }, s => s.AddSingleton<TimeProvider>(_clock));
        _ = _host.Client;
        var questions = _host.Services.GetRequiredService<IQuestionStore>();
        if (await questions.CountAsync(CancellationToken.None) == 0)
            await questions.ReplaceBankAsync(TestQuestions.Bank, CancellationToken.None);
        await PostAsync(PersonalInstall(_connector.BaseUrl, Anna, "Anna", "Europe/London"));

        await PassAsync(At(11, 30, 19, 30)); // opens
        await PassAsync(At(12, 1, 10, 30)); // Anna's card
        await PassAsync(At(12, 2, 10, 31)); // Anna's first reminder, a day after her card
        Assert.Equal(1, Cards(Anna));
        Assert.Equal(1, Reminders(Anna));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task PersonJoiningTwoDaysLate_GetsTheCardAtOnce_AndTheirFirstReminderADayAfterIt()
    {
        // Thursday noon: Fern installs; her send time (Tuesday 10:00) has long passed, so the card goes at the next pass.
        _connector.AddConversation(ChatOf(Fern), TenantId);
        _clock.Offset = At(12, 3, 12, 0) - DateTimeOffset.UtcNow;
        await PostAsync(PersonalInstall(_connector.BaseUrl, Fern, "Fern", "Europe/London"));
        await PassAsync(At(12, 3, 12, 0));
        Assert.Equal(1, Cards(Fern));

        // The next scheduler passes: her card is minutes old.
        await PassAsync(At(12, 3, 12, 1));
        await PassAsync(At(12, 3, 12, 2));
        Assert.True(Reminders(Fern) == 0,
            "Fern's card was sent on Thursday at 12:00; her first reminder is due a day after that, yet one came within two minutes.");
        await PassAsync(At(12, 3, 18, 0));
        await PassAsync(At(12, 4, 11, 58));
        Assert.Equal(0, Reminders(Fern));

        await PassAsync(At(12, 4, 12, 1));
        Assert.Equal(1, Reminders(Fern));
        await PassAsync(At(12, 4, 12, 2));
        Assert.Equal(1, Reminders(Fern));
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private int Cards(string user) => _connector.SentTo(ChatOf(user)).Count(PulseCardTally.IsPulseCard);

    private int Reminders(string user) => _connector.SentTo(ChatOf(user)).Count(s => s.Text?.Contains("reminder", StringComparison.OrdinalIgnoreCase) == true);

    private async Task PostAsync(string activity) => Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(activity)).StatusCode);

    private async Task PassAsync(DateTimeOffset now)
    {
        _clock.Offset = now - DateTimeOffset.UtcNow;
        await _host.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        await _host.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);
    }
}
