using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Commands;
using FocusBot.Domain.Programme;
using FocusBot.Programme;
using FocusBot.Roles;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Programme;

/// <summary>Programme events end to end through POST /api/messages, run on SQLite and on Azurite.</summary>
public abstract class EventFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Title = "Customer journey workshop";

    private BotScenario _scenario = null!;

    private BotScenario Scenario => _scenario;

    // Two weeks either side keep the seeded history short: five weeks of pulses, the event in the middle one.
    public async ValueTask InitializeAsync() =>
        _scenario = await BotScenario.StartAsync(storage, azurite, new Dictionary<string, string?> { ["Programme:EventWindowWeeks"] = "2" });

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    private DateOnly Today => DateOnly.FromDateTime(Scenario.Get<TimeProvider>().GetUtcNow().UtcDateTime);

    /// <summary>The Monday <paramref name="weeksAgo"/> weeks before this week's.</summary>
    private DateOnly MondayWeeksAgo(int weeksAgo) => QuizWeeks.MondayWeeksAgo(Scenario, weeksAgo);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private JsonObject Valid(string teams = "") => new()
    {
        [EventForm.KindId] = nameof(ProgrammeEventKind.Workshop),
        [EventForm.TitleId] = Title,
        [EventForm.DateId] = Iso(MondayWeeksAgo(3)),
        [EventForm.TeamsId] = teams,
    };

    private Task<IReadOnlyList<ProgrammeEvent>> StoredAsync() => Scenario.Get<IProgrammeEventStore>().ListLatestAsync(BotScenario.TenantId, 0, 20, CancellationToken.None);

    /// <summary>
    /// Five closed and sealed weekly quizzes (five weeks ago to last week) answered by 12 people in Service Desk and 12
    /// in Leadership: a quarter correct in the two weeks before the event's week, eleven of twelve in the two after.
    /// </summary>
    private Task SeedQuizWeeksAsync() => QuizWeeks.SeedAsync(Scenario, "event", [3, 3, 11, 11, 11]);

    [Fact]
    public async Task Event_TypedByHr_SendsTheFormWithKindsDatePickerAndTeams()
    {
        await Scenario.SayAsync(Person.Hassan, "event");

        var form = Scenario.LastCardTo(Person.Hassan);
        Assert.Contains(EventFormCard.Title, CardJson.AllText(form), StringComparison.Ordinal);
        Assert.Equal("Input.Date", CardJson.Input(form, EventForm.DateId).GetProperty("type").GetString());
        Assert.Equal(["Workshop", "Training", "Customer clinic", "Focus group", "Customer focus team formed", "Policy change"],
            CardJson.Choices(form, EventForm.KindId).Select(c => c.Title));
        Assert.Equal([("Leadership", BotScenario.LeadershipTeam), ("Service Desk", BotScenario.ServiceDeskTeam)], CardJson.Choices(form, EventForm.TeamsId));
        Assert.Contains(EventCommand.RecordVerb, CardJson.Verbs(form));
    }

    [Fact]
    public async Task RecordEvent_ByExecutiveForATeam_IsStoredAndListedWithItsTeam()
    {
        var confirmation = await Scenario.ExecuteForCardAsync(Person.Ruth, EventCommand.RecordVerb, Valid(BotScenario.ServiceDeskTeam));

        Assert.Contains(EventCommand.RecordedTitle, CardJson.AllText(confirmation), StringComparison.Ordinal);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal((ProgrammeEventKind.Workshop, Title, MondayWeeksAgo(3), Person.Ruth.AadObjectId), (stored.Kind, stored.Title, stored.Date, stored.RecordedByAadObjectId));
        Assert.Equal([BotScenario.ServiceDeskTeam], stored.TeamIds);

        await Scenario.SayAsync(Person.Ruth, "events");

        var list = CardJson.AllText(Scenario.LastCardTo(Person.Ruth));
        Assert.Contains(Title, list, StringComparison.Ordinal);
        Assert.Contains("Service Desk", list, StringComparison.Ordinal);
        Assert.Contains(EventsCommand.CompareVerb, CardJson.Verbs(Scenario.LastCardTo(Person.Ruth)));
    }

    public static TheoryData<string, string, string> MalformedForms() => new()
    {
        { "empty title", """{"title": "  "}""", "Title is required." },
        { "over-long title", "{\"title\": \"" + new string('t', 121) + "\"}", "Title is 121 characters long; please keep it to 120." },
        { "not a date", """{"date": "31/01/2027"}""", "Date: please pick a date from the calendar" },
        { "no date", """{"date": ""}""", "Date is required" },
        { "mistyped year", """{"date": "2206-01-31"}""", "check the year" },
        { "unknown kind", """{"kind": "Party"}""", "Kind: please choose one of the options offered." },
        { "team FocusBot is not in", """{"teams": "19:gone@thread.tacv2"}""", "FocusBot is not installed in one of those teams" },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task RecordEvent_Malformed_ShowsTheFormAgainWithWhatWasTypedAndWhy_AndStoresNothing(string why, string change, string expected)
    {
        var form = Valid();
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
            form[key] = value?.DeepClone();

        var card = await Scenario.ExecuteForCardAsync(Person.Hassan, EventCommand.RecordVerb, form);

        var text = CardJson.AllText(card);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains(EventFormCard.Title, text, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
        if (why != "empty title")
            Assert.Equal(CardJson.Input(card, EventForm.TitleId).GetProperty("value").GetString(), why == "over-long title" ? new string('t', 121) : Title);
    }

    [Fact]
    public async Task BeforeAndAfter_OrganisationWideEventWithARiseAfterIt_ShowsAClearRiseOnTheCard()
    {
        await SeedQuizWeeksAsync();
        await Scenario.ExecuteForCardAsync(Person.Hassan, EventCommand.RecordVerb, Valid());
        var stored = Assert.Single(await StoredAsync());

        var card = await Scenario.ExecuteForCardAsync(Person.Hassan, EventsCommand.CompareVerb, new JsonObject { ["eventId"] = stored.Id });

        var text = CardJson.AllText(card);
        Assert.Contains(BeforeAfterCard.Title + ": " + Title, text, StringComparison.Ordinal);
        Assert.Contains("Compares the 2 weeks before", text, StringComparison.Ordinal);
        Assert.Contains("Organisation: 25% → 92% (24 and 24 people; 2 and 2 weeks shown): ▲ up 67 pts, a clear change", text, StringComparison.Ordinal);
        Assert.Contains("Behaviour", text, StringComparison.Ordinal);
        Assert.Contains("Organisation: " + BeforeAfterCard.NotShown, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeAndAfter_TeamEventWithOneOtherTeam_SaysThereIsNoComparisonWithOtherTeams()
    {
        await SeedQuizWeeksAsync();
        await Scenario.ExecuteForCardAsync(Person.Hassan, EventCommand.RecordVerb, Valid(BotScenario.ServiceDeskTeam));
        var stored = Assert.Single(await StoredAsync());

        var text = CardJson.AllText(await Scenario.ExecuteForCardAsync(Person.Hassan, EventsCommand.CompareVerb, new JsonObject { ["eventId"] = stored.Id }));

        Assert.Contains("Teams involved: 25% → 92% (12 and 12 people; 2 and 2 weeks shown): ▲ up 67 pts, a clear change", text, StringComparison.Ordinal);
        Assert.Contains("The other teams: no comparison, fewer than 2 other teams have figures shown on both sides.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeAndAfter_EventThatDoesNotExist_SaysSo()
    {
        var response = await Scenario.ExecuteAsync(Person.Hassan, EventsCommand.CompareVerb, new JsonObject { ["eventId"] = "no-such-event" });

        Assert.Equal(EventsCommand.NoSuchEvent, response.GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("Manager")]
    [InlineData("Admin")]
    public async Task RecordEvent_ByPersonWithoutExecutiveOrHr_IsRefusedAndStoresNothing(string role)
    {
        var person = role switch { "Staff" => Person.Sam, "Manager" => Person.Megan, _ => Person.Ada };

        var card = await Scenario.ExecuteForCardAsync(person, EventCommand.RecordVerb, Valid());

        Assert.Equal(RefusalCard.Create(CommandCatalog.Event).ToJsonElement().GetRawText(), card.GetRawText());
        Assert.Empty(await StoredAsync());
    }
}

public sealed class SqliteEventFlowTests(AzuriteFixture azurite) : EventFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteEventFlowTests(AzuriteFixture azurite) : EventFlowTests(StorageKind.Azurite, azurite);
