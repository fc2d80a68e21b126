using System.Net;
using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Proactive;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.Pulses;

/// <summary>
/// "Remind me later" through the real scheduler with a clock the test moves: exactly one reminder about
/// Pulse:RemindLaterAfter (3 hours) later, whatever reminders were sent before, none if the person answers meanwhile, and
/// an honest answer when the pulse closes sooner. The clock is shifted rather than frozen so the HTTP pipeline's own
/// timeouts and delays still run.
/// </summary>
public sealed class RemindLaterTests : IAsyncLifetime
{
    // ISO week 2026-W49. Anna is in Berlin (UTC+1): her pulse is due Tuesday 1 December 10:00 local = 09:00 UTC and leaves
    // at the sender's 09:30 UTC pass; the scheduled reminders follow a day and three days after that; the pulse closes
    // Saturday 5 December 22:00 UTC.
    private const string Anna = "29:anna-berlin";
    private readonly ShiftableTimeProvider _clock = new();
    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;
    private string _pulseId = null!;

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
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(PersonalInstall(_connector.BaseUrl, Anna, "Anna", "Europe/Berlin"))).StatusCode);

        await PassAsync(At(11, 30, 19, 30));
        await PassAsync(At(12, 1, 9, 30));
        var pulses = await _host.Services.GetRequiredService<IPulseStore>().ListRecentAsync(1, CancellationToken.None);
        _pulseId = Assert.Single(pulses).Id;
        Assert.Single(_connector.SentTo(ChatOf(Anna)), s => s.Activity.GetRawText().Contains(PulseCard.Title, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task RemindLater_AfterBothScheduledReminders_RemindsExactlyOnceThreeHoursLater()
    {
        await PassAsync(At(12, 2, 9, 31));
        await PassAsync(At(12, 4, 9, 31));
        Assert.Equal(2, Reminders());

        var answer = await RemindLaterAsync(At(12, 4, 12, 0));

        Assert.Contains("I'll remind you around 16:00", answer, StringComparison.Ordinal); // 15:00 UTC in Berlin
        await PassAsync(At(12, 4, 14, 58));
        Assert.Equal(2, Reminders());
        await PassAsync(At(12, 4, 15, 1)); // the scheduler passes every minute
        Assert.Equal(3, Reminders());
        await PassAsync(At(12, 4, 15, 30));
        await PassAsync(At(12, 5, 12, 0));
        Assert.Equal(3, Reminders());
    }

    [Fact]
    public async Task RemindLater_BeforeTheScheduledReminders_RemindsOnce_AndBothScheduledRemindersStillCome()
    {
        var answer = await RemindLaterAsync(At(12, 1, 10, 0));

        Assert.Contains("I'll remind you around 14:00", answer, StringComparison.Ordinal);
        await PassAsync(At(12, 1, 12, 59));
        Assert.Equal(0, Reminders());
        await PassAsync(At(12, 1, 13, 1));
        Assert.Equal(1, Reminders());
        await PassAsync(At(12, 2, 9, 29)); // the card left at 09:30 UTC: not a day yet
        Assert.Equal(1, Reminders());
        await PassAsync(At(12, 2, 9, 31)); // a day after: the first scheduled reminder
        Assert.Equal(2, Reminders());
        await PassAsync(At(12, 4, 9, 31)); // three days after: the second
        Assert.Equal(3, Reminders());
        await PassAsync(At(12, 5, 12, 0));
        Assert.Equal(3, Reminders());
    }

    [Fact]
    public async Task RemindLater_ThenAnswering_NoReminderComes()
    {
        await RemindLaterAsync(At(12, 1, 10, 0));

        var question = (await QuestionsAsync()).First(q => AnswerScales.ChoicesFor(q).Count > 0);
        var data = new JsonObject { ["pulseId"] = _pulseId, [PulseCard.InputPrefix + question.Id] = AnswerScales.ChoicesFor(question)[0].Value };
        var answered = await _host.PostActivityAsync(Execute(_connector.BaseUrl, Anna, ChatOf(Anna), PulseCard.AnswerVerb, data));
        Assert.Contains("your answers are in", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await PassAsync(At(12, 1, 13, 30));

        Assert.Equal(0, Reminders());
    }

    [Fact]
    public async Task RemindLater_WhenThePulseClosesSooner_SaysSo_AndPromisesNothing()
    {
        var answer = await RemindLaterAsync(At(12, 5, 20, 0));

        Assert.DoesNotContain("I'll remind you", answer, StringComparison.Ordinal);
        Assert.Contains("closes", answer, StringComparison.Ordinal);
        Assert.Contains("23:00", answer, StringComparison.Ordinal); // 22:00 UTC in Berlin
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private async Task<string> RemindLaterAsync(DateTimeOffset now)
    {
        _clock.Offset = now - DateTimeOffset.UtcNow;
        var response = await _host.PostActivityAsync(Execute(_connector.BaseUrl, Anna, ChatOf(Anna), PulseCard.LaterVerb, new JsonObject { ["pulseId"] = _pulseId }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("value").GetString()!;
    }

    private async Task<IReadOnlyList<Question>> QuestionsAsync()
    {
        var pulse = await _host.Services.GetRequiredService<IPulseStore>().GetAsync(_pulseId, CancellationToken.None);
        return await _host.Services.GetRequiredService<PulseBank>().QuestionsOfAsync(pulse!, CancellationToken.None);
    }

    private int Reminders() => _connector.SentTo(ChatOf(Anna)).Count(s => s.Text?.Contains("reminder", StringComparison.OrdinalIgnoreCase) == true);

    private async Task PassAsync(DateTimeOffset now)
    {
        _clock.Offset = now - DateTimeOffset.UtcNow;
        await _host.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        await _host.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);
    }
}
