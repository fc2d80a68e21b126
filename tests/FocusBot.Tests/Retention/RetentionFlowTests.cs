using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Trends;
using FocusBot.Pulses;
using FocusBot.Retention;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Retention;

/// <summary>
/// Retention end to end through POST /api/messages, on SQLite and on Azurite, with the clock moved: six people answer a
/// pulse (and write "one thing") 25 months before "now" and again last month. Two months before the old answers pass 24
/// months, `comments 8 quarters` still shows the old comments. At "now" the daily pass deletes the old week's answers,
/// comments, counted records, markers and delivery rows and nothing of last month's; `trends 8 quarters` and the report
/// page show the same figures as before it; `comments` shows last month's comments only and says why; `trends rebuild`
/// leaves the old periods as sealed; a second pass finds nothing to do. Thresholds are lowered to fit six people
/// (group 3, comments 4): the rules are the same.
/// </summary>
public abstract partial class RetentionFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    // 25 months before Now, and last month. The retention line at Now is Monday 8 June 2026.
    private static readonly DateTimeOffset OldWeek = new(2026, 5, 13, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset StillKept = new(2028, 3, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastMonth = new(2028, 5, 10, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2028, 6, 14, 12, 0, 0, TimeSpan.Zero);

    private static readonly Person[] Answering = [Person.Sam, Person.Hassan, Person.Ruth, Person.Ada, Person.Megan, Person.Lee];

    private readonly ShiftableTimeProvider _clock = new();
    private BotScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await BotScenario.StartAsync(storage, azurite, new Dictionary<string, string?>
    {
        ["Privacy:MinimumGroupSize"] = "3",
        ["Privacy:MinimumCommentGroupSize"] = "4",
        ["Retention:RunInBackground"] = "false",
    }, configureServices: s => s.AddSingleton<TimeProvider>(_clock));

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    private void MoveTo(DateTimeOffset at) => _clock.Offset = at - DateTimeOffset.UtcNow;

    private static readonly string[] Asks = ["callbacks within the hour", "fewer handoffs", "plain invoices", "refunds on the spot", "one named contact", "weekend cover"];

    private static string Comment(string when, int person) => $"{when}: {Asks[person]}";

    /// <summary>A pulse opened at <paramref name="at"/>, answered in the card by everyone (the "one thing" box included), one more comment typed with `one thing`, then closed.</summary>
    private async Task<Pulse> PulseAnsweredAsync(DateTimeOffset at, string when)
    {
        MoveTo(at);
        var pulse = (await _scenario.Get<PulseNow>().OpenAsync(BotScenario.TenantId, CancellationToken.None))!.Pulse;
        var questions = await _scenario.Get<PulseBank>().QuestionsOfAsync(pulse, CancellationToken.None);
        for (var i = 0; i < Answering.Length; i++)
        {
            var data = new JsonObject { ["pulseId"] = pulse.Id };
            foreach (var question in questions)
            {
                var choices = AnswerScales.ChoicesFor(question);
                data["q." + question.Id] = choices.Count == 0 ? Comment(when, i) : choices[(i + 1) % choices.Count].Value;
            }

            var card = await _scenario.ExecuteForCardAsync(Answering[i], PulseCard.AnswerVerb, data);
            Assert.Contains("Thank you, your answers are in", CardJson.AllText(card), StringComparison.Ordinal);
        }

        await _scenario.SayAsync(Person.Sam, "one thing " + when + ": a named account manager for every customer");
        var pulses = _scenario.Get<IPulseStore>();
        var stored = (await pulses.GetAsync(pulse.Id, CancellationToken.None))!;
        return await pulses.UpdateAsync(stored with { Status = PulseStatus.Closed, ClosesAt = at.AddHours(1) }, CancellationToken.None);
    }

    private async Task SealAsync() => await _scenario.Get<PrivacyGate>().SealAsync(BotScenario.TenantId,
        await _scenario.Get<IPulseStore>().ListRecentAsync(100, CancellationToken.None), CancellationToken.None);

    private async Task<JsonElement> CardAsync(string text)
    {
        _scenario.Connector.Reset();
        await _scenario.SayAsync(Person.Hassan, text);
        return _scenario.LastCardTo(Person.Hassan);
    }

    /// <summary>The report page's figures: everything before the comments, without the per-response style nonce and signed links.</summary>
    private async Task<string> PageFiguresAsync(JsonElement trendsCard)
    {
        var url = new Uri(trendsCard.GetProperty("actions")[0].GetProperty("url").GetString()!);
        var html = await _scenario.Host.Client.GetStringAsync(url.PathAndQuery);
        var figures = html.IndexOf("<section class=\"comments\">", StringComparison.Ordinal) is var at and >= 0 ? html[..at] : html;
        return PerResponse().Replace(figures, "(per response)");
    }

    private async Task<RawRows> RawRowsAsync(Pulse pulse)
    {
        var answers = await _scenario.Get<IAnswerStore>().ListByPulseAsync(pulse.Id, CancellationToken.None).ToListAsync();
        var voiceWeek = TrendPeriod.WeekOf(DateOnly.FromDateTime(pulse.OpensAt.UtcDateTime));
        var voice = await _scenario.Get<IAnswerStore>().ListByPulseAsync(PulseIds.Voice(voiceWeek.Key, BotScenario.TenantId), CancellationToken.None).CountAsync();
        var counted = 0;
        foreach (var respondent in answers.Select(a => a.RespondentPseudonym).Distinct())
        {
            if (await _scenario.Get<ICountedAnswersStore>().GetAsync(pulse.Id, respondent, CancellationToken.None) is not null)
                counted++;
        }

        var marks = (await _scenario.Get<IAnsweredMarkStore>().ListAsync(pulse.Id, CancellationToken.None)).Count;
        var deliveries = await _scenario.Get<IDeliveryStore>().ListAsync(LedgerIds.Of(pulse), null, CancellationToken.None).CountAsync()
            + await _scenario.Get<IDeliveryStore>().ListAsync(LedgerIds.ResultsOf(pulse.Id), null, CancellationToken.None).CountAsync();
        return new RawRows(answers.Count, voice, counted, marks, deliveries);
    }

    /// <summary>The rebuild answers in the background: the first message to Hassan's chat holding <paramref name="containing"/>.</summary>
    private async Task<string> WaitForTextToHassanAsync(string containing)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var texts = _scenario.SentTo(Person.Hassan.Chat).Select(s => s.Activity.TryGetProperty("text", out var text) ? text.GetString() : null).OfType<string>().ToList();
            if (texts.FirstOrDefault(t => t.Contains(containing, StringComparison.Ordinal)) is { } found)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No message containing \"{containing}\" reached Hassan. Sent: " + string.Join("\n", texts));
            await Task.Delay(50);
        }
    }

    private sealed record RawRows(int Answers, int Voice, int Counted, int Marks, int Deliveries);

    /// <summary>A knowledge check kept for someone to review, last updated on <paramref name="updated"/>'s day.</summary>
    private Task<ReviewItem> ReviewItemAsync(string pseudonym, DateTimeOffset updated) => _scenario.Get<IReviewItemStore>().SaveAsync(new ReviewItem
    {
        TenantId = BotScenario.TenantId,
        RespondentPseudonym = pseudonym,
        QuestionId = "k-retention",
        Misses = 1,
        DueOn = DateOnly.FromDateTime(updated.UtcDateTime).AddDays(14),
        CreatedOn = DateOnly.FromDateTime(updated.UtcDateTime),
        UpdatedOn = DateOnly.FromDateTime(updated.UtcDateTime),
    }, CancellationToken.None);

    private async Task<int> ReviewItemsOfAsync(string pseudonym) =>
        (await _scenario.Get<IReviewItemStore>().ListForPersonAsync(BotScenario.TenantId, pseudonym, CancellationToken.None)).Count;

    [Fact]
    public async Task DailyPass_After24Months_DeletesTheOldWeeksRawAnswersAndKeepsItsFigures()
    {
        await ReviewItemAsync("missed-25-months-ago", OldWeek);
        await ReviewItemAsync("missed-last-month", LastMonth);
        var old = await PulseAnsweredAsync(OldWeek, "Old");
        // Its results card went to Sam: that ledger names the people the pulse reached too, and goes with the pulse's.
        await _scenario.Get<IDeliveryStore>().CreateIfMissingAsync(
        [
            new Delivery
            {
                LedgerId = LedgerIds.ResultsOf(old.Id), RecipientKey = RecipientKeys.For(BotScenario.TenantId, Person.Sam.UserId), TenantId = BotScenario.TenantId,
                UserId = Person.Sam.UserId, Status = DeliveryStatus.Sent, SendAfter = old.ClosesAt, UpdatedAt = old.ClosesAt,
            },
        ], CancellationToken.None);
        MoveTo(StillKept);
        await SealAsync();
        var stillKept = CardJson.AllText(await CardAsync("comments 8 quarters"));
        Assert.Contains(Comment("Old", 4), stillKept, StringComparison.Ordinal);
        Assert.Contains("Old: a named account manager", stillKept, StringComparison.Ordinal);

        var recent = await PulseAnsweredAsync(LastMonth, "New");
        MoveTo(Now);
        await SealAsync();
        var oldRows = await RawRowsAsync(old);
        var recentRows = await RawRowsAsync(recent);
        Assert.All((int[])[oldRows.Answers, oldRows.Voice, oldRows.Counted, oldRows.Marks, oldRows.Deliveries], n => Assert.True(n > 0));
        var trendsBefore = await CardAsync("trends 8 quarters");
        var pageBefore = await PageFiguresAsync(trendsBefore);
        Assert.Contains("Q2 2026", CardJson.AllText(trendsBefore), StringComparison.Ordinal);

        var pass = await _scenario.Get<RetentionService>().RunPassAsync(CancellationToken.None);

        Assert.True(pass.Ran);
        Assert.Equal(new RawRows(0, 0, 0, 0, 0), await RawRowsAsync(old));
        // Review items last updated before the line go too; last month's stays.
        Assert.True(pass.ReviewItems >= 1);
        Assert.Equal((0, 1), (await ReviewItemsOfAsync("missed-25-months-ago"), await ReviewItemsOfAsync("missed-last-month")));
        Assert.Equal(recentRows, await RawRowsAsync(recent));
        Assert.Equal(oldRows.Answers + oldRows.Voice, pass.Deleted.Answers);
        Assert.Equal(oldRows.Deliveries, pass.Deliveries);
        var trendsAfter = await CardAsync("trends 8 quarters");
        Assert.Equal(CardJson.AllText(trendsBefore), CardJson.AllText(trendsAfter));
        Assert.Equal(pageBefore, await PageFiguresAsync(trendsAfter));
        var comments = CardJson.AllText(await CardAsync("comments 8 quarters"));
        Assert.DoesNotContain("Old:", comments, StringComparison.Ordinal);
        Assert.Contains("No comments from before 8 Jun 2026 are shown: FocusBot deletes comments and answers after 24 months.", comments, StringComparison.Ordinal);
        Assert.Contains(Comment("New", 4), CardJson.AllText(await CardAsync("comments")), StringComparison.Ordinal);

        var again = await _scenario.Get<RetentionService>().RunPassAsync(CancellationToken.None);
        Assert.Equal(new RetentionPass(true, 0, 0, AnswerSetDeletion.None, 0), again);

        _scenario.Connector.Reset();
        await _scenario.SayAsync(Person.Hassan, "trends rebuild");
        var rebuilt = await WaitForTextToHassanAsync("Trend figures rebuilt");
        Assert.Contains("Periods starting before 8 Jun 2026 keep their sealed figures and were not rebuilt: raw answers are kept 24 months.", rebuilt, StringComparison.Ordinal);
        Assert.DoesNotContain("would come out differently", rebuilt, StringComparison.Ordinal);
        Assert.Equal(CardJson.AllText(trendsBefore), CardJson.AllText(await CardAsync("trends 8 quarters")));
    }

    [GeneratedRegex("nonce-[A-Za-z0-9+/=_-]+|nonce=\"[^\"]*\"|link=[A-Za-z0-9._-]+")]
    private static partial Regex PerResponse();
}

public sealed class SqliteRetentionFlowTests(AzuriteFixture azurite) : RetentionFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzureRetentionFlowTests(AzuriteFixture azurite) : RetentionFlowTests(StorageKind.Azurite, azurite);
