using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Privacy;
using FocusBot.Proactive;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.Pulses;

/// <summary>
/// Spaced review through POST /api/messages with the clock moved week by week, on SQLite and on Azurite. Ann misses three
/// knowledge checks in one pulse, Ben answers them right, Cat misses one that is later taken out of the bank. Ann gets one
/// back (one only, the earliest due) two weeks later and not after one; Ben and Cat get none. Her review answer counts its
/// first value, moves no figure and ends the item; a missed review comes back the interval later and not before; a review
/// id that is not hers for the pulse is refused with nothing saved.
/// </summary>
public abstract partial class SpacedReviewFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Ann = "29:ann-review", Ben = "29:ben-review", Cat = "29:cat-review";
    private static readonly string[] People = [Ann, Ben, Cat];
    private static readonly DateOnly W49 = new(2026, 11, 30);

    // A third knowledge check, so several of Ann's are due at once.
    private static readonly Question Quiz3 = TestQuestions.Bank[0] with
    {
        Id = "k-quiz-3",
        Text = "What does a customer focus team do first?",
        Options = ["Listen to customers", "Write a policy", "Buy software"],
        CorrectOption = 0,
        Explanation = "Listening comes before any change.",
    };

    private readonly ShiftableTimeProvider _clock = new();
    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _clock.Offset = W49.ToDateTime(new TimeOnly(12, 0)) - DateTime.UtcNow;
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        foreach (var user in People)
            _connector.AddConversation(ChatOf(user), TenantId);
        var settings = StorageSettings.For(storage, azurite);
        settings["Delivery:RunInBackground"] = "false";
        settings["Pulse:RunInBackground"] = "false";
        _host = new FocusBotTestHost("Development", settings, s => s.AddSingleton<TimeProvider>(_clock));
        _ = _host.Client;
        await Get<IQuestionStore>().ReplaceBankAsync([.. TestQuestions.Bank, Quiz3], CancellationToken.None);
        foreach (var user in People)
            await PostAsync(PersonalInstall(_connector.BaseUrl, user, user, "Europe/London"));
        _connector.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task MissedKnowledgeCheck_ComesBackToThePersonAlone_AfterTheInterval_UntilAnsweredRight()
    {
        var w49 = await PulseAsync(W49, ["k-quiz-1", "k-quiz-2", "k-quiz-3", "a-agree-1"]);
        await AnswerAsync(Ann, w49, new() { ["q.k-quiz-1"] = "1", ["q.k-quiz-2"] = "0", ["q.k-quiz-3"] = "2", ["q.a-agree-1"] = "4" });
        await AnswerAsync(Ben, w49, new() { ["q.k-quiz-1"] = "0", ["q.k-quiz-2"] = "1", ["q.k-quiz-3"] = "0" });
        await AnswerAsync(Cat, w49, new() { ["q.k-quiz-1"] = "2", ["q.k-quiz-2"] = "1", ["q.k-quiz-3"] = "0" });
        Assert.Equal(["k-quiz-1", "k-quiz-2", "k-quiz-3"], (await ItemsOfAsync(Ann)).Select(i => i.QuestionId));
        Assert.Empty(await ItemsOfAsync(Ben));

        // One week on: not yet.
        await PulseAsync(W49.AddDays(7), ["b-freq-1", "a-agree-1", "a-agree-2", "a-advocacy"]);
        Assert.All(People, person => Assert.DoesNotContain(ReviewSection.Heading, CardSentTo(person), StringComparison.Ordinal));

        // Two weeks on, with k-quiz-1 taken out of the bank: Ann gets k-quiz-2 (one of her two due), Ben and Cat nothing.
        var k1 = TestQuestions.Bank[0];
        await Get<IQuestionStore>().UpsertAsync(k1 with { Active = false }, CancellationToken.None);
        var w51 = await PulseAsync(W49.AddDays(14), ["b-freq-1", "b-freq-2", "a-agree-1", "a-advocacy"]);
        var annsCard = CardSentTo(Ann);
        Assert.Equal(["r.k-quiz-2"], ReviewInputs(annsCard));
        Assert.Contains(ReviewSection.Heading, annsCard, StringComparison.Ordinal);
        Assert.Contains(ReviewSection.ForYouAlone, annsCard, StringComparison.Ordinal);
        Assert.Empty(ReviewInputs(CardSentTo(Ben)));
        Assert.Empty(ReviewInputs(CardSentTo(Cat)));
        Assert.Equal(["r.k-quiz-2"], ReviewInputs((await InvokeAsync(Ann, PulseCard.RefreshVerb, new JsonObject { ["pulseId"] = w51.Id })).GetRawText()));

        // A review id that is not the one on her card, or Ben answering hers: refused, nothing saved.
        var tampered = await AnswerAsync(Ann, w51, new() { ["r.k-quiz-3"] = "0" });
        var notBens = await AnswerAsync(Ben, w51, new() { ["r.k-quiz-2"] = "1", ["q.a-agree-1"] = "5" });
        Assert.Contains("not yours to review", tampered.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("not yours to review", notBens.GetRawText(), StringComparison.Ordinal);
        Assert.All(await ItemsOfAsync(Ann), i => Assert.Null(i.ReviewValue));
        Assert.Empty(await ItemsOfAsync(Ben));
        Assert.Empty(await Get<IAnswerStore>().ListByPulseAsync(w51.Id, CancellationToken.None).ToListAsync());

        // Ann answers the review alone, right: the card says so and explains; no figure, answer or marker moves.
        var figures = await FiguresAsync(w51);
        var right = (await AnswerAsync(Ann, w51, new() { ["r.k-quiz-2"] = "1" })).GetRawText();
        Assert.Contains("\"Correct\"", right, StringComparison.Ordinal);
        Assert.Contains(TestQuestions.Bank[1].Explanation!, right, StringComparison.Ordinal);
        var changed = (await AnswerAsync(Ann, w51, new() { ["r.k-quiz-2"] = "0" })).GetRawText();
        Assert.Contains("first answer counts", changed, StringComparison.Ordinal);
        Assert.Equal(figures, await FiguresAsync(w51));
        var learnt = (await ItemsOfAsync(Ann)).Single(i => i.QuestionId == "k-quiz-2");
        Assert.Equal((ReviewState.Learnt, "1", w51.Id), (learnt.State, learnt.ReviewValue, learnt.ReviewPulseId));
        // `pulse` and Change answers show the same review, answered and locked.
        _connector.Reset();
        await PostAsync(Message(_connector.BaseUrl, Ann, "pulse"));
        var shown = CardSentTo(Ann);
        Assert.Contains("\"Correct\"", shown, StringComparison.Ordinal);
        Assert.Contains(TestQuestions.Bank[1].Text, shown, StringComparison.Ordinal);
        var edit = (await InvokeAsync(Ann, PulseCard.EditVerb, new JsonObject { ["pulseId"] = w51.Id })).GetRawText();
        Assert.Empty(ReviewInputs(edit));
        Assert.Contains("Locked: the first answer counts", edit, StringComparison.Ordinal);

        // Four weeks on: k-quiz-2 is learnt, so k-quiz-3 comes. Two presses race with two wrong values: one counts.
        var w53 = await PulseAsync(W49.AddDays(28), ["b-freq-1", "b-freq-2", "a-agree-2", "a-advocacy"]);
        Assert.Equal(["r.k-quiz-3"], ReviewInputs(CardSentTo(Ann)));
        var racing = await Task.WhenAll(AnswerAsync(Ann, w53, new() { ["r.k-quiz-3"] = "1" }), AnswerAsync(Ann, w53, new() { ["r.k-quiz-3"] = "2" }));
        Assert.All(racing, reply => Assert.Contains("Not quite", reply.GetRawText(), StringComparison.Ordinal));
        Assert.Single(racing, reply => !reply.GetRawText().Contains("first answer counts", StringComparison.Ordinal));
        var missed = (await ItemsOfAsync(Ann)).Single(i => i.QuestionId == "k-quiz-3");
        Assert.Equal((ReviewState.Pending, 2, new DateOnly(2027, 1, 11)), (missed.State, missed.Misses, missed.DueOn));

        // Missed again: not in the next week's card, back the week after.
        await PulseAsync(W49.AddDays(35), ["b-freq-1", "a-agree-1", "a-agree-2", "a-advocacy"]);
        Assert.Empty(ReviewInputs(CardSentTo(Ann)));
        await PulseAsync(W49.AddDays(42), ["b-freq-2", "a-agree-1", "a-agree-2", "a-advocacy"]);
        Assert.Equal(["r.k-quiz-3"], ReviewInputs(CardSentTo(Ann)));
    }

    /// <summary>The week's pulse with these questions, opened and sent to everyone at 10:30 London on its Tuesday.</summary>
    private async Task<Pulse> PulseAsync(DateOnly monday, string[] questionIds)
    {
        await PassAsync(monday.ToDateTime(new TimeOnly(19, 30)));
        var pulses = Get<IPulseStore>();
        var pulse = (await pulses.ListRecentAsync(1, CancellationToken.None))[0];
        Assert.Equal(PulseStatus.Sending, pulse.Status);
        pulse = await pulses.UpdateAsync(pulse with { QuestionIds = questionIds }, CancellationToken.None);
        _connector.Reset();
        await PassAsync(monday.AddDays(1).ToDateTime(new TimeOnly(10, 30)));
        Assert.All(People, person => Assert.Contains(pulse.Id, CardSentTo(person), StringComparison.Ordinal));
        return pulse;
    }

    private async Task PassAsync(DateTime utc)
    {
        _clock.Offset = utc - DateTime.UtcNow;
        await Get<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        await Get<DeliveryWorker>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>The last pulse card sent to the person's chat (the weekly send, or the reply to `pulse`).</summary>
    private string CardSentTo(string userId) =>
        _connector.Sent.Last(s => s.ConversationId == ChatOf(userId) && s.Activity.GetRawText().Contains("pulseId", StringComparison.Ordinal)).Activity.GetRawText();

    internal static List<string> ReviewInputs(string card) => [.. ReviewInput().Matches(card).Select(m => m.Groups[1].Value)];

    private Task<IReadOnlyList<ReviewItem>> ItemsOfAsync(string userId) =>
        Get<IReviewItemStore>().ListForPersonAsync(TenantId, Get<Pseudonyms>().For(TenantId, AadOf(userId)), CancellationToken.None);

    /// <summary>What the trends and results read for the pulse's week, the pulse's stored answers and its answered markers.</summary>
    private async Task<string> FiguresAsync(Pulse pulse)
    {
        var week = TrendPeriod.AllFor(pulse.OpensAt)[0].Key;
        var cells = await Get<IAggregateStore>().ListAsync(TenantId, TrendSlices.Org, week, week, CancellationToken.None);
        var answers = await Get<IAnswerStore>().ListByPulseAsync(pulse.Id, CancellationToken.None).ToListAsync();
        var marks = await Get<IAnsweredMarkStore>().ListAsync(pulse.Id, CancellationToken.None);
        return string.Join(";", cells.Select(c => $"{c.Key}/{c.Bucket}={c.Count}").Order(StringComparer.Ordinal)) + $"|answers {answers.Count}|marks {marks.Count}";
    }

    private Task<JsonElement> AnswerAsync(string userId, Pulse pulse, Dictionary<string, string> inputs)
    {
        var data = new JsonObject { ["pulseId"] = pulse.Id };
        foreach (var (id, value) in inputs)
            data[id] = value;
        return InvokeAsync(userId, PulseCard.AnswerVerb, data);
    }

    private Task<JsonElement> InvokeAsync(string userId, string verb, JsonObject data) => _host.InvokeInChatAsync(_connector.BaseUrl, userId, verb, data);

    private async Task PostAsync(string json) => Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(json)).StatusCode);

    private T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    [GeneratedRegex("\"id\":\"(r\\.[^\"]+)\"")]
    private static partial Regex ReviewInput();
}

public sealed class SqliteSpacedReviewFlowTests(AzuriteFixture azurite) : SpacedReviewFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzureSpacedReviewFlowTests(AzuriteFixture azurite) : SpacedReviewFlowTests(StorageKind.Azurite, azurite);
