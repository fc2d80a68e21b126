using System.Text.Json.Nodes;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roster;
using FocusBot.People;
using FocusBot.Recognitions;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Recognitions;

/// <summary>
/// The recognition form's people picker in a large team: listing, searching and posting find people through the
/// stores' indexes, never by reading the team's whole roster or every personal chat. Run on SQLite and on Azurite.
/// </summary>
public abstract class PeopleLookupTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private const int LargeTeam = 400;

    private readonly CountingStores _reads = new();
    private BotScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await BotScenario.StartAsync(storage, azurite, configureServices: _reads.Install);
        var roster = _scenario.Get<IRosterStore>();
        var members = await roster.ListTeamMembersAsync(BotScenario.TenantId, BotScenario.ServiceDeskTeam, CancellationToken.None).ToListAsync();
        members.AddRange(Enumerable.Range(0, LargeTeam).Select(i => new TeamMember
        {
            TenantId = BotScenario.TenantId,
            TeamId = BotScenario.ServiceDeskTeam,
            UserId = $"29:1agent-{i:D3}",
            AadObjectId = $"00000000-0000-4000-8000-{i:D12}",
            Name = $"Agent{i:D3} Field",
        }));
        members.Add(new TeamMember { TenantId = BotScenario.TenantId, TeamId = BotScenario.ServiceDeskTeam, UserId = "29:1zara-quinn", AadObjectId = ZaraObjectId, Name = "Zara Quinn" });
        await roster.ReplaceTeamRosterAsync(BotScenario.TenantId, BotScenario.ServiceDeskTeam, members, CancellationToken.None);
        _reads.Reset();
    }

    private const string ZaraObjectId = "4d5e6f70-8192-4a3b-9c4d-5e6f708192a3";

    public async ValueTask DisposeAsync()
    {
        await _scenario.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task RecognizeFormSearchAndPost_LargeTeam_FindPeopleWithoutReadingWholeRostersOrEveryChat()
    {
        await _scenario.SayAsync(Person.Ruth, "recognize");
        var form = _scenario.LastCardTo(Person.Ruth);
        var search = await _scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.SearchVerb, new JsonObject { [RecognitionForm.SearchId] = "quin" });
        var posted = await _scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.PostVerb, new JsonObject
        {
            [RecognitionForm.PersonId] = ZaraObjectId,
            [RecognitionForm.BehaviourId] = "Owning the problem",
            [RecognitionForm.StoryId] = "Zara took the escalation home and called the customer back before nine.",
            [RecognitionForm.ChannelId] = BotScenario.CustomerWinsChannel,
        });

        Assert.Equal(PeoplePicker.MaxChoices, CardJson.Choices(form, RecognitionForm.PersonId).Count);
        Assert.Contains($"Showing the first {PeoplePicker.MaxChoices} people by name.", CardJson.AllText(form), StringComparison.Ordinal);
        Assert.Equal([("Zara Quinn", ZaraObjectId)], CardJson.Choices(search, RecognitionForm.PersonId));
        Assert.Contains(RecognizeCommand.PostedTitle, CardJson.AllText(posted), StringComparison.Ordinal);
        var stored = Assert.Single(await _scenario.Get<IRecognitionStore>().ListRecentAsync(BotScenario.TenantId, 5, CancellationToken.None));
        Assert.Equal(("29:1zara-quinn", "Zara Quinn"), (stored.RecipientUserId, stored.RecipientName));
        Assert.Equal(0, _reads.RosterRowsListed);
        Assert.Equal(0, _reads.PersonalChatsListed);
    }

    [Fact]
    public async Task Search_ByAnyWordOfAName_FindsTeamMembersAndPeopleKnownOnlyByTheirChat()
    {
        var picker = _scenario.Get<PeoplePicker>();
        var now = DateTimeOffset.UtcNow;
        await _scenario.Get<IConversationStore>().UpsertAsync(new ConversationRecord
        {
            TenantId = BotScenario.TenantId,
            ConversationId = "a:chat-1nia-patel",
            Kind = ConversationKind.Personal,
            ServiceUrl = _scenario.Connector.BaseUrl,
            BotId = "28:focusbot",
            UserId = "29:1nia-patel",
            UserAadObjectId = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b08",
            UserName = "Nia Patel",
            InstalledAt = now,
            UpdatedAt = now,
        }, CancellationToken.None);

        var bySurname = await picker.SearchAsync(BotScenario.TenantId, "field", 10, CancellationToken.None);
        var chatOnly = await picker.SearchAsync(BotScenario.TenantId, "pat", 10, CancellationToken.None);
        var both = await picker.SearchAsync(BotScenario.TenantId, "okafor", 10, CancellationToken.None);

        Assert.Equal(10, bySurname.Count);
        Assert.All(bySurname, p => Assert.EndsWith(" Field", p.Name, StringComparison.Ordinal));
        Assert.Equal([("Nia Patel", "29:1nia-patel")], chatOnly.Select(p => (p.Name, p.UserId)));
        Assert.Equal(["Ruth Okafor"], both.Select(p => p.Name)); // in a roster and in her chat: listed once
        Assert.Equal("Zara Quinn", (await picker.ResolveAsync(BotScenario.TenantId, ZaraObjectId.ToUpperInvariant(), CancellationToken.None))?.Name);
        Assert.Equal(0, _reads.RosterRowsListed);
        Assert.Equal(0, _reads.PersonalChatsListed);
    }
}

public sealed class SqlitePeopleLookupTests(AzuriteFixture azurite) : PeopleLookupTests(StorageKind.Sqlite, azurite);

public sealed class AzuritePeopleLookupTests(AzuriteFixture azurite) : PeopleLookupTests(StorageKind.Azurite, azurite);
