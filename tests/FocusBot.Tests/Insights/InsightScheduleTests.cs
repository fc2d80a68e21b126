using System.Text.Json.Nodes;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Questions;
using FocusBot.Insights;
using FocusBot.Proactive;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Insights;

/// <summary>
/// An insight scheduled for a date and time in the author's zone (Europe/London, summer: UTC+1), through POST
/// /api/messages on SQLite and Azurite. The insight scheduler and the sender are driven here, pass by pass, with a
/// clock the test moves; the store outlives a restart and is shared by a second instance.
/// </summary>
public abstract class InsightScheduleTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Title = "Callbacks take too long";
    private static readonly DateTimeOffset Monday = new(2026, 7, 13, 12, 0, 0, TimeSpan.Zero); // 13:00 in London
    private static readonly DateTimeOffset SendTime = new(2026, 7, 14, 8, 0, 0, TimeSpan.Zero); // Tuesday 09:00 in London

    private readonly ShiftableTimeProvider _clock = new();
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("focusbot-schedule-").FullName;
    private BotScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        SetTime(Monday);
        _scenario = await BotScenario.StartAsync(storage, azurite, new Dictionary<string, string?>
        {
            ["Storage:Sqlite:DataDirectory"] = _dataDirectory,
            ["Delivery:RunInBackground"] = "false",
            ["Insights:RunInBackground"] = "false",
        }, configureServices: services => services.AddSingleton<TimeProvider>(_clock));
    }

    public async ValueTask DisposeAsync()
    {
        await _scenario.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private void SetTime(DateTimeOffset now) => _clock.Offset = now - DateTimeOffset.UtcNow;

    private static Task PassesAsync(IServiceProvider services) => PassesAsync([services]);

    // The scheduler's pass of every instance at once, then their senders'.
    private static async Task PassesAsync(IReadOnlyList<IServiceProvider> instances)
    {
        await Task.WhenAll(instances.Select(s => s.GetRequiredService<InsightScheduler>().RunOnceAsync(CancellationToken.None)));
        await Task.WhenAll(instances.Select(s => s.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None)));
    }

    private Task<AnsweredCard> ScheduleAsync(string date = "2026-07-14", string time = "09:00") =>
        PostAsync(InsightForms.At(InsightForms.WithQuestion(InsightForms.ToTeams(InsightForms.Valid(), BotScenario.LeadershipTeam)), date, time));

    private async Task<AnsweredCard> PostAsync(JsonObject form) => new(await _scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb, form));

    private async Task<Insight?> StoredAsync() =>
        (await _scenario.Get<IInsightStore>().ListLatestAsync(BotScenario.TenantId, 10, CancellationToken.None)).SingleOrDefault();

    // Cards in Ruth's chat that are the insight itself (not the list that names it).
    private int InsightCardsToRuth() => _scenario.CardsIn(Person.Ruth.Chat).Count(c =>
        CardJson.AllText(c).Contains(Title, StringComparison.Ordinal) && !CardJson.AllText(c).Contains(InsightListCard.Title, StringComparison.Ordinal));

    [Fact]
    public async Task Scheduled_NothingBeforeItsTime_OnceAtIt_AndNotAgainAfterARestart()
    {
        var confirmation = await ScheduleAsync();

        Assert.Contains(InsightReachCard.ScheduledTitle, confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("It goes out Tuesday 14 July 2026 at 09:00 (Europe/London).", confirmation.Text, StringComparison.Ordinal);
        var insight = await StoredAsync();
        Assert.Equal((InsightStatus.Scheduled, SendTime, "Europe/London"), (insight!.Status, insight.SendAt, insight.TimeZone));
        var question = _scenario.Get<IQuestionStore>();
        Assert.False((await question.GetAsync(insight.QuestionId!, CancellationToken.None))!.Active); // not in a pulse before people have the insight

        await _scenario.SayAsync(Person.Ruth, "insights");
        Assert.Contains("SCHEDULED · goes out Tuesday 14 July 2026 at 09:00 (Europe/London)", CardJson.AllText(_scenario.LastCardTo(Person.Ruth)), StringComparison.Ordinal);
        await _scenario.SayAsync(Person.Sam, "insights");
        Assert.DoesNotContain(Title, CardJson.AllText(_scenario.LastCardTo(Person.Sam)), StringComparison.Ordinal);

        SetTime(SendTime.AddMinutes(-1));
        await PassesAsync(_scenario.Host.Services);
        Assert.Empty(_scenario.SentTo(BotScenario.CustomerWinsChannel));
        Assert.Equal(0, InsightCardsToRuth());
        Assert.Empty(await _scenario.Get<IDeliveryStore>().CountByStatusAsync(InsightLedgers.People(insight.Id), CancellationToken.None));
        Assert.Equal(InsightStatus.Scheduled, (await StoredAsync())!.Status);

        SetTime(SendTime);
        await PassesAsync(_scenario.Host.Services);
        Assert.Single(_scenario.SentTo(BotScenario.CustomerWinsChannel));
        Assert.Equal(1, InsightCardsToRuth());
        Assert.Equal(InsightStatus.Sent, (await StoredAsync())!.Status);
        Assert.True((await question.GetAsync(insight.QuestionId!, CancellationToken.None))!.Active);

        await _scenario.RestartAsync();
        SetTime(SendTime.AddMinutes(5));
        await PassesAsync(_scenario.Host.Services);

        Assert.Single(_scenario.SentTo(BotScenario.CustomerWinsChannel));
        Assert.Equal(1, InsightCardsToRuth());
        Assert.Equal(1, (await _scenario.Get<IDeliveryStore>().CountByStatusAsync(InsightLedgers.People(insight.Id), CancellationToken.None))[DeliveryStatus.Sent]);
    }

    [Fact]
    public async Task Scheduled_TwoInstancesAtItsTime_SendItOnce()
    {
        await ScheduleAsync();
        await using var second = await _scenario.StartInstanceAsync();

        SetTime(SendTime);
        await PassesAsync([_scenario.Host.Services, second.Services]);
        await PassesAsync([second.Services, _scenario.Host.Services]);

        Assert.Single(_scenario.SentTo(BotScenario.CustomerWinsChannel));
        Assert.Equal(1, InsightCardsToRuth());
    }

    [Fact]
    public async Task Scheduled_CancelledBeforeItsTime_NeverGoesOut_AndLeavesTheList()
    {
        await ScheduleAsync();
        var insight = (await StoredAsync())!;
        var press = new JsonObject { ["insightId"] = insight.Id };
        var reach = await _scenario.ExecuteForCardAsync(Person.Hassan, InsightManagement.ReachVerb, press);
        Assert.Contains("Status: Scheduled for Tuesday 14 July 2026 at 09:00 (Europe/London)", CardJson.AllText(reach), StringComparison.Ordinal);
        Assert.Contains("For: Leadership (team) · Service Desk › Customer Wins", CardJson.AllText(reach), StringComparison.Ordinal);
        Assert.Contains(InsightManagement.CancelVerb, CardJson.Verbs(reach));
        Assert.DoesNotContain(InsightManagement.RecallVerb, CardJson.Verbs(reach));

        var cancelled = await _scenario.ExecuteForCardAsync(Person.Hassan, InsightManagement.CancelVerb, (JsonObject)press.DeepClone());

        Assert.Contains("Cancelled: it will not go out.", CardJson.AllText(cancelled), StringComparison.Ordinal);
        Assert.Equal(InsightStatus.Cancelled, (await StoredAsync())!.Status);
        SetTime(SendTime.AddHours(1));
        await PassesAsync(_scenario.Host.Services);
        Assert.Empty(_scenario.SentTo(BotScenario.CustomerWinsChannel));
        Assert.Equal(0, InsightCardsToRuth());
        Assert.Empty(await _scenario.Get<IDeliveryStore>().CountByStatusAsync(InsightLedgers.People(insight.Id), CancellationToken.None));
        await _scenario.SayAsync(Person.Ruth, "insights");
        Assert.DoesNotContain(Title, CardJson.AllText(_scenario.LastCardTo(Person.Ruth)), StringComparison.Ordinal);
        var again = await _scenario.ExecuteAsync(Person.Ruth, InsightManagement.CancelVerb, (JsonObject)press.DeepClone());
        Assert.Contains("was cancelled", again.GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> BadTimes() => new()
    {
        { "in the past", "2026-07-13", "12:59", "That time has passed: it is Monday 13 July 2026 at 13:00 (Europe/London) now." },
        { "date without time", "2026-07-14", "", "To send it later, give both the date and the time" },
        { "time without date", "", "09:00", "To send it later, give both the date and the time" },
        { "not a date", "14/07/2026", "09:00", "Send date: please pick a date from the calendar" },
        { "more than a year ahead", "2027-08-01", "09:00", "Insights can be scheduled up to a year ahead" },
        { "skipped by the clocks going forward", "2027-03-28", "01:30", "does not happen in Europe/London: the clocks go forward then" },
    };

    [Theory]
    [MemberData(nameof(BadTimes))]
    public async Task Schedule_BadTime_IsRefusedWithTheFormAsTyped_AndStoresNothing(string why, string date, string time, string expected)
    {
        SetTime(Monday); // the message names the time now, to the minute
        var card = await ScheduleAsync(date, time);

        Assert.True(card.Text.Contains(expected, StringComparison.Ordinal), $"{why}: expected \"{expected}\" in:\n{card.Text}");
        Assert.Contains(InsightFormCard.Title, card.Text, StringComparison.Ordinal);
        if (date.Length > 0)
            Assert.Equal(date, CardJson.Input(card.Card, InsightForm.SendDateId).GetProperty("value").GetString());
        Assert.Equal(BotScenario.LeadershipTeam, CardJson.Input(card.Card, InsightForm.TeamsId).GetProperty("value").GetString());
        Assert.Null(await StoredAsync());
    }

    /// <summary>A card answered to a button, with its text as a person reads it.</summary>
    private sealed record AnsweredCard(System.Text.Json.JsonElement Card)
    {
        public string Text { get; } = CardJson.AllText(Card);
    }
}

public sealed class SqliteInsightScheduleTests(AzuriteFixture azurite) : InsightScheduleTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteInsightScheduleTests(AzuriteFixture azurite) : InsightScheduleTests(StorageKind.Azurite, azurite);
