using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FocusBot.Actions;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Trends;
using FocusBot.Roles;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;

namespace FocusBot.Tests.Actions;

/// <summary>Actions ("you said, we did") end to end through POST /api/messages, run on SQLite and on Azurite.</summary>
public abstract class ActionFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Change = "Customers choose the time slot of their callback";

    private BotScenario _scenario = null!;

    private BotScenario Scenario => _scenario;

    public async ValueTask InitializeAsync() => _scenario = await BotScenario.StartAsync(storage, azurite);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    private static string DueIn(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Valid(string? channel = BotScenario.CustomerWinsChannel, bool allStaff = true) => new()
    {
        [ActionForm.ThemeId] = ActionForm.General,
        [ActionForm.ChangeId] = Change,
        [ActionForm.OwnerId] = "Head of Service Desk",
        [ActionForm.DueId] = DueIn(30),
        [ActionForm.StatusId] = nameof(ActionStatus.Planned),
        [ActionForm.ChannelId] = channel ?? string.Empty,
        [ActionForm.AllStaffId] = allStaff ? "true" : "false",
    };

    private Task<IReadOnlyList<ProgrammeAction>> StoredAsync() => Scenario.Get<IActionStore>().ListLatestAsync(BotScenario.TenantId, 0, 10, CancellationToken.None);

    [Fact]
    public async Task Action_TypedByHr_SendsTheFormWithDatePickerStatusesThemesAndChannels()
    {
        await Scenario.SayAsync(Person.Hassan, "action");

        var form = Scenario.LastCardTo(Person.Hassan);
        Assert.Contains(ActionFormCard.Title, CardJson.AllText(form), StringComparison.Ordinal);
        Assert.Equal("Input.Date", CardJson.Input(form, ActionForm.DueId).GetProperty("type").GetString());
        Assert.Equal(["Planned", "In progress", "Done"], CardJson.Choices(form, ActionForm.StatusId).Select(c => c.Title));
        Assert.Contains(("Comments in general", ActionForm.General), CardJson.Choices(form, ActionForm.ThemeId));
        Assert.Contains(("Service Desk › Customer Wins", BotScenario.CustomerWinsChannel), CardJson.Choices(form, ActionForm.ChannelId));
        Assert.Contains("shown to staff", CardJson.AllText(form), StringComparison.Ordinal);
        Assert.Contains(ActionCommand.RecordVerb, CardJson.Verbs(form));
    }

    [Fact]
    public async Task RecordAction_ByHrToChannelAndEveryone_ReachesTheChannelAndEveryPersonalChat()
    {
        var confirmation = await Scenario.ExecuteForCardAsync(Person.Hassan, ActionCommand.RecordVerb, Valid());

        var text = CardJson.AllText(confirmation);
        Assert.Contains(ActionStatusCard.RecordedTitle, text, StringComparison.Ordinal);
        Assert.Contains("Posted in Service Desk › Customer Wins.", text, StringComparison.Ordinal);
        Assert.Contains("Sending to 6 people", text, StringComparison.Ordinal);

        var action = Assert.Single(await StoredAsync());
        Assert.Equal((Change, "Head of Service Desk", ActionStatus.Planned, (string?)null), (action.Change, action.Owner, action.Status, action.Theme));
        Assert.Equal((ActionSponsor.Hr, Person.Hassan.AadObjectId), (action.Sponsor, action.RecordedByAadObjectId));

        var channelCard = await Scenario.WaitForCardAsync(BotScenario.CustomerWinsChannel, Change);
        var channelText = CardJson.AllText(channelCard);
        Assert.Contains(ActionCard.Kicker, channelText, StringComparison.Ordinal);
        Assert.Contains("You said: " + ActionCard.GeneralTheme, channelText, StringComparison.Ordinal);
        Assert.Contains("Head of Service Desk", channelText, StringComparison.Ordinal);
        Assert.Contains("Planned", channelText, StringComparison.Ordinal);
        Assert.Contains("From HR", channelText, StringComparison.Ordinal);
        Assert.DoesNotContain("Hassan", channelText, StringComparison.Ordinal);

        foreach (var person in Person.Everyone)
        {
            var chat = person == Person.Lee ? ConversationIds.Personal(BotScenario.TenantId, person.UserId) : person.Chat;
            var card = await Scenario.WaitForCardAsync(chat, Change);
            Assert.Contains(ActionCard.ThemeText(action), CardJson.AllText(card), StringComparison.Ordinal);
            Assert.Contains(ActionCard.Due(action.DueDate), CardJson.AllText(card), StringComparison.Ordinal);
        }

        Assert.Equal(6, (await Scenario.Get<IDeliveryStore>().CountByStatusAsync(ActionContent.LedgerOf(action), CancellationToken.None)).Values.Sum());
    }

    [Fact]
    public async Task RecordAction_ByExecutive_IsShownFromTheLeadershipTeam()
    {
        await Scenario.ExecuteForCardAsync(Person.Ruth, ActionCommand.RecordVerb, Valid(allStaff: false));

        var card = await Scenario.WaitForCardAsync(BotScenario.CustomerWinsChannel, Change);
        Assert.Contains("From the leadership team", CardJson.AllText(card), StringComparison.Ordinal);
        Assert.DoesNotContain("Ruth", CardJson.AllText(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("Admin")]
    public async Task RecordAction_ByPersonWithoutExecutiveOrHr_IsRefusedAndStoresAndSendsNothing(string role)
    {
        var person = role == "Staff" ? Person.Sam : Person.Ada;

        var card = await Scenario.ExecuteForCardAsync(person, ActionCommand.RecordVerb, Valid());

        Assert.Equal(RefusalCard.Create(CommandCatalog.Action).ToJsonElement().GetRawText(), card.GetRawText());
        Assert.Empty(await StoredAsync());
        await Task.Delay(300);
        Assert.Empty(Scenario.SentTo(BotScenario.CustomerWinsChannel));
        Assert.All(Person.Everyone, p => Assert.Empty(Scenario.SentTo(p.Chat)));
    }

    public static TheoryData<string, string, string> MalformedForms() => new()
    {
        { "empty change", """{"change": "  "}""", "What will change is required." },
        { "not a date", """{"due": "31/01/2027"}""", "Due date: please pick a date from the calendar" },
        { "no date", """{"due": ""}""", "Due date is required" },
        { "past date", """{"due": "2020-01-31"}""", "The due date is in the past" },
        { "over-long owner", "{\"owner\": \"" + new string('o', 81) + "\"}", "Owner is 81 characters long; please keep it to 80." },
        { "unknown status", """{"status": "Abandoned"}""", "Status: please choose one of the options offered." },
        { "theme no longer shown", """{"theme": "slow callbacks"}""", "that phrase is no longer among the current themes" },
        { "no audience", """{"channel": "", "allStaff": "false"}""", "Choose who should hear of it" },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task RecordAction_Malformed_ShowsTheFormAgainWithWhatWasTypedAndWhy_AndStoresNothing(string why, string change, string expected)
    {
        var form = Valid();
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
            form[key] = value?.DeepClone();

        var card = await Scenario.ExecuteForCardAsync(Person.Hassan, ActionCommand.RecordVerb, form);

        var text = CardJson.AllText(card);
        Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{why}: expected \"{expected}\" in:\n{text}");
        Assert.Contains("Nothing was posted yet", text, StringComparison.Ordinal);
        Assert.Contains(ActionFormCard.Title, text, StringComparison.Ordinal);
        foreach (var id in (string[])[ActionForm.ChangeId, ActionForm.OwnerId])
        {
            var typed = CardText.Plain(form[id]!.GetValue<string>(), 2000);
            if (typed.Length > 0)
                Assert.Equal(typed, CardJson.Input(card, id).GetProperty("value").GetString());
        }

        Assert.Empty(await StoredAsync());
        Assert.Empty(Scenario.SentTo(BotScenario.CustomerWinsChannel));
    }

    [Fact]
    public async Task RecordAction_InvalidDate_KeepsTheTypedTextAndTheChosenChannel()
    {
        var form = Valid();
        form[ActionForm.DueId] = "next week";

        var card = await Scenario.ExecuteForCardAsync(Person.Hassan, ActionCommand.RecordVerb, form);

        Assert.Equal(Change, CardJson.Input(card, ActionForm.ChangeId).GetProperty("value").GetString());
        Assert.Equal("Head of Service Desk", CardJson.Input(card, ActionForm.OwnerId).GetProperty("value").GetString());
        Assert.Equal(BotScenario.CustomerWinsChannel, CardJson.Input(card, ActionForm.ChannelId).GetProperty("value").GetString());
        Assert.Equal("next week", CardJson.Input(card, ActionForm.DueId).GetProperty("value").GetString());
    }

    [Fact]
    public async Task ChangeStatus_FromTheList_ShowsInActionsForStaff_AndTellsStaffAgain()
    {
        await Scenario.ExecuteForCardAsync(Person.Hassan, ActionCommand.RecordVerb, Valid());
        var action = Assert.Single(await StoredAsync());
        await Scenario.WaitForCardAsync(Person.Sam.Chat, Change);

        await Scenario.SayAsync(Person.Hassan, "actions");
        var list = Scenario.LastCardTo(Person.Hassan);
        var changeButton = Assert.Single(CardJson.ExecuteActions(list), a => a.GetProperty("verb").GetString() == ActionCommand.EditVerb);
        var edit = await Scenario.ExecuteForCardAsync(Person.Hassan, ActionCommand.EditVerb, JsonObject.Create(changeButton.GetProperty("data"))!);
        var save = Assert.Single(CardJson.ExecuteActions(edit), a => a.GetProperty("verb").GetString() == ActionCommand.StatusVerb);
        var data = JsonObject.Create(save.GetProperty("data"))!;
        data[ActionForm.StatusId] = nameof(ActionStatus.InProgress);
        data[ActionForm.NotifyId] = "true";

        var saved = await Scenario.ExecuteForCardAsync(Person.Hassan, ActionCommand.StatusVerb, data);

        Assert.Contains("Status changed to In progress", CardJson.AllText(saved), StringComparison.Ordinal);
        await Scenario.SayAsync(Person.Sam, "actions");
        var staffList = Scenario.LastCardTo(Person.Sam);
        Assert.Contains(ActionListCard.Title, CardJson.AllText(staffList), StringComparison.Ordinal);
        Assert.Contains("In progress", CardJson.AllText(staffList), StringComparison.Ordinal);
        Assert.DoesNotContain("Planned", CardJson.AllText(staffList), StringComparison.Ordinal);
        Assert.DoesNotContain(ActionCommand.EditVerb, CardJson.Verbs(staffList));
        var update = await Scenario.WaitForCardAsync(Person.Megan.Chat, "UPDATE");
        Assert.Contains("In progress", CardJson.AllText(update), StringComparison.Ordinal);
        await Scenario.WaitForCardAsync(BotScenario.CustomerWinsChannel, "UPDATE");
        Assert.Equal(2, (await Scenario.Get<IActionStore>().GetAsync(BotScenario.TenantId, action.Id, CancellationToken.None))!.Revision);
    }

    [Fact]
    public async Task ChangeStatus_WithoutTellingStaff_SendsNothingNew()
    {
        await Scenario.ExecuteForCardAsync(Person.Hassan, ActionCommand.RecordVerb, Valid(allStaff: false));
        var action = Assert.Single(await StoredAsync());
        await Scenario.WaitForCardAsync(BotScenario.CustomerWinsChannel, Change);
        var before = Scenario.SentTo(BotScenario.CustomerWinsChannel).Count;

        var saved = await Scenario.ExecuteForCardAsync(Person.Hassan, ActionCommand.StatusVerb,
            new JsonObject { ["actionId"] = action.Id, [ActionForm.StatusId] = nameof(ActionStatus.Done), [ActionForm.NotifyId] = "false" });

        Assert.Contains("Staff were not told", CardJson.AllText(saved), StringComparison.Ordinal);
        Assert.Equal(ActionStatus.Done, (await Scenario.Get<IActionStore>().GetAsync(BotScenario.TenantId, action.Id, CancellationToken.None))!.Status);
        await Task.Delay(300);
        Assert.Equal(before, Scenario.SentTo(BotScenario.CustomerWinsChannel).Count);
    }

    [Fact]
    public async Task ChangeStatus_PressedByStaff_IsRefusedAndChangesNothing()
    {
        await Scenario.ExecuteForCardAsync(Person.Hassan, ActionCommand.RecordVerb, Valid(allStaff: false));
        var action = Assert.Single(await StoredAsync());

        var card = await Scenario.ExecuteForCardAsync(Person.Sam, ActionCommand.StatusVerb,
            new JsonObject { ["actionId"] = action.Id, [ActionForm.StatusId] = nameof(ActionStatus.Done), [ActionForm.NotifyId] = "true" });

        Assert.Equal(RefusalCard.Create(CommandCatalog.Action).ToJsonElement().GetRawText(), card.GetRawText());
        Assert.Equal(ActionStatus.Planned, (await Scenario.Get<IActionStore>().GetAsync(BotScenario.TenantId, action.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Actions_MoreThanAPage_NewestFirstWithOlder()
    {
        for (var i = 1; i <= ActionListCard.PageSize + 1; i++)
        {
            var form = Valid(allStaff: false);
            form[ActionForm.ChangeId] = $"Change number {i}";
            await Scenario.ExecuteForCardAsync(Person.Hassan, ActionCommand.RecordVerb, form);
        }

        await Scenario.SayAsync(Person.Sam, "actions");

        var first = Scenario.LastCardTo(Person.Sam);
        Assert.Contains("Change number 6", CardJson.AllText(first), StringComparison.Ordinal);
        Assert.DoesNotContain("Change number 1", CardJson.AllText(first), StringComparison.Ordinal);
        var older = Assert.Single(CardJson.ExecuteActions(first), a => a.GetProperty("verb").GetString() == ActionCommand.PageVerb);
        var second = await Scenario.ExecuteForCardAsync(Person.Sam, ActionCommand.PageVerb, JsonObject.Create(older.GetProperty("data"))!);
        Assert.Contains("Change number 1", CardJson.AllText(second), StringComparison.Ordinal);
        Assert.DoesNotContain("Change number 6", CardJson.AllText(second), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_ListsTheActionWithStatusAndDueDate()
    {
        await Scenario.ExecuteForCardAsync(Person.Hassan, ActionCommand.RecordVerb, Valid(allStaff: false));
        var action = Assert.Single(await StoredAsync());
        var link = Scenario.Get<ReportUrls>().LinkFor(BotScenario.TenantId, Person.Hassan.AadObjectId, Person.Hassan.UserId, TrendSlices.Org, PeriodKind.Week, 12);

        var response = await Scenario.Host.Client.GetAsync(ReportUrls.Relative(ReportUrls.PagePath, Scenario.Get<ReportLinkSigner>().Sign(link)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Actions: you said, we did", html, StringComparison.Ordinal);
        Assert.Contains(Change, html, StringComparison.Ordinal);
        Assert.Contains("Comments in general", html, StringComparison.Ordinal);
        Assert.Contains(action.DueDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains("<td>Planned</td>", html, StringComparison.Ordinal);
    }
}

public sealed class SqliteActionFlowTests(AzuriteFixture azurite) : ActionFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteActionFlowTests(AzuriteFixture azurite) : ActionFlowTests(StorageKind.Azurite, azurite);
