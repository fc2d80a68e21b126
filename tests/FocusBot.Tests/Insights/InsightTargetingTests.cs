using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Insights;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Insights;

/// <summary>
/// An insight for chosen teams (their members, in their personal chats) and chosen channels, through POST /api/messages
/// on SQLite and Azurite. Service Desk has Hassan, Sam, Megan, Lee and Ada; Leadership has Ruth.
/// </summary>
public abstract class InsightTargetingTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Title = "Callbacks take too long";
    private static readonly Person[] ServiceDesk = [Person.Hassan, Person.Sam, Person.Megan, Person.Lee, Person.Ada];

    private BotScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await BotScenario.StartAsync(storage, azurite);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    private static string ChatOf(Person person) => person == Person.Lee ? ConversationIds.Personal(BotScenario.TenantId, person.UserId) : person.Chat;

    private async Task<Insight> OnlyInsightAsync() =>
        Assert.Single(await _scenario.Get<IInsightStore>().ListLatestAsync(BotScenario.TenantId, 10, CancellationToken.None));

    [Fact]
    public async Task Insight_TypedByHr_OffersEveryInstalledTeamAndChannel()
    {
        await _scenario.SayAsync(Person.Hassan, "insight");

        var form = _scenario.LastCardTo(Person.Hassan);
        Assert.Equal([("Leadership", BotScenario.LeadershipTeam), ("Service Desk", BotScenario.ServiceDeskTeam)], CardJson.Choices(form, InsightForm.TeamsId));
        Assert.True(CardJson.Input(form, InsightForm.TeamsId).GetProperty("isMultiSelect").GetBoolean());
        Assert.True(CardJson.Input(form, InsightForm.ChannelId).GetProperty("isMultiSelect").GetBoolean());
        Assert.Equal("Input.Date", CardJson.Input(form, InsightForm.SendDateId).GetProperty("type").GetString());
        Assert.Equal("Input.Time", CardJson.Input(form, InsightForm.SendTimeId).GetProperty("type").GetString());
        Assert.Contains("Times are in your time zone, Europe/London.", CardJson.AllText(form), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostInsight_ToATeam_ReachesItsMembersOnly()
    {
        var confirmation = await _scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb,
            InsightForms.ToTeams(InsightForms.Valid(channel: null), BotScenario.ServiceDeskTeam));

        Assert.Contains("Sending to 5 people in their personal chat", CardJson.AllText(confirmation), StringComparison.Ordinal);
        var insight = await OnlyInsightAsync();
        Assert.Equal([BotScenario.ServiceDeskTeam], insight.TeamIds);
        Assert.False(insight.AllStaff);
        foreach (var member in ServiceDesk)
            await _scenario.WaitForCardAsync(ChatOf(member), Title);

        // Proof that nobody else gets it: the ledger has finished, with one row for each member and no other.
        var counts = await InsightLedgerProof.FinishedAsync(_scenario, InsightLedgers.People(insight.Id));
        Assert.Equal(5, counts[DeliveryStatus.Sent]);
        Assert.Equal(5, counts.Values.Sum());
        Assert.DoesNotContain(_scenario.CardsIn(Person.Ruth.Chat), c => CardJson.AllText(c).Contains(Title, StringComparison.Ordinal));
        Assert.Empty(_scenario.SentTo(BotScenario.CustomerWinsChannel));
    }

    [Fact]
    public async Task PostInsight_ToAChannelOfAnotherTeamAndATeam_PostsThereAndReachesThatTeamsMembers()
    {
        var form = InsightForms.ToTeams(InsightForms.Valid(channel: BotScenario.LeadershipTeam), BotScenario.LeadershipTeam);

        var confirmation = await _scenario.ExecuteForCardAsync(Person.Hassan, InsightCommand.PostVerb, form);

        var text = CardJson.AllText(confirmation);
        Assert.Contains("Posted in Leadership › General.", text, StringComparison.Ordinal);
        Assert.Contains("Sending to 1 person in their personal chat", text, StringComparison.Ordinal);
        var post = Assert.Single(_scenario.SentTo(BotScenario.LeadershipTeam));
        Assert.Contains(Title, CardJson.AllText(CardJson.Of(post)), StringComparison.Ordinal);
        await _scenario.WaitForCardAsync(Person.Ruth.Chat, Title);
        var insight = await OnlyInsightAsync();
        Assert.Equal(1, (await InsightLedgerProof.FinishedAsync(_scenario, InsightLedgers.People(insight.Id))).Values.Sum());
        Assert.Empty(_scenario.SentTo(BotScenario.CustomerWinsChannel));
        // The channel's message is in the ledger with its id, for an edit or a recall later.
        var row = Assert.Single(await _scenario.Get<IDeliveryStore>().ListAsync(InsightLedgers.Channels(insight.Id), null, CancellationToken.None).ToListAsync());
        Assert.Equal((DeliveryStatus.Sent, post.ActivityId, BotScenario.LeadershipTeam), (row.Status, row.ActivityId, row.ConversationId));
    }

    [Fact]
    public async Task PostInsight_ToTwoChannels_PostsInBoth_AndQueuesNoPersonalChat()
    {
        var form = InsightForms.Valid(channel: BotScenario.CustomerWinsChannel + "," + BotScenario.LeadershipTeam, allStaff: false);

        var confirmation = await _scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb, form);

        Assert.Contains("Posted in Service Desk › Customer Wins.", CardJson.AllText(confirmation), StringComparison.Ordinal);
        Assert.Contains("Posted in Leadership › General.", CardJson.AllText(confirmation), StringComparison.Ordinal);
        Assert.Single(_scenario.SentTo(BotScenario.CustomerWinsChannel));
        Assert.Single(_scenario.SentTo(BotScenario.LeadershipTeam));
        var insight = await OnlyInsightAsync();
        Assert.Empty(await _scenario.Get<IDeliveryStore>().CountByStatusAsync(InsightLedgers.People(insight.Id), CancellationToken.None));
    }

    public static TheoryData<string, string, string> UnknownAudiences() => new()
    {
        { "a team FocusBot is not in", InsightForm.TeamsId, "19:team-elsewhere@thread.tacv2" },
        { "one known team and one unknown", InsightForm.TeamsId, BotScenario.LeadershipTeam + ",19:team-elsewhere@thread.tacv2" },
        { "a channel FocusBot is not in", InsightForm.ChannelId, "19:channel-elsewhere@thread.tacv2" },
    };

    [Theory]
    [MemberData(nameof(UnknownAudiences))]
    public async Task PostInsight_ToATeamOrChannelFocusBotIsNotIn_IsRefusedWithTheFormAsTyped(string why, string input, string value)
    {
        var form = InsightForms.Valid(channel: null, allStaff: false);
        form[input] = value;

        var card = await _scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb, form);

        var text = CardJson.AllText(card);
        var expected = input == InsightForm.TeamsId ? "FocusBot is not installed in that team (any more)" : "FocusBot is not installed in that team channel (any more)";
        Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{why}: expected \"{expected}\" in:\n{text}");
        Assert.Contains("Nothing was posted yet", text, StringComparison.Ordinal);
        Assert.Equal(value, CardJson.Input(card, input).GetProperty("value").GetString());
        Assert.Equal(form[InsightForm.BodyId]!.GetValue<string>(), CardJson.Input(card, InsightForm.BodyId).GetProperty("value").GetString());
        Assert.Empty(await _scenario.Get<IInsightStore>().ListLatestAsync(BotScenario.TenantId, 10, CancellationToken.None));
        Assert.All(Person.Everyone, p => Assert.Empty(_scenario.SentTo(p.Chat)));
    }

    [Fact]
    public async Task PostInsight_NoTextAndNoAudience_ListsBothProblemsAndKeepsTheChosenTeams()
    {
        var form = InsightForms.With(InsightForms.Valid(channel: null, allStaff: false), InsightForm.TitleId, "");
        form[InsightForm.BodyId] = "   ";

        var card = await _scenario.ExecuteForCardAsync(Person.Ruth, InsightCommand.PostVerb, form);

        var text = CardJson.AllText(card);
        Assert.Contains("Title is required.", text, StringComparison.Ordinal);
        Assert.Contains("What the customer said or what the data shows is required.", text, StringComparison.Ordinal);
        Assert.Contains("Choose who should see it: everyone, chosen teams, team channels, or a mix.", text, StringComparison.Ordinal);
        Assert.Empty(await _scenario.Get<IInsightStore>().ListLatestAsync(BotScenario.TenantId, 10, CancellationToken.None));
    }
}

public sealed class SqliteInsightTargetingTests(AzuriteFixture azurite) : InsightTargetingTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteInsightTargetingTests(AzuriteFixture azurite) : InsightTargetingTests(StorageKind.Azurite, azurite);
