using FocusBot.Domain.Conversations;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class ConversationStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private IConversationStore Store => Stores.Get<IConversationStore>();

    [Fact]
    public async Task GetAsync_AfterUpsert_ReturnsEveryField()
    {
        var personal = TestData.Personal("29:user-1", "a:conv-1");

        await Store.UpsertAsync(personal, Token);

        Assert.Equal(personal, await Store.GetAsync(TestData.Tenant, "a:conv-1", Token));
        Assert.Equal(personal, await Store.GetPersonalForUserAsync(TestData.Tenant, "29:user-1", Token));
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync(TestData.Tenant, "a:missing", Token));
        Assert.Null(await Store.GetPersonalForUserAsync(TestData.Tenant, "29:missing", Token));
    }

    [Fact]
    public async Task UpsertAsync_SameConversation_ReplacesTheReference()
    {
        await Store.UpsertAsync(TestData.Personal("29:user-1", "a:conv-1"), Token);
        var moved = TestData.Personal("29:user-1", "a:conv-1") with { ServiceUrl = "https://smba.trafficmanager.net/amer/", TimeZone = null };

        await Store.UpsertAsync(moved, Token);

        Assert.Equal(moved, await Store.GetPersonalForUserAsync(TestData.Tenant, "29:user-1", Token));
    }

    [Fact]
    public async Task UpsertAsync_NewPersonalChatOfSameUser_ReplacesTheEarlierChat()
    {
        await Store.UpsertAsync(TestData.Personal("29:user-1", "a:old"), Token);

        await Store.UpsertAsync(TestData.Personal("29:user-1", "a:new"), Token);

        Assert.Null(await Store.GetAsync(TestData.Tenant, "a:old", Token));
        Assert.Equal("a:new", (await Store.GetPersonalForUserAsync(TestData.Tenant, "29:user-1", Token))!.ConversationId);
        Assert.Single(await Store.ListPersonalAsync(TestData.Tenant, Token).ToListAsync(Token));
    }

    [Fact]
    public async Task ListPersonalAsync_ByTenantOrAll_ReturnsOnlyPersonalChats()
    {
        await Store.UpsertAsync(TestData.Personal("29:u1", "a:c1"), Token);
        await Store.UpsertAsync(TestData.Personal("29:u2", "a:c2"), Token);
        await Store.UpsertAsync(TestData.Personal("29:u3", "a:c3", TestData.OtherTenant), Token);
        await Store.UpsertAsync(TestData.Channel("19:team", "19:team"), Token);

        var tenant = await Store.ListPersonalAsync(TestData.Tenant, Token).Select(c => c.ConversationId).ToListAsync(Token);
        var all = await Store.ListPersonalAsync(null, Token).Select(c => c.ConversationId).ToListAsync(Token);

        Assert.Equal(["a:c1", "a:c2"], tenant.Order());
        Assert.Equal(["a:c1", "a:c2", "a:c3"], all.Order());
    }

    [Fact]
    public async Task ListTeamsAsync_ReturnsTeamInstallsOnly()
    {
        await Store.UpsertAsync(TestData.Personal("29:u1", "a:c1"), Token);
        await Store.UpsertAsync(TestData.Channel("19:team-a", "19:team-a"), Token);
        await Store.UpsertAsync(TestData.Channel("19:team-b", "19:team-b", TestData.OtherTenant), Token);

        var teams = await Store.ListTeamsAsync(Token).ToListAsync(Token);

        Assert.Equal(["19:team-a", "19:team-b"], teams.Select(t => t.TeamId).Order());
        Assert.All(teams, team => Assert.Equal(ConversationKind.Channel, team.Kind));
    }

    [Fact]
    public async Task RemoveAsync_PersonalChat_RemovesItAndItsUserLookup()
    {
        await Store.UpsertAsync(TestData.Personal("29:u1", "a:c1"), Token);

        Assert.True(await Store.RemoveAsync(TestData.Tenant, "a:c1", Token));
        Assert.False(await Store.RemoveAsync(TestData.Tenant, "a:c1", Token));
        Assert.Null(await Store.GetAsync(TestData.Tenant, "a:c1", Token));
        Assert.Null(await Store.GetPersonalForUserAsync(TestData.Tenant, "29:u1", Token));
        Assert.Empty(await Store.ListPersonalAsync(TestData.Tenant, Token).ToListAsync(Token));
    }

    [Fact]
    public async Task RemoveTeamAsync_TeamUninstalled_RemovesEveryChannelOfThatTeamOnly()
    {
        await Store.UpsertAsync(TestData.Channel("19:team-a", "19:team-a"), Token);
        await Store.UpsertAsync(TestData.Channel("19:team-a", "19:team-a-sales"), Token);
        await Store.UpsertAsync(TestData.Channel("19:team-b", "19:team-b"), Token);

        var removed = await Store.RemoveTeamAsync(TestData.Tenant, "19:team-a", Token);

        Assert.Equal(2, removed);
        Assert.Null(await Store.GetAsync(TestData.Tenant, "19:team-a-sales", Token));
        Assert.Equal(["19:team-b"], await Store.ListTeamsAsync(Token).Select(t => t.ConversationId).ToListAsync(Token));
    }

    [Fact]
    public async Task GetAsync_IdsWithForbiddenKeyCharacters_RoundTrip()
    {
        var personal = TestData.Personal(TestData.AwkwardId + "user", TestData.AwkwardId + "conv", TestData.AwkwardId + "tenant");

        await Store.UpsertAsync(personal, Token);

        Assert.Equal(personal, await Store.GetAsync(personal.TenantId, personal.ConversationId, Token));
        Assert.Equal(personal, await Store.GetPersonalForUserAsync(personal.TenantId, personal.UserId!, Token));
        Assert.Equal([personal], await Store.ListPersonalAsync(personal.TenantId, Token).ToListAsync(Token));
    }

    [Fact]
    public async Task GetPersonalForAadObjectIdAsync_PersonalChat_FindsItByObjectIdOnlyWhileItExists()
    {
        await Store.UpsertAsync(TestData.Personal("29:u1", "a:c1"), Token);
        await Store.UpsertAsync(TestData.Channel("19:team", "19:team"), Token);

        Assert.Equal("a:c1", (await Store.GetPersonalForAadObjectIdAsync(TestData.Tenant, "aad-29:u1", Token))?.ConversationId);
        Assert.Null(await Store.GetPersonalForAadObjectIdAsync(TestData.OtherTenant, "aad-29:u1", Token));

        await Store.RemoveAsync(TestData.Tenant, "a:c1", Token);

        Assert.Null(await Store.GetPersonalForAadObjectIdAsync(TestData.Tenant, "aad-29:u1", Token));
    }

    [Fact]
    public async Task SearchPersonalByNameAsync_AnyWordOrEmpty_FindsPersonalChatsByNameInTheTenant()
    {
        await Store.UpsertAsync(TestData.Personal("29:u1", "a:c1") with { UserName = "Megan Bowen" }, Token);
        await Store.UpsertAsync(TestData.Personal("29:u2", "a:c2") with { UserName = "Adele Vance" }, Token);
        await Store.UpsertAsync(TestData.Personal("29:u3", "a:c3") with { UserName = null }, Token);
        await Store.UpsertAsync(TestData.Personal("29:u4", "a:c4", TestData.OtherTenant) with { UserName = "Megan Other" }, Token);

        Assert.Equal(["a:c1"], (await Store.SearchPersonalByNameAsync(TestData.Tenant, "BOW", 10, Token)).Select(c => c.ConversationId));
        Assert.Equal(["a:c1"], (await Store.SearchPersonalByNameAsync(TestData.Tenant, "megan b", 10, Token)).Select(c => c.ConversationId));
        Assert.Equal(["Adele Vance", "Megan Bowen"], (await Store.SearchPersonalByNameAsync(TestData.Tenant, "", 10, Token)).Select(c => c.UserName));
        Assert.Single(await Store.SearchPersonalByNameAsync(TestData.Tenant, "", 1, Token));
        Assert.Equal(TestData.Personal("29:u1", "a:c1") with { UserName = "Megan Bowen" }, Assert.Single(await Store.SearchPersonalByNameAsync(TestData.Tenant, "meg", 10, Token)));
    }

    [Fact]
    public async Task SearchPersonalByNameAsync_RenamedOrNewChatOrRemoved_FollowsTheCurrentChat()
    {
        await Store.UpsertAsync(TestData.Personal("29:u1", "a:old") with { UserName = "Megan Bowen" }, Token);

        await Store.UpsertAsync(TestData.Personal("29:u1", "a:new") with { UserName = "Megan Vance" }, Token);

        Assert.Empty(await Store.SearchPersonalByNameAsync(TestData.Tenant, "bowen", 10, Token));
        Assert.Equal(["a:new"], (await Store.SearchPersonalByNameAsync(TestData.Tenant, "megan", 10, Token)).Select(c => c.ConversationId));

        await Store.RemoveAsync(TestData.Tenant, "a:new", Token);

        Assert.Empty(await Store.SearchPersonalByNameAsync(TestData.Tenant, "megan", 10, Token));
    }
}

public sealed class SqliteConversationStoreTests() : ConversationStoreContract(() => new SqliteBackend());

public sealed class AzureConversationStoreTests(AzuriteFixture azurite) : ConversationStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
