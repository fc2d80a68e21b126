using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Answers;
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
/// A person can hold several cards of one pulse (the weekly send, one from `pulse`, last week's) and answer any of them,
/// as Teams delivers them: each press sends the pressed button's data with the card's inputs. An older card must not
/// silently overwrite what a newer one stored, and a card of a closed pulse saves nothing.
/// </summary>
public sealed class OldPulseCardTests : IAsyncLifetime
{
    private const string Anna = "29:anna-berlin";
    private const string Agree = "a-agree-1", Often = "b-freq-1";
    private static readonly string[] QuestionIds = ["k-quiz-1", Often, Agree, "a-advocacy"];
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
        await _host.Services.GetRequiredService<IQuestionStore>().ReplaceBankAsync(TestQuestions.Bank, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(PersonalInstall(_connector.BaseUrl, Anna, "Anna", "Europe/Berlin"))).StatusCode);
        _connector.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task OlderCard_SubmittedAfterANewerOne_KeepsTheNewerAnswers_AndShowsThemWithANotice()
    {
        var pulse = await OpenAndSendAsync(At(12, 1, 9, 30));
        var weekly = LastPulseCard();
        var fromCommand = await PulseCommandCardAsync(At(12, 1, 11, 0));

        var newer = await SubmitAsync(fromCommand, new() { [Agree] = "5", [Often] = "2" });
        var again = await SubmitAsync(fromCommand, new() { [Agree] = "5", [Often] = "2" }); // a double click, or Teams repeating the press
        var older = await SubmitAsync(weekly, new() { [Agree] = "2", [Often] = "2" });

        Assert.Contains("your answers are in", CardJson.AllText(newer), StringComparison.Ordinal);
        Assert.DoesNotContain("another card", CardJson.AllText(again), StringComparison.Ordinal);
        var shown = CardJson.AllText(older);
        Assert.Contains("You changed these on another card", shown, StringComparison.Ordinal);
        Assert.Contains("Your answer: Strongly agree", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Your answer: Disagree", shown, StringComparison.Ordinal);
        Assert.Equal("5", await StoredAsync(pulse, Agree));

        // The refreshed card is current: changing the answer from it is saved.
        var form = await PressAsync(older, PulseCard.EditVerb, []);
        var changed = await SubmitAsync(form, new() { [Agree] = "3" });
        Assert.DoesNotContain("another card", CardJson.AllText(changed), StringComparison.Ordinal);
        Assert.Equal("3", await StoredAsync(pulse, Agree));
    }

    [Fact]
    public async Task OlderCard_WhenShownAgain_RefreshesToTheCurrentAnswers()
    {
        await OpenAndSendAsync(At(12, 1, 9, 30));
        var weekly = LastPulseCard();
        await SubmitAsync(await PulseCommandCardAsync(At(12, 1, 11, 0)), new() { [Agree] = "5" });

        var refreshed = await RefreshAsync(weekly);

        Assert.Contains("Your answer: Strongly agree", CardJson.AllText(refreshed), StringComparison.Ordinal);
        Assert.DoesNotContain(PulseCard.AnswerVerb, CardJson.Verbs(refreshed));
    }

    [Fact]
    public async Task CardOfAClosedPulse_SaysItClosed_SavesNothing_AndRefreshesToClosed()
    {
        var lastWeek = await OpenAndSendAsync(At(12, 1, 9, 30));
        var oldCard = LastPulseCard();
        await PassAsync(At(12, 6, 12, 0)); // closed on Saturday night
        await PassAsync(At(12, 7, 21, 30)); // the next week's pulse opens
        Assert.Contains(await _host.Services.GetRequiredService<IPulseStore>().ListActiveAsync(CancellationToken.None), p => p.Id != lastWeek.Id);

        var submitted = await SubmitAsync(oldCard, new() { [Agree] = "4" });
        var refreshed = await RefreshAsync(oldCard);

        Assert.Contains("This pulse has closed", CardJson.AllText(submitted), StringComparison.Ordinal);
        Assert.Contains("This pulse has closed", CardJson.AllText(refreshed), StringComparison.Ordinal);
        Assert.Empty(await _host.Services.GetRequiredService<IAnswerStore>().ListByPulseAsync(lastWeek.Id, CancellationToken.None).ToListAsync());
    }

    // Opens the pulse (Monday evening) and sends Anna her card at `sendAt`, with four fixed questions.
    private async Task<Pulse> OpenAndSendAsync(DateTimeOffset sendAt)
    {
        await PassAsync(At(11, 30, 19, 30));
        var pulses = _host.Services.GetRequiredService<IPulseStore>();
        var pulse = Assert.Single(await pulses.ListRecentAsync(10, CancellationToken.None));
        pulse = await pulses.UpdateAsync(pulse with { QuestionIds = QuestionIds }, CancellationToken.None);
        await PassAsync(sendAt);
        return pulse;
    }

    private JsonElement LastPulseCard()
    {
        var sent = _connector.SentTo(ChatOf(Anna)).Last(s => CardJson.HasCard(s.Activity) && s.Activity.GetRawText().Contains(PulseCard.Title, StringComparison.Ordinal));
        return CardJson.Of(sent).Clone();
    }

    private async Task<JsonElement> PulseCommandCardAsync(DateTimeOffset now)
    {
        _clock.Offset = now - DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(Message(_connector.BaseUrl, Anna, "pulse"))).StatusCode);
        return LastPulseCard();
    }

    /// <summary>Presses the card's Submit with these inputs, as Teams sends it: the button's data plus the input values.</summary>
    private Task<JsonElement> SubmitAsync(JsonElement card, Dictionary<string, string> inputs) =>
        PressAsync(card, PulseCard.AnswerVerb, inputs.ToDictionary(i => PulseCard.InputPrefix + i.Key, i => i.Value));

    private async Task<JsonElement> PressAsync(JsonElement card, string verb, Dictionary<string, string> inputs)
    {
        var action = CardJson.ExecuteActions(card).First(a => a.GetProperty("verb").GetString() == verb);
        var data = JsonNode.Parse(action.GetProperty("data").GetRawText())!.AsObject();
        foreach (var (id, value) in inputs)
            data[id] = value;
        return await InvokeAsync(verb, data);
    }

    /// <summary>What Teams does when it shows a card that asks to be refreshed: invokes the card's refresh action.</summary>
    private async Task<JsonElement> RefreshAsync(JsonElement card)
    {
        Assert.True(card.TryGetProperty("refresh", out var refresh), "The card does not ask to be refreshed when shown.");
        var action = refresh.GetProperty("action");
        return await InvokeAsync(action.GetProperty("verb").GetString()!, JsonNode.Parse(action.GetProperty("data").GetRawText())!.AsObject(), "automatic");
    }

    private async Task<JsonElement> InvokeAsync(string verb, JsonObject data, string trigger = "manual")
    {
        var activity = JsonNode.Parse(Execute(_connector.BaseUrl, Anna, ChatOf(Anna), verb, data))!;
        activity["value"]!["trigger"] = trigger;
        var response = await _host.PostActivityAsync(activity.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        return body.RootElement.GetProperty("value").Clone();
    }

    private async Task<string?> StoredAsync(Pulse pulse, string questionId) =>
        (await _host.Services.GetRequiredService<IAnswerStore>().ListByPulseAsync(pulse.Id, CancellationToken.None).ToListAsync())
            .SingleOrDefault(a => a.QuestionId == questionId)?.Value;

    private static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private async Task PassAsync(DateTimeOffset now)
    {
        _clock.Offset = now - DateTimeOffset.UtcNow;
        await _host.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        await _host.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);
    }
}
