using System.Net;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Proactive;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.Proactive;

/// <summary>
/// Someone Teams reported unreachable (403: they had blocked FocusBot) whose pulse row ended Blocked. Once they install
/// FocusBot again or write to it, they get the still-open pulse card, exactly once; someone who stays blocked gets
/// nothing and is not tried again and again. Driven pass by pass with a clock the test moves.
/// </summary>
public sealed class ReachableAgainTests : IAsyncLifetime
{
    // ISO week 2026-W49, London (UTC in December): the pulse goes out on Tuesday 1 December at 10:00 UTC.
    private const string Ann = "29:ann-reachable", Bo = "29:bo-comes-back", Cy = "29:cy-stays-blocked";
    private readonly ShiftableTimeProvider _clock = new();
    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _clock.Offset = At(11, 30, 12, 0) - DateTimeOffset.UtcNow;
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        _host = new FocusBotTestHost("Development", new Dictionary<string, string?>
        {
            ["Delivery:RunInBackground"] = "false",
            ["Pulse:RunInBackground"] = "false",
        }, s => s.AddSingleton<TimeProvider>(_clock));
        _ = _host.Client;
        var questions = _host.Services.GetRequiredService<IQuestionStore>();
        if (await questions.CountAsync(CancellationToken.None) == 0)
            await questions.ReplaceBankAsync(TestQuestions.Bank, CancellationToken.None);
        foreach (var user in new[] { Ann, Bo, Cy })
        {
            _connector.AddConversation(ChatOf(user), TenantId);
            await PostAsync(PersonalInstall(_connector.BaseUrl, user, user[3..], "Europe/London"));
        }

        // Bo and Cy block FocusBot before the pulse reaches them.
        _connector.Faults.BlockConversation(ChatOf(Bo));
        _connector.Faults.BlockConversation(ChatOf(Cy));
        await PassAsync(At(11, 30, 19, 30));
        await PassAsync(At(12, 1, 10, 30));
        Assert.Equal(1, Cards(Ann));
        Assert.Equal([Bo, Cy], await BlockedAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task BlockedPerson_InstallsAgainAndWrites_GetsTheOpenPulseExactlyOnce()
    {
        _connector.Faults.RestoreConversation(ChatOf(Bo));

        _clock.Offset = At(12, 1, 11, 0) - DateTimeOffset.UtcNow;
        await PostAsync(PersonalInstall(_connector.BaseUrl, Bo, "Bo", "Europe/London"));
        await PostAsync(Message(_connector.BaseUrl, Bo, "hi"));
        await PassAsync(At(12, 1, 11, 1));
        await PassAsync(At(12, 1, 11, 2));
        await PassAsync(At(12, 1, 15, 0));

        Assert.True(Cards(Bo) == 1,
            $"Bo installed FocusBot again and wrote to it while the pulse was open: one pulse card expected, {Cards(Bo)} came.");
    }

    [Fact]
    public async Task BlockedPerson_OnlyWrites_GetsTheOpenPulseExactlyOnce()
    {
        _connector.Faults.RestoreConversation(ChatOf(Bo));

        _clock.Offset = At(12, 1, 11, 0) - DateTimeOffset.UtcNow;
        await PostAsync(Message(_connector.BaseUrl, Bo, "hi"));
        await PassAsync(At(12, 1, 11, 1));
        await PostAsync(Message(_connector.BaseUrl, Bo, "hello again"));
        await PassAsync(At(12, 1, 11, 2));
        await PassAsync(At(12, 1, 15, 0));

        Assert.True(Cards(Bo) == 1, $"Bo wrote to FocusBot (twice) while the pulse was open: one pulse card expected, {Cards(Bo)} came.");
    }

    [Fact]
    public async Task PersonWhoStaysBlocked_GetsNothing_AndIsNotTriedAgain()
    {
        var triedBefore = RequestsTo(Cy);

        // Passes through the rest of the week: sends, the reminders' times, and the close.
        foreach (var now in new[] { At(12, 1, 10, 31), At(12, 1, 11, 0), At(12, 1, 18, 0), At(12, 2, 10, 31), At(12, 3, 10, 31), At(12, 4, 10, 31), At(12, 6, 0, 0) })
            await PassAsync(now);

        Assert.Equal(0, Cards(Cy));
        Assert.True(RequestsTo(Cy) == triedBefore,
            $"Cy still blocks FocusBot: after the 403 nothing more should be sent there, yet {RequestsTo(Cy) - triedBefore} more requests were.");
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private int Cards(string user) => _connector.SentTo(ChatOf(user)).Count(PulseCardTally.IsPulseCard);

    private int RequestsTo(string user) => _connector.Requests.Count(r => r.ConversationId == ChatOf(user));

    private async Task<List<string>> BlockedAsync()
    {
        var pulse = Assert.Single(await _host.Services.GetRequiredService<IPulseStore>().ListRecentAsync(5, CancellationToken.None));
        var rows = _host.Services.GetRequiredService<IDeliveryStore>().ListAsync(PulseContent.LedgerOf(pulse), DeliveryStatus.Blocked, CancellationToken.None);
        return [.. (await rows.ToListAsync()).Select(r => r.UserId).Order(StringComparer.Ordinal)];
    }

    private async Task PostAsync(string activity) => Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(activity)).StatusCode);

    private async Task PassAsync(DateTimeOffset now)
    {
        _clock.Offset = now - DateTimeOffset.UtcNow;
        await _host.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        await _host.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);
    }
}
