using System.Text.Json.Nodes;
using FocusBot.Commands;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Roster;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roster;
using FocusBot.Recognitions;
using FocusBot.Roles;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Recognitions;

/// <summary>Executive recognition end to end through POST /api/messages, run on SQLite and on Azurite.</summary>
public abstract class RecognitionFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private BotScenario _scenario = null!;

    protected BotScenario Scenario => _scenario;

    public async ValueTask InitializeAsync() => _scenario = await BotScenario.StartAsync(storage, azurite);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    private IRecognitionStore Recognitions => Scenario.Get<IRecognitionStore>();

    private Task<IReadOnlyList<Recognition>> StoredAsync() => Recognitions.ListRecentAsync(BotScenario.TenantId, 10, CancellationToken.None);

    private static JsonObject Form(Person who, string behaviour = "Owning the problem", string? channel = BotScenario.CustomerWinsChannel,
        string story = "Megan stayed on a call until the customer's line was back up, then rang them the next morning to check.") => new()
        {
            [RecognitionForm.PersonId] = who.AadObjectId,
            [RecognitionForm.BehaviourId] = behaviour,
            [RecognitionForm.StoryId] = story,
            [RecognitionForm.ChannelId] = channel ?? string.Empty,
        };

    [Fact]
    public async Task Recognize_TypedByExecutive_SendsTheFormWithPeopleBehavioursAndChannels()
    {
        await Scenario.SayAsync(Person.Ruth, "recognize");

        var form = Scenario.LastCardTo(Person.Ruth);
        var people = CardJson.Choices(form, RecognitionForm.PersonId);
        Assert.Contains(("Megan Bowen", Person.Megan.AadObjectId), people);
        Assert.Contains(("Lee Wong", Person.Lee.AadObjectId), people);
        Assert.DoesNotContain(people, p => p.Value == Person.Ruth.AadObjectId); // not herself
        var picker = CardJson.Input(form, RecognitionForm.PersonId);
        Assert.Equal("filtered", picker.GetProperty("style").GetString());
        Assert.Equal("graph.microsoft.com/users", picker.GetProperty("choices.data").GetProperty("dataset").GetString());
        Assert.Equal(RecognitionOptions.DefaultBehaviours, CardJson.Choices(form, RecognitionForm.BehaviourId).Select(c => c.Title));
        Assert.Contains(("Service Desk › Customer Wins", BotScenario.CustomerWinsChannel), CardJson.Choices(form, RecognitionForm.ChannelId));
    }

    [Fact]
    public async Task Recognize_AfterFocusBotJoinsANewTeam_OffersThatTeamsMembersRightAway()
    {
        const string team = "19:team-field-service@thread.tacv2";
        Scenario.Connector.AddTeam(team, [team], [new SimulatedMember("29:1nia-patel") { Name = "Nia Patel", AadObjectId = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b08" }]);
        await Scenario.InstallInTeamAsync(team, "Field Service", team, "General");

        await Scenario.SayAsync(Person.Ruth, "recognize");

        Assert.Contains(("Nia Patel", "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b08"), CardJson.Choices(Scenario.LastCardTo(Person.Ruth), RecognitionForm.PersonId));
        var stored = await Scenario.Get<IRosterStore>().ListTeamMembersAsync(BotScenario.TenantId, team, CancellationToken.None).ToListAsync();
        Assert.Equal("29:1nia-patel", Assert.Single(stored).UserId); // kept, so Teams is asked once
    }

    [Fact]
    public async Task PostRecognition_PostsInTheChannelMentioningThePerson_StoresIt_AndMessagesThemPersonally()
    {
        var confirmation = await Scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.PostVerb, Form(Person.Megan));

        Assert.Contains(RecognizeCommand.PostedTitle, CardJson.AllText(confirmation), StringComparison.Ordinal);
        var post = Assert.Single(Scenario.SentTo(BotScenario.CustomerWinsChannel));
        var card = CardJson.Of(post);
        Assert.Contains("<at>Megan Bowen</at> is recognised for **Owning the problem**", CardJson.AllText(card), StringComparison.Ordinal);
        var mention = card.GetProperty("msteams").GetProperty("entities")[0];
        Assert.Equal("mention", mention.GetProperty("type").GetString());
        Assert.Equal("<at>Megan Bowen</at>", mention.GetProperty("text").GetString());
        Assert.Equal(Person.Megan.UserId, mention.GetProperty("mentioned").GetProperty("id").GetString());

        var stored = Assert.Single(await StoredAsync());
        Assert.Equal((Person.Megan.UserId, "Megan Bowen", Person.Ruth.AadObjectId, "Owning the problem"),
            (stored.RecipientUserId, stored.RecipientName, stored.AuthorAadObjectId, stored.Behaviour));
        Assert.Equal((BotScenario.ServiceDeskTeam, BotScenario.CustomerWinsChannel, post.ActivityId), (stored.TeamId, stored.ChannelId, stored.ActivityId));

        var personal = await Scenario.WaitForCardAsync(Person.Megan.Chat, "You have been recognised");
        Assert.Contains("Ruth Okafor recognised you for **Owning the problem** in Service Desk › Customer Wins.", CardJson.AllText(personal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostRecognition_OfATeamMemberWithoutAChat_ReachesThemThroughANewPersonalChat()
    {
        await Scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.PostVerb, Form(Person.Lee, "Going the extra mile"));

        await Scenario.WaitForCardAsync(ConversationIds.Personal(BotScenario.TenantId, Person.Lee.UserId), "You have been recognised");
        Assert.Contains(Scenario.Connector.CreatedConversations, c => c.UserId == Person.Lee.UserId);
    }

    [Fact]
    public async Task PostRecognition_OfYourself_IsRefusedAndNothingIsPosted()
    {
        var card = await Scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.PostVerb, Form(Person.Ruth));

        Assert.Contains("You cannot recognise yourself.", CardJson.AllText(card), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
        Assert.Empty(Scenario.SentTo(BotScenario.CustomerWinsChannel));
    }

    public static TheoryData<string, string, string> MalformedForms() => new()
    {
        { "no person", """{"person": ""}""", "Choose the person you are recognising." },
        { "unknown person", """{"person": "11111111-2222-4333-8444-555555555555"}""", "FocusBot cannot reach that person yet" },
        { "unknown behaviour", """{"behaviour": "Being loud"}""", "Customer-focus behaviour: please choose one of the options offered." },
        { "no story", """{"story": ""}""", "The story is required." },
        { "over-long story", "{\"story\": \"" + new string('s', 1001) + "\"}", "The story is 1001 characters long; please keep it to 1000." },
        { "unknown team", """{"channel": "19:gone@thread.tacv2"}""", "FocusBot is not installed in that team channel" },
        { "no channel", """{"channel": ""}""", "Choose the team channel to post the recognition in." },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task PostRecognition_Malformed_ShowsTheFormAgainWithAClearMessage_AndStoresNothing(string why, string change, string expected)
    {
        var form = Form(Person.Megan);
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
            form[key] = value?.DeepClone();

        var card = await Scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.PostVerb, form);

        var text = CardJson.AllText(card);
        Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{why}: expected \"{expected}\" in:\n{text}");
        Assert.Contains(RecognitionFormCard.Title, text, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
        Assert.Empty(Scenario.SentTo(BotScenario.CustomerWinsChannel));
        Assert.Empty(Scenario.SentTo(Person.Megan.Chat));
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("HR")]
    [InlineData("Admin")]
    public async Task PostRecognition_ByNonExecutive_IsRefusedWithTheRoleNeeded_AndStoresNothing(string role)
    {
        var person = role switch { "Staff" => Person.Sam, "HR" => Person.Hassan, _ => Person.Ada };

        var card = await Scenario.ExecuteForCardAsync(person, RecognizeCommand.PostVerb, Form(Person.Megan));

        Assert.Equal(RefusalCard.Create(CommandCatalog.Recognize).ToJsonElement().GetRawText(), card.GetRawText());
        Assert.Contains("Executive", CardJson.AllText(card), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
        Assert.Empty(Scenario.SentTo(BotScenario.CustomerWinsChannel));
    }

    [Fact]
    public async Task Search_ByPartOfAName_OffersOnlyThoseAndChoosesASingleMatch()
    {
        var form = Form(Person.Megan);
        form[RecognitionForm.PersonId] = "";
        form[RecognitionForm.SearchId] = "wong";

        var card = await Scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.SearchVerb, form);

        Assert.Equal([("Lee Wong", Person.Lee.AadObjectId)], CardJson.Choices(card, RecognitionForm.PersonId));
        Assert.Equal(Person.Lee.AadObjectId, CardJson.Input(card, RecognitionForm.PersonId).GetProperty("value").GetString());
        Assert.Equal(form[RecognitionForm.StoryId]!.GetValue<string>(), CardJson.Input(card, RecognitionForm.StoryId).GetProperty("value").GetString());
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Applause_CountsOncePerPerson_NotByTheRecognisedPerson_AndUpdatesTheChannelCard()
    {
        await Scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.PostVerb, Form(Person.Megan));
        var recognition = Assert.Single(await StoredAsync());
        JsonObject Press() => new() { ["recognitionId"] = recognition.Id };

        var first = await Scenario.ExecuteForCardAsync(Person.Sam, ApplauseHandler.ApplaudVerb, Press(), BotScenario.CustomerWinsChannel);
        var again = await Scenario.ExecuteForCardAsync(Person.Sam, ApplauseHandler.ApplaudVerb, Press(), BotScenario.CustomerWinsChannel);
        var own = await Scenario.ExecuteAsync(Person.Megan, ApplauseHandler.ApplaudVerb, Press(), BotScenario.CustomerWinsChannel);
        await Scenario.ExecuteForCardAsync(Person.Lee, ApplauseHandler.ApplaudVerb, Press(), BotScenario.CustomerWinsChannel);

        Assert.Contains("You applauded. Thank you!", CardJson.AllText(first), StringComparison.Ordinal);
        Assert.Contains("👏 1 applause", CardJson.AllText(first), StringComparison.Ordinal);
        Assert.Contains("You have already applauded this one.", CardJson.AllText(again), StringComparison.Ordinal);
        Assert.Equal(ApplauseHandler.OwnRecognition, own.GetProperty("value").GetString());
        Assert.Equal(2, (await Recognitions.GetAsync(recognition.Id, CancellationToken.None))!.ApplauseCount);

        var updates = Scenario.SentTo(BotScenario.CustomerWinsChannel).Where(s => s.Operation == ConnectorOperation.Update).ToList();
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.Equal(recognition.ActivityId, u.ActivityId));
        Assert.Contains("👏 2 applause", CardJson.AllText(CardJson.Of(updates[^1])), StringComparison.Ordinal);
        Assert.Contains(ApplauseHandler.ApplaudVerb, CardJson.Verbs(CardJson.Of(updates[^1]))); // everyone else can still applaud
    }

    [Fact]
    public async Task Recognitions_ShowRecentOnesAndThisAndLastMonthsCountPerBehaviour()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, london);
        var monthStart = new DateTimeOffset(new DateTime(now.Year, now.Month, 1), london.GetUtcOffset(new DateTime(now.Year, now.Month, 1)));
        await Recognitions.CreateAsync(new Recognition
        {
            Id = "last-month-1",
            TenantId = BotScenario.TenantId,
            RecipientUserId = Person.Sam.UserId,
            RecipientName = Person.Sam.Name,
            AuthorAadObjectId = Person.Ruth.AadObjectId,
            AuthorName = Person.Ruth.Name,
            Behaviour = "Going the extra mile",
            Story = "Drove the spare part to the customer.",
            TeamId = BotScenario.ServiceDeskTeam,
            ChannelId = BotScenario.CustomerWinsChannel,
            CreatedAt = monthStart.AddDays(-5),
        }, CancellationToken.None);
        await Scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.PostVerb, Form(Person.Megan, "Owning the problem"));
        await Scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.PostVerb, Form(Person.Lee, "Owning the problem"));
        await Scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.PostVerb, Form(Person.Sam, "Listening to customers"));

        await Scenario.SayAsync(Person.Hassan, "recognitions");

        var card = Scenario.LastCardTo(Person.Hassan);
        var table = card.GetProperty("body").EnumerateArray().First(e => e.GetProperty("type").GetString() == "ColumnSet");
        var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("text").GetString()!).ToList()).ToList();
        var rows = columns[0];
        int Count(int column, string behaviour) => int.Parse(columns[column][rows.IndexOf(behaviour)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(now.ToString("MMMM", System.Globalization.CultureInfo.InvariantCulture), columns[1][0]);
        Assert.Equal((2, 1, 0), (Count(1, "Owning the problem"), Count(1, "Listening to customers"), Count(1, "Going the extra mile")));
        Assert.Equal((0, 0, 1), (Count(2, "Owning the problem"), Count(2, "Listening to customers"), Count(2, "Going the extra mile")));
        Assert.Equal(("3", "1"), (columns[1][^1], columns[2][^1]));
        var text = CardJson.AllText(card);
        Assert.Contains("**Sam Carter** · Listening to customers", text, StringComparison.Ordinal);
        Assert.Contains("**Megan Bowen** · Owning the problem", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recognitions_ApplaudFromTheList_AnswersWithTheListAgain()
    {
        await Scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.PostVerb, Form(Person.Megan));
        await Scenario.SayAsync(Person.Sam, "recognitions");
        var applaud = Assert.Single(CardJson.ExecuteActions(Scenario.LastCardTo(Person.Sam)));

        var after = await Scenario.ExecuteForCardAsync(Person.Sam, ApplauseHandler.ApplaudVerb, JsonObject.Create(applaud.GetProperty("data"))!);

        Assert.Contains(RecognitionsCard.Title, CardJson.AllText(after), StringComparison.Ordinal);
        Assert.Contains("👏 1 applause", CardJson.AllText(after), StringComparison.Ordinal);
        Assert.Contains("You applauded. Thank you!", CardJson.AllText(after), StringComparison.Ordinal);
    }
}

public sealed class SqliteRecognitionFlowTests(AzuriteFixture azurite) : RecognitionFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteRecognitionFlowTests(AzuriteFixture azurite) : RecognitionFlowTests(StorageKind.Azurite, azurite);
