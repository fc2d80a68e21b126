using System.Text.Json.Nodes;
using FocusBot.Commands;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Questions;
using FocusBot.Insights;
using FocusBot.Roles;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Insights;

/// <summary>Customer insights end to end through POST /api/messages, run on SQLite and on Azurite.</summary>
public abstract class InsightFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private BotScenario _scenario = null!;

    protected BotScenario Scenario => _scenario;

    public async ValueTask InitializeAsync() => _scenario = await BotScenario.StartAsync(storage, azurite);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    private IInsightStore Insights => Scenario.Get<IInsightStore>();

    private Task<IReadOnlyList<Insight>> StoredAsync() => Insights.ListLatestAsync(BotScenario.TenantId, 10, CancellationToken.None);

    [Fact]
    public async Task Insight_TypedByExecutive_SendsTheFormOfferingInstalledChannelsAndAllStaff()
    {
        await Scenario.SayAsync(Person.Ruth, "insight");

        var form = Scenario.LastCardTo(Person.Ruth);
        Assert.Contains(InsightFormCard.Title, CardJson.AllText(form), StringComparison.Ordinal);
        var channels = CardJson.Choices(form, InsightForm.ChannelId);
        Assert.Contains(("Service Desk › Customer Wins", BotScenario.CustomerWinsChannel), channels);
        Assert.Contains(("Leadership › General", BotScenario.LeadershipTeam), channels);
        Assert.Equal("Input.Toggle", CardJson.Input(form, InsightForm.AllStaffId).GetProperty("type").GetString());
        Assert.Equal(["Customer quote", "Complaint trend", "KPI", "Customer visit", "Other"], CardJson.Choices(form, InsightForm.SourceId).Select(c => c.Title));
        Assert.Equal(InsightForm.MaxTitle, CardJson.Input(form, InsightForm.TitleId).GetProperty("maxLength").GetInt32());
        Assert.Contains(InsightCommand.PostVerb, CardJson.Verbs(form));
    }

    [Fact]
    public async Task PostInsight_ToChannelAndAllStaff_PostsInChannelReachesEveryoneAndAddsTheKnowledgeCheck()
    {
        var confirmation = await Scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb, InsightForms.WithQuestion(InsightForms.Valid()));

        var confirmationText = CardJson.AllText(confirmation);
        Assert.Contains(InsightReachCard.PostedTitle, confirmationText, StringComparison.Ordinal);
        Assert.Contains("Posted in Service Desk › Customer Wins.", confirmationText, StringComparison.Ordinal);
        Assert.Contains("Sending to 6 people", confirmationText, StringComparison.Ordinal);
        Assert.Contains("joins the next weekly pulse", confirmationText, StringComparison.Ordinal);

        var insight = Assert.Single(await StoredAsync());
        Assert.Equal("Callbacks take too long", insight.Title);
        Assert.Equal("KPI: November account reviews", insight.Source);
        Assert.Equal(("Callback within 24 h", "61%", "Worsening"), (insight.KpiName, insight.KpiValue, insight.KpiTrend));
        Assert.Equal(Person.Ruth.AadObjectId, insight.AuthorAadObjectId);
        Assert.Equal("Ruth Okafor", insight.AuthorName);
        Assert.Equal((BotScenario.ServiceDeskTeam, BotScenario.CustomerWinsChannel, true), (insight.AudienceTeamId, insight.AudienceChannelId, insight.AllStaff));

        var channelCard = await Scenario.WaitForCardAsync(BotScenario.CustomerWinsChannel, "Callbacks take too long");
        Assert.Contains(InsightCommand.GotItVerb, CardJson.Verbs(channelCard));
        Assert.Contains("Callback within 24 h: 61% · Worsening", CardJson.AllText(channelCard), StringComparison.Ordinal);

        var question = await Scenario.Get<IQuestionStore>().GetAsync(insight.QuestionId!, CancellationToken.None);
        Assert.NotNull(question);
        Assert.Equal((QuestionDimension.Knowledge, QuestionKind.Quiz, true, insight.Id), (question.Dimension, question.Kind, question.Active, question.InsightId));
        Assert.Equal(["Nine in ten", "About six in ten", "One in ten"], question.Options);
        Assert.Equal(1, question.CorrectOption);

        // Everyone FocusBot can reach gets it in their personal chat, Lee (a team member who never opened the chat) included.
        foreach (var person in Person.Everyone)
        {
            var chat = person == Person.Lee ? ConversationIds.Personal(BotScenario.TenantId, person.UserId) : person.Chat;
            var card = await Scenario.WaitForCardAsync(chat, "Callbacks take too long");
            Assert.Contains(InsightCommand.GotItVerb, CardJson.Verbs(card));
        }

        var ledger = Scenario.Get<IDeliveryStore>();
        var counts = await ledger.CountByStatusAsync(InsightContent.LedgerOf(insight.Id), CancellationToken.None);
        Assert.Equal(6, counts.Values.Sum());
    }

    [Fact]
    public async Task OpenLedgers_AreThoseOfRecentAllStaffInsights_SoTheSenderResumesThemAfterARestart()
    {
        await Scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb, InsightForms.Valid(allStaff: true));
        await Scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb, InsightForms.Valid(allStaff: false));
        var old = (await StoredAsync()).First(i => i.AllStaff) with { Id = "older-than-a-week", CreatedAt = DateTimeOffset.UtcNow.AddDays(-8) };
        await Insights.CreateAsync(old, CancellationToken.None);
        var content = Scenario.Get<IEnumerable<FocusBot.Proactive.IDeliveryContent>>().Single(c => c.Kind == InsightContent.LedgerKind);

        var open = await content.ListOpenLedgersAsync(CancellationToken.None).ToListAsync();

        var recent = (await StoredAsync()).Single(i => i.AllStaff && i.Id != old.Id);
        Assert.Equal([InsightContent.LedgerOf(recent.Id)], open);
    }

    [Fact]
    public async Task PostInsight_ByHrToChannelOnly_PostsInChannelAndQueuesNoOne()
    {
        var confirmation = await Scenario.ExecuteForCardAsync(Person.Hassan, InsightCommand.PostVerb, InsightForms.Valid(allStaff: false));

        Assert.Contains(InsightReachCard.PostedTitle, CardJson.AllText(confirmation), StringComparison.Ordinal);
        await Scenario.WaitForCardAsync(BotScenario.CustomerWinsChannel, "Callbacks take too long");
        var insight = Assert.Single(await StoredAsync());
        Assert.False(insight.AllStaff);
        Assert.Null(insight.QuestionId);
        Assert.Empty(await Scenario.Get<IDeliveryStore>().CountByStatusAsync(InsightContent.LedgerOf(insight.Id), CancellationToken.None));
    }

    [Fact]
    public async Task GotIt_PressedTwiceBySamePerson_CountsOncePerPerson_AndTheAuthorSeesTheReach()
    {
        await Scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb, InsightForms.Valid(allStaff: false));
        var insight = Assert.Single(await StoredAsync());
        var press = new JsonObject { ["insightId"] = insight.Id };

        var first = await Scenario.ExecuteForCardAsync(Person.Sam, InsightCommand.GotItVerb, press.DeepClone().AsObject(), BotScenario.CustomerWinsChannel);
        var second = await Scenario.ExecuteForCardAsync(Person.Sam, InsightCommand.GotItVerb, press.DeepClone().AsObject(), BotScenario.CustomerWinsChannel);
        await Scenario.ExecuteForCardAsync(Person.Megan, InsightCommand.GotItVerb, press.DeepClone().AsObject(), BotScenario.CustomerWinsChannel);

        Assert.Contains("Got it. Thank you for reading.", CardJson.AllText(first), StringComparison.Ordinal);
        Assert.DoesNotContain(InsightCommand.GotItVerb, CardJson.Verbs(first));
        Assert.Contains("You already said you got this one.", CardJson.AllText(second), StringComparison.Ordinal);
        Assert.Equal(2, (await Insights.GetAsync(insight.Id, CancellationToken.None))!.GotItCount);

        var reach = await Scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.ReachVerb, press.DeepClone().AsObject());
        Assert.Contains("Got it: 2 people", CardJson.AllText(reach), StringComparison.Ordinal);

        await Scenario.SayAsync(Person.Ruth, "insights");
        Assert.Contains("Your insight: 2 people have said got it.", CardJson.AllText(Scenario.LastCardTo(Person.Ruth)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reach_PressedByStaff_IsRefusedWithTheRoleNeeded()
    {
        await Scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb, InsightForms.Valid(allStaff: false));
        var insight = Assert.Single(await StoredAsync());

        var card = await Scenario.ExecuteForCardAsync(Person.Sam, InsightCommand.ReachVerb, new JsonObject { ["insightId"] = insight.Id });

        Assert.Equal(RefusalCard.Create(CommandCatalog.Insight).ToJsonElement().GetRawText(), card.GetRawText());
    }

    [Fact]
    public async Task Insights_TypedByStaff_ListsTheLatestWithGotItButNoReach()
    {
        await Scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb, InsightForms.Valid(allStaff: false));

        await Scenario.SayAsync(Person.Sam, "insights");

        var list = Scenario.LastCardTo(Person.Sam);
        var text = CardJson.AllText(list);
        Assert.Contains(InsightListCard.Title, text, StringComparison.Ordinal);
        Assert.Contains("Callbacks take too long", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Your insight", text, StringComparison.Ordinal);
        var gotIt = Assert.Single(CardJson.ExecuteActions(list));
        Assert.Equal(InsightListCard.ListView, gotIt.GetProperty("data").GetProperty("view").GetString());

        var after = await Scenario.ExecuteForCardAsync(Person.Sam, InsightCommand.GotItVerb, JsonObject.Create(gotIt.GetProperty("data"))!);
        Assert.Contains(InsightListCard.Title, CardJson.AllText(after), StringComparison.Ordinal);
        Assert.Contains("Got it. Thank you for reading.", CardJson.AllText(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insights_MentionedInAChannel_AnswersThere()
    {
        await Scenario.SayInChannelAsync(Person.Sam, "insights");

        Assert.Contains(InsightListCard.Title, CardJson.AllText(Scenario.CardsIn(BotScenario.CustomerWinsChannel)[^1]), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> MalformedForms() => new()
    {
        { "missing title", """{"title": ""}""", "Title is required." },
        { "missing body", """{"body": "   "}""", "What the customer said or what the data shows is required." },
        { "unknown team", """{"channel": "19:not-installed@thread.tacv2"}""", "FocusBot is not installed in that team channel" },
        { "over-long title", "{\"title\": \"" + new string('x', 101) + "\"}", "Title is 101 characters long; please keep it to 100." },
        { "over-long body", "{\"body\": \"" + new string('y', 1001) + "\"}", "is 1001 characters long; please keep it to 1000." },
        { "script link", """{"link": "javascript:alert(1)"}""", "The link must be a full https:// address" },
        { "no audience", """{"channel": "", "allStaff": "false"}""", "Choose who should see it" },
        { "unknown source", """{"source": "rumour"}""", "Source: please choose one of the options offered." },
        { "KPI without value", """{"kpiValue": ""}""", "A KPI needs both its name and its value." },
        { "one answer", """{"question": "Which?", "option1": "Only one", "correctOption": "1"}""", "The knowledge check needs at least two answers." },
        { "correct answer empty", """{"question": "Which?", "option1": "A", "option2": "B", "correctOption": "4"}""", "The correct answer is Answer 4, which is empty." },
        { "answers without question", """{"option1": "A", "option2": "B"}""", "has answers but no question" },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task PostInsight_Malformed_ShowsTheFormAgainWithAClearMessage_AndStoresNothing(string why, string change, string expected)
    {
        var form = InsightForms.Valid();
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
            form[key] = value?.DeepClone();

        var card = await Scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb, form);

        var text = CardJson.AllText(card);
        Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{why}: expected \"{expected}\" in:\n{text}");
        Assert.Contains("Nothing was posted yet", text, StringComparison.Ordinal);
        Assert.Contains(InsightFormCard.Title, text, StringComparison.Ordinal); // the form again, with what they typed
        Assert.Empty(await StoredAsync());
        Assert.DoesNotContain(await Scenario.Get<IQuestionStore>().ListAsync(true, CancellationToken.None), q => q.InsightId is not null);
        Assert.Empty(Scenario.SentTo(BotScenario.CustomerWinsChannel));
    }

    [Fact]
    public async Task PostInsight_Malformed_KeepsWhatWasTypedInTheForm()
    {
        var form = InsightForms.With(InsightForms.Valid(), InsightForm.TitleId, "");

        var card = await Scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb, form);

        Assert.Equal(form[InsightForm.BodyId]!.GetValue<string>(), CardJson.Input(card, InsightForm.BodyId).GetProperty("value").GetString());
        Assert.Equal(BotScenario.CustomerWinsChannel, CardJson.Input(card, InsightForm.ChannelId).GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("Admin")]
    public async Task PostInsight_ByPersonWithoutExecutiveOrHr_IsRefusedAndStoresNothing(string role)
    {
        var person = role == "Staff" ? Person.Sam : Person.Ada;

        var card = await Scenario.ExecuteForCardAsync(person, InsightCommand.PostVerb, InsightForms.WithQuestion(InsightForms.Valid()));

        Assert.Equal(RefusalCard.Create(CommandCatalog.Insight).ToJsonElement().GetRawText(), card.GetRawText());
        Assert.Contains("Executive or HR", CardJson.AllText(card), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
        Assert.Empty(Scenario.SentTo(BotScenario.CustomerWinsChannel));
    }

    [Fact]
    public async Task PostInsight_FromAnOlderClientsSubmit_ReplacesTheFormCard()
    {
        await Scenario.SubmitAsync(Person.Ruth, InsightCommand.PostVerb, InsightForms.With(InsightForms.Valid(), InsightForm.TitleId, new string('t', 150)), "1731399999123");

        var update = Assert.Single(Scenario.SentTo(Person.Ruth.Chat));
        Assert.Equal((ConnectorOperation.Update, "1731399999123"), (update.Operation, update.ActivityId));
        Assert.Contains("Title is 150 characters long", CardJson.AllText(CardJson.Of(update)), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());

        await Scenario.SubmitAsync(Person.Ruth, InsightCommand.PostVerb, InsightForms.Valid(allStaff: false), "1731399999123");

        Assert.Contains(InsightReachCard.PostedTitle, CardJson.AllText(CardJson.Of(Scenario.SentTo(Person.Ruth.Chat)[^1])), StringComparison.Ordinal);
        Assert.Single(await StoredAsync());
    }

    [Fact]
    public async Task Insight_TypedInAChannel_PointsToThePersonalChat()
    {
        await Scenario.SayInChannelAsync(Person.Ruth, "insight");

        Assert.Contains("personal chat", Scenario.SentTo(BotScenario.CustomerWinsChannel).Single().Text, StringComparison.Ordinal);
    }
}

public sealed class SqliteInsightFlowTests(AzuriteFixture azurite) : InsightFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteInsightFlowTests(AzuriteFixture azurite) : InsightFlowTests(StorageKind.Azurite, azurite);
