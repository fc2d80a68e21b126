using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roster;
using FocusBot.Recognitions;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Recognitions;

/// <summary>
/// A colleague recognises a colleague (kudos) end to end through POST /api/messages, on SQLite and on Azurite: in the team
/// channel and from the personal chat, inside the team only, a few times a week, and never mistaken for an executive's
/// recognition. The clock is Wednesday 25 November 2026, noon in London (UTC then), so the week runs to Monday 30 November.
/// </summary>
public abstract class PeerRecognitionFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly ShiftableTimeProvider _clock = new();
    private BotScenario _scenario = null!;

    private BotScenario Scenario => _scenario;

    private IRecognitionStore Recognitions => Scenario.Get<IRecognitionStore>();

    private static CancellationToken None => CancellationToken.None;

    public async ValueTask InitializeAsync()
    {
        SetClock(Wednesday);
        _scenario = await BotScenario.StartAsync(storage, azurite, configureServices: s => s.AddSingleton<TimeProvider>(_clock));
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    private void SetClock(DateTimeOffset now) => _clock.Offset = now - DateTimeOffset.UtcNow;

    private Task<List<Recognition>> StoredAsync() => Recognitions.QueryAsync(new RecognitionQuery { TenantId = BotScenario.TenantId }, None).ToListAsync().AsTask();

    /// <summary>The channel form's data as Teams sends it back: the inputs and the channel the form carries.</summary>
    private static JsonObject Kudos(Person who, string behaviour = "Owning the problem", string channel = BotScenario.CustomerWinsChannel, bool fixedChannel = true,
        string story = "Stayed on the call until the customer's line was back up, then rang them the next morning to check.")
    {
        var data = new JsonObject
        {
            [RecognitionForm.PersonId] = who.AadObjectId,
            [RecognitionForm.BehaviourId] = behaviour,
            [RecognitionForm.StoryId] = story,
            [RecognitionForm.ChannelId] = channel,
        };
        if (fixedChannel)
            data[RecognitionForm.FixedChannelId] = "true";
        return data;
    }

    private Task<JsonElement> PostKudosAsync(Person from, JsonObject data) =>
        Scenario.ExecuteForCardAsync(from, KudosCommand.PostVerb, data, BotScenario.CustomerWinsChannel);

    private static JsonElement HeaderBand(JsonElement card) => card.GetProperty("body")[0];

    [Fact]
    public async Task Kudos_TypedInTheTeamChannel_PostsTheFormThereOfferingTheTeamButNotTheSender()
    {
        await Scenario.SayInChannelAsync(Person.Sam, "kudos");

        var form = Assert.Single(Scenario.CardsIn(BotScenario.CustomerWinsChannel));
        var text = CardJson.AllText(form);
        Assert.Contains(RecognitionFormMode.Peer.Title, text, StringComparison.Ordinal);
        Assert.Contains("Posted in **Service Desk › Customer Wins**", CardJson.Texts(form));
        Assert.Contains("You can recognise 3 more colleagues this week (up to 3 a week).", text, StringComparison.Ordinal);
        var people = CardJson.Choices(form, RecognitionForm.PersonId).Select(c => c.Title).ToList();
        Assert.Equal(["Ada Lindqvist", "Hassan Ali", "Lee Wong", "Megan Bowen"], people); // the Service Desk roster, without Sam; not Ruth
        Assert.Throws<InvalidOperationException>(() => CardJson.Input(form, RecognitionForm.ChannelId)); // the channel is not a choice here
        var post = CardJson.ExecuteActions(form).Single(a => a.GetProperty("verb").GetString() == KudosCommand.PostVerb);
        Assert.Equal(BotScenario.CustomerWinsChannel, post.GetProperty("data").GetProperty(RecognitionForm.ChannelId).GetString());
    }

    [Fact]
    public async Task Kudos_PostedInTheChannel_PostsAColleaguesRecognitionInItsOwnStyle_AndMessagesThemPersonally()
    {
        var confirmation = await PostKudosAsync(Person.Sam, Kudos(Person.Megan));

        Assert.Contains(RecognitionFormFlow.PostedTitle, CardJson.AllText(confirmation), StringComparison.Ordinal);
        Assert.Contains("as a colleague's recognition", CardJson.AllText(confirmation), StringComparison.Ordinal);
        Assert.Contains("You can recognise 2 more colleagues this week.", CardJson.AllText(confirmation), StringComparison.Ordinal);
        var post = Assert.Single(Scenario.SentTo(BotScenario.CustomerWinsChannel), s => s.Operation == ConnectorOperation.Send);
        var card = CardJson.Of(post);
        Assert.Equal("good", HeaderBand(card).GetProperty("style").GetString());
        var text = CardJson.AllText(card);
        Assert.StartsWith("🤝 RECOGNISED BY A COLLEAGUE · CUSTOMER FOCUS", text, StringComparison.Ordinal);
        Assert.DoesNotContain("EXECUTIVE", text, StringComparison.Ordinal);
        Assert.Contains("<at>Megan Bowen</at> is recognised for **Owning the problem**", text, StringComparison.Ordinal);
        Assert.Contains("From Sam Carter, a colleague · 25 November 2026", text, StringComparison.Ordinal);
        Assert.Equal(Person.Megan.UserId, card.GetProperty("msteams").GetProperty("entities")[0].GetProperty("mentioned").GetProperty("id").GetString());

        var stored = Assert.Single(await StoredAsync());
        Assert.Equal((RecognitionKind.Peer, Person.Sam.AadObjectId, Person.Megan.UserId, BotScenario.ServiceDeskTeam, post.ActivityId),
            (stored.Kind, stored.AuthorAadObjectId, stored.RecipientUserId, stored.TeamId, stored.ActivityId));
        var personal = await Scenario.WaitForCardAsync(Person.Megan.Chat, "A colleague recognised you");
        Assert.Contains("Sam Carter recognised you for **Owning the problem** in Service Desk › Customer Wins.", CardJson.AllText(personal), StringComparison.Ordinal);
        Assert.Equal("good", HeaderBand(personal).GetProperty("style").GetString());
    }

    [Fact]
    public async Task Kudos_FromThePersonalChat_OffersOnlyTheChannelsOfTheSendersOwnTeams_AndPostsInTheOneChosen()
    {
        await Scenario.SayAsync(Person.Sam, "kudos");

        var form = Scenario.LastCardTo(Person.Sam);
        Assert.Equal([("Service Desk › Customer Wins", BotScenario.CustomerWinsChannel)], CardJson.Choices(form, RecognitionForm.ChannelId)); // not Leadership
        Assert.DoesNotContain(CardJson.Choices(form, RecognitionForm.PersonId), c => c.Title is "Ruth Okafor" or "Sam Carter");

        await Scenario.ExecuteForCardAsync(Person.Sam, KudosCommand.PostVerb, Kudos(Person.Lee, "Listening to customers", fixedChannel: false));

        var stored = Assert.Single(await StoredAsync());
        Assert.Equal((RecognitionKind.Peer, Person.Lee.UserId, BotScenario.CustomerWinsChannel), (stored.Kind, stored.RecipientUserId, stored.ChannelId));
        Assert.Single(Scenario.SentTo(BotScenario.CustomerWinsChannel), s => s.Operation == ConnectorOperation.Send);
    }

    [Fact]
    public async Task Kudos_FourthInAWeek_IsRefusedWithTheFormKept_UntilMondayInTheTenantsCalendar()
    {
        foreach (var colleague in new[] { Person.Megan, Person.Lee, Person.Hassan })
            await PostKudosAsync(Person.Sam, Kudos(colleague));
        var fourth = Kudos(Person.Ada, "Sharing customer insight", story: "Ada turned three complaints into a fix for the whole region.");

        var refused = await PostKudosAsync(Person.Sam, fourth);

        var text = CardJson.AllText(refused);
        Assert.Contains("You have already recognised 3 colleagues this week, the most one person can (3 a week).", text, StringComparison.Ordinal);
        Assert.Contains("You can recognise again from Monday 30 November", text, StringComparison.Ordinal);
        Assert.Equal(Person.Ada.AadObjectId, CardJson.Input(refused, RecognitionForm.PersonId).GetProperty("value").GetString());
        Assert.Equal("Sharing customer insight", CardJson.Input(refused, RecognitionForm.BehaviourId).GetProperty("value").GetString());
        Assert.Equal("Ada turned three complaints into a fix for the whole region.", CardJson.Input(refused, RecognitionForm.StoryId).GetProperty("value").GetString());
        Assert.Equal(BotScenario.CustomerWinsChannel, CardJson.ExecuteActions(refused).Single(a => a.GetProperty("verb").GetString() == KudosCommand.PostVerb)
            .GetProperty("data").GetProperty(RecognitionForm.ChannelId).GetString());
        Assert.Equal(3, (await StoredAsync()).Count);

        // Sunday evening is still the same week; the form Sam kept is posted on Monday just after midnight.
        SetClock(new DateTimeOffset(2026, 11, 29, 23, 55, 0, TimeSpan.Zero));
        Assert.Contains("You have already recognised 3 colleagues", CardJson.AllText(await PostKudosAsync(Person.Sam, fourth)), StringComparison.Ordinal);
        SetClock(new DateTimeOffset(2026, 11, 30, 0, 5, 0, TimeSpan.Zero));
        var posted = await PostKudosAsync(Person.Sam, fourth);

        Assert.Contains(RecognitionFormFlow.PostedTitle, CardJson.AllText(posted), StringComparison.Ordinal);
        Assert.Equal(4, (await StoredAsync()).Count);
        Assert.Equal(Person.Ada.UserId, (await StoredAsync())[0].RecipientUserId);
    }

    [Fact]
    public async Task Kudos_LimitIsPerPerson_AnotherColleagueCanStillRecogniseThatWeek()
    {
        foreach (var colleague in new[] { Person.Megan, Person.Lee, Person.Hassan })
            await PostKudosAsync(Person.Sam, Kudos(colleague));

        var byMegan = await PostKudosAsync(Person.Megan, Kudos(Person.Sam));

        Assert.Contains(RecognitionFormFlow.PostedTitle, CardJson.AllText(byMegan), StringComparison.Ordinal);
        Assert.Equal(4, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task Kudos_ByAnExecutive_IsNotLimited()
    {
        await Scenario.Get<IRosterStore>().ReplaceTeamRosterAsync(BotScenario.TenantId, BotScenario.LeadershipTeam,
            [.. new[] { Person.Ruth, Person.Megan }.Select(p => new TeamMember { TenantId = BotScenario.TenantId, TeamId = BotScenario.LeadershipTeam, UserId = p.UserId, AadObjectId = p.AadObjectId, Name = p.Name })],
            None);

        for (var i = 0; i < 4; i++)
        {
            var card = await Scenario.ExecuteForCardAsync(Person.Ruth, KudosCommand.PostVerb, Kudos(Person.Megan, channel: BotScenario.LeadershipTeam), BotScenario.LeadershipTeam);
            Assert.Contains(RecognitionFormFlow.PostedTitle, CardJson.AllText(card), StringComparison.Ordinal);
        }

        Assert.Equal(4, (await StoredAsync()).Count(r => r.Kind == RecognitionKind.Peer));
    }

    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "yourself", Person.Sam.AadObjectId, "You cannot recognise yourself." },
        { "someone outside the team", Person.Ruth.AadObjectId, "Ruth Okafor is not a member of Service Desk, where this recognition would be posted." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Kudos_OfYourselfOrOfSomeoneOutsideTheTeam_IsRefusedWithTheFormKept_AndNothingIsPosted(string why, string person, string expected)
    {
        var data = Kudos(Person.Megan);
        data[RecognitionForm.PersonId] = person;

        var card = await PostKudosAsync(Person.Sam, data);

        var text = CardJson.AllText(card);
        Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{why}: expected \"{expected}\" in:\n{text}");
        Assert.Equal(data[RecognitionForm.StoryId]!.GetValue<string>(), CardJson.Input(card, RecognitionForm.StoryId).GetProperty("value").GetString());
        Assert.Empty(await StoredAsync());
        Assert.Empty(Scenario.SentTo(BotScenario.CustomerWinsChannel));
    }

    [Fact]
    public async Task Kudos_ToTheChannelOfATeamTheSenderIsNotIn_IsRefused()
    {
        var card = await PostKudosAsync(Person.Sam, Kudos(Person.Megan, channel: BotScenario.LeadershipTeam));

        Assert.Contains("You can recognise a colleague in a channel of a team you are in", CardJson.AllText(card), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
        Assert.Empty(Scenario.SentTo(BotScenario.LeadershipTeam));
    }

    [Fact]
    public async Task Kudos_SearchInTheChannelForm_FindsOnlyTheTeamsMembers_AndKeepsTheChannel()
    {
        var data = Kudos(Person.Megan);
        data[RecognitionForm.PersonId] = "";
        data[RecognitionForm.SearchId] = "r"; // Ruth Okafor would match, but she is not in Service Desk

        var card = await Scenario.ExecuteForCardAsync(Person.Sam, KudosCommand.SearchVerb, data, BotScenario.CustomerWinsChannel);

        Assert.Empty(CardJson.Choices(card, RecognitionForm.PersonId));
        Assert.Contains("No one in your team has a name starting with \"r\".", CardJson.AllText(card), StringComparison.Ordinal);
        Assert.Contains("Posted in **Service Desk › Customer Wins**", CardJson.Texts(card));

        data[RecognitionForm.SearchId] = "wong";
        var found = await Scenario.ExecuteForCardAsync(Person.Sam, KudosCommand.SearchVerb, data, BotScenario.CustomerWinsChannel);
        Assert.Equal([("Lee Wong", Person.Lee.AadObjectId)], CardJson.Choices(found, RecognitionForm.PersonId));
    }

    [Fact]
    public async Task ExecutiveRecognition_BesideAColleagues_StaysVisiblyDistinct_InTheChannelThePersonalMessageAndTheList()
    {
        await Scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.PostVerb, new JsonObject
        {
            [RecognitionForm.PersonId] = Person.Megan.AadObjectId,
            [RecognitionForm.BehaviourId] = "Going the extra mile",
            [RecognitionForm.StoryId] = "Drove the spare part to the customer herself.",
            [RecognitionForm.ChannelId] = BotScenario.CustomerWinsChannel,
        });
        await PostKudosAsync(Person.Sam, Kudos(Person.Megan));

        var posts = Scenario.SentTo(BotScenario.CustomerWinsChannel).Where(s => s.Operation == ConnectorOperation.Send).Select(CardJson.Of).ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(("accent", "good"), (HeaderBand(posts[0]).GetProperty("style").GetString(), HeaderBand(posts[1]).GetProperty("style").GetString()));
        Assert.StartsWith("🏆 EXECUTIVE RECOGNITION · CUSTOMER FOCUS", CardJson.AllText(posts[0]), StringComparison.Ordinal);
        Assert.Contains("From Ruth Okafor, Executive · 25 November 2026", CardJson.AllText(posts[0]), StringComparison.Ordinal);
        Assert.StartsWith("🤝 RECOGNISED BY A COLLEAGUE · CUSTOMER FOCUS", CardJson.AllText(posts[1]), StringComparison.Ordinal);
        Assert.Equal(
            [(RecognitionKind.Peer, Person.Sam.AadObjectId), (RecognitionKind.Executive, Person.Ruth.AadObjectId)],
            (await StoredAsync()).Select(r => (r.Kind, r.AuthorAadObjectId)));
        await Scenario.WaitForCardAsync(Person.Megan.Chat, "🏆 You have been recognised");
        await Scenario.WaitForCardAsync(Person.Megan.Chat, "🤝 A colleague recognised you");

        await Scenario.SayAsync(Person.Lee, "recognitions");

        var list = CardJson.Texts(Scenario.LastCardTo(Person.Lee));
        var latest = list.SkipWhile(t => t != "Latest").ToList();
        Assert.Equal(["🤝 Recognised by a colleague", "🏆 Executive recognition"], latest.Where(t => t.StartsWith("🤝", StringComparison.Ordinal) || t.StartsWith("🏆", StringComparison.Ordinal)));
    }
}

public sealed class SqlitePeerRecognitionFlowTests(AzuriteFixture azurite) : PeerRecognitionFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzuritePeerRecognitionFlowTests(AzuriteFixture azurite) : PeerRecognitionFlowTests(StorageKind.Azurite, azurite);

/// <summary>Recognition:PeerLimitPerWeek sets the limit the form counts against and says.</summary>
public sealed class PeerLimitSettingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Kudos_LimitSetToOne_RefusesTheSecondThatWeek()
    {
        await using var scenario = await BotScenario.StartAsync(StorageKind.Sqlite, azurite, new Dictionary<string, string?> { ["Recognition:PeerLimitPerWeek"] = "1" });
        JsonObject Form(Person who) => new()
        {
            [RecognitionForm.PersonId] = who.AadObjectId,
            [RecognitionForm.BehaviourId] = "Owning the problem",
            [RecognitionForm.StoryId] = "Called the customer back the same afternoon.",
            [RecognitionForm.ChannelId] = BotScenario.CustomerWinsChannel,
        };

        var first = await scenario.ExecuteForCardAsync(Person.Sam, KudosCommand.PostVerb, Form(Person.Megan));
        var second = await scenario.ExecuteForCardAsync(Person.Sam, KudosCommand.PostVerb, Form(Person.Lee));

        Assert.Contains("That was your last recognition of a colleague this week.", CardJson.AllText(first), StringComparison.Ordinal);
        Assert.Contains("You have already recognised 1 colleague this week, the most one person can (1 a week).", CardJson.AllText(second), StringComparison.Ordinal);
        Assert.Single(await scenario.Get<IRecognitionStore>().ListRecentAsync(BotScenario.TenantId, 5, CancellationToken.None));
    }
}
