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
/// Spaced review for people far east of UTC, with pulses sent on Mondays at 09:00 local time: in Auckland that is still
/// Sunday in UTC. Aroha misses a knowledge check on the Monday morning, Wiremu on the Monday afternoon (Monday in UTC
/// too): both come back in the pulse two weeks later, on that Monday morning's card, and neither in the pulse one week
/// later, however late in that week the card is looked at. The weeks are the pulses', not UTC's.
/// </summary>
public sealed class SpacedReviewTimeZoneTests : IAsyncLifetime
{
    private const string Aroha = "29:aroha-review", Wiremu = "29:wiremu-review";
    // Monday 7 December 2026, 09:00 in Auckland (UTC+13) is Sunday 6 December, 20:00 UTC.
    private static readonly DateOnly SundayInUtc = new(2026, 12, 6);

    private readonly ShiftableTimeProvider _clock = new();
    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _clock.Offset = SundayInUtc.ToDateTime(new TimeOnly(12, 0)) - DateTime.UtcNow;
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        var settings = StorageSettings.For(StorageKind.Sqlite, azurite: null);
        settings["Delivery:RunInBackground"] = "false";
        settings["Pulse:RunInBackground"] = "false";
        settings["Pulse:SendDay"] = "Monday";
        settings["Pulse:SendTime"] = "09:00";
        _host = new FocusBotTestHost("Development", settings, s => s.AddSingleton<TimeProvider>(_clock));
        _ = _host.Client;
        await _host.Services.GetRequiredService<IQuestionStore>().ReplaceBankAsync(TestQuestions.Bank, CancellationToken.None);
        foreach (var person in (string[])[Aroha, Wiremu])
        {
            _connector.AddConversation(ChatOf(person), TenantId);
            Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(PersonalInstall(_connector.BaseUrl, person, person, "Pacific/Auckland"))).StatusCode);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task MissOnAMondayEastOfUtc_ComesBackOnTheMondayCardTwoWeeksLater_NotInTheWeekBetween()
    {
        var first = await PulseAsync(SundayInUtc, ["k-quiz-1", "k-quiz-2", "a-agree-1"]);
        await MissAsync(Aroha, first, at: SundayInUtc.ToDateTime(new TimeOnly(20, 35)));
        await MissAsync(Wiremu, first, at: SundayInUtc.AddDays(1).ToDateTime(new TimeOnly(1, 0)));

        var second = await PulseAsync(SundayInUtc.AddDays(7), ["b-freq-1", "a-agree-1", "a-agree-2"]);
        Assert.Empty(ReviewsOnCardOf(Aroha));
        Assert.Empty(ReviewsOnCardOf(Wiremu));
        // Opened again on Tuesday in Auckland, Monday in UTC: still the week between.
        _clock.Offset = SundayInUtc.AddDays(8).ToDateTime(new TimeOnly(12, 0)) - DateTime.UtcNow;
        var refreshed = await _host.InvokeInChatAsync(_connector.BaseUrl, Aroha, PulseCard.RefreshVerb, new JsonObject { ["pulseId"] = second.Id });
        Assert.Empty(SpacedReviewFlowTests.ReviewInputs(refreshed.GetRawText()));

        await PulseAsync(SundayInUtc.AddDays(14), ["b-freq-2", "a-agree-1", "a-agree-2"]);
        Assert.Equal(["r.k-quiz-2"], ReviewsOnCardOf(Aroha));
        Assert.Equal(["r.k-quiz-2"], ReviewsOnCardOf(Wiremu));
    }

    private async Task MissAsync(string person, Pulse pulse, DateTime at)
    {
        _clock.Offset = at - DateTime.UtcNow;
        var reply = await _host.InvokeInChatAsync(_connector.BaseUrl, person, PulseCard.AnswerVerb,
            new JsonObject { ["pulseId"] = pulse.Id, ["q.k-quiz-1"] = "0", ["q.k-quiz-2"] = "0" });
        Assert.Contains("Not quite", reply.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>The pulse of the week, opened with these questions and sent to both at 09:00 on their Monday.</summary>
    private async Task<Pulse> PulseAsync(DateOnly sundayInUtc, string[] questionIds)
    {
        await PassAsync(sundayInUtc.ToDateTime(new TimeOnly(19, 30)));
        var pulses = _host.Services.GetRequiredService<IPulseStore>();
        var pulse = await pulses.UpdateAsync((await pulses.ListRecentAsync(1, CancellationToken.None))[0] with { QuestionIds = questionIds }, CancellationToken.None);
        _connector.Reset();
        await PassAsync(sundayInUtc.ToDateTime(new TimeOnly(20, 30)));
        Assert.Contains(pulse.Id, CardSentTo(Aroha), StringComparison.Ordinal);
        Assert.Contains(pulse.Id, CardSentTo(Wiremu), StringComparison.Ordinal);
        return pulse;
    }

    private async Task PassAsync(DateTime utc)
    {
        _clock.Offset = utc - DateTime.UtcNow;
        await _host.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        await _host.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);
    }

    private List<string> ReviewsOnCardOf(string person) => SpacedReviewFlowTests.ReviewInputs(CardSentTo(person));

    private string CardSentTo(string person) =>
        _connector.Sent.Last(s => s.ConversationId == ChatOf(person) && s.Activity.GetRawText().Contains("pulseId", StringComparison.Ordinal)).Activity.GetRawText();
}
