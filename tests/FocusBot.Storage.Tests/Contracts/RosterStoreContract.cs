using FocusBot.Domain.Roster;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class RosterStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private IRosterStore Store => Stores.Get<IRosterStore>();

    private static TeamMember Member(string teamId, string userId, string? name, string tenantId = TestData.Tenant) =>
        new() { TenantId = tenantId, TeamId = teamId, UserId = userId, AadObjectId = "aad-" + userId, Name = name, TimeZone = "Europe/London" };

    [Fact]
    public async Task ListTeamMembersAsync_AfterReplace_ReturnsTheRoster()
    {
        TeamMember[] roster = [Member("team-a", "29:ann", "Ann Lee"), Member("team-a", "29:bob", "Bob Stone")];

        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", roster, Token);

        Assert.Equal(roster, (await Store.ListTeamMembersAsync(TestData.Tenant, "team-a", Token).ToListAsync(Token)).OrderBy(m => m.UserId));
    }

    [Fact]
    public async Task ReplaceTeamRosterAsync_Again_RemovesLeaversAndUpdatesChangedMembers()
    {
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", [Member("team-a", "29:ann", "Ann Lee"), Member("team-a", "29:bob", "Bob Stone")], Token);

        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", [Member("team-a", "29:ann", "Ann Lee-Smith"), Member("team-a", "29:cid", "Cid Moss")], Token);

        var members = await Store.ListTeamMembersAsync(TestData.Tenant, "team-a", Token).OrderBy(m => m.UserId).ToListAsync(Token);
        Assert.Equal(["29:ann", "29:cid"], members.Select(m => m.UserId));
        Assert.Equal("Ann Lee-Smith", members[0].Name);
        Assert.Empty(await Store.ListTeamsForUserAsync(TestData.Tenant, "29:bob", Token));
        Assert.Empty(await Store.SearchByNameAsync(TestData.Tenant, "bob", 10, Token));
        Assert.Equal(["Ann Lee-Smith"], (await Store.SearchByNameAsync(TestData.Tenant, "ann", 10, Token)).Select(p => p.Name));
    }

    [Fact]
    public async Task ListTeamsForUserAsync_MemberOfTwoTeams_ReturnsBoth()
    {
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-b", [Member("team-b", "29:ann", "Ann Lee")], Token);
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", [Member("team-a", "29:ann", "Ann Lee")], Token);
        await Store.ReplaceTeamRosterAsync(TestData.OtherTenant, "team-c", [Member("team-c", "29:ann", "Ann Lee", TestData.OtherTenant)], Token);

        Assert.Equal(["team-a", "team-b"], await Store.ListTeamsForUserAsync(TestData.Tenant, "29:ann", Token));
    }

    [Fact]
    public async Task SearchByNameAsync_Prefix_FindsEachPersonOnceCaseInsensitiveUpToMax()
    {
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", [Member("team-a", "29:ann", "Ann Lee"), Member("team-a", "29:anna", "Anna Berg"), Member("team-a", "29:bob", "Bob Stone")], Token);
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-b", [Member("team-b", "29:ann", "Ann Lee"), Member("team-b", "29:andy", "Andy Field")], Token);

        var found = await Store.SearchByNameAsync(TestData.Tenant, "AN", 10, Token);
        var limited = await Store.SearchByNameAsync(TestData.Tenant, "an", 2, Token);

        Assert.Equal(["Andy Field", "Ann Lee", "Anna Berg"], found.Select(p => p.Name));
        Assert.Equal("aad-29:ann", found[1].AadObjectId);
        Assert.Equal(2, limited.Count);
        Assert.Empty(await Store.SearchByNameAsync(TestData.OtherTenant, "an", 10, Token));
    }

    [Fact]
    public async Task SearchByNameAsync_LeftOneTeamButStillInAnother_IsStillFound()
    {
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", [Member("team-a", "29:ann", "Ann Lee")], Token);
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-b", [Member("team-b", "29:ann", "Ann Lee")], Token);

        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", [], Token);

        Assert.Equal(["Ann Lee"], (await Store.SearchByNameAsync(TestData.Tenant, "ann", 10, Token)).Select(p => p.Name));
        Assert.Equal(["team-b"], await Store.ListTeamsForUserAsync(TestData.Tenant, "29:ann", Token));
    }

    [Theory]
    [InlineData("stone")]
    [InlineData("Bob")]
    [InlineData("bob st")]
    [InlineData("  STO ")]
    public async Task SearchByNameAsync_StartOfAnyWordOrOfTheWholeName_FindsThePerson(string typed)
    {
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", [Member("team-a", "29:bob", "Bob Stone"), Member("team-a", "29:ann", "Ann Lee")], Token);

        var found = await Store.SearchByNameAsync(TestData.Tenant, typed, 10, Token);

        Assert.Equal(["Bob Stone"], found.Select(p => p.Name));
        Assert.Equal(("29:bob", "aad-29:bob", "Europe/London"), (found[0].UserId, found[0].AadObjectId, found[0].TimeZone));
    }

    [Fact]
    public async Task SearchByNameAsync_Renamed_IsFoundByTheNewNameOnly()
    {
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", [Member("team-a", "29:ann", "Ann Lee")], Token);

        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", [Member("team-a", "29:ann", "Ann Smith")], Token);

        Assert.Empty(await Store.SearchByNameAsync(TestData.Tenant, "lee", 10, Token));
        Assert.Equal(["Ann Smith"], (await Store.SearchByNameAsync(TestData.Tenant, "smi", 10, Token)).Select(p => p.Name));
    }

    [Fact]
    public async Task SearchByNameAsync_EmptyPrefix_ListsEachNamedPersonOnceByNameUpToMax()
    {
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", [Member("team-a", "29:cid", "Cid Moss"), Member("team-a", "29:ann", "Ann Lee"), Member("team-a", "29:x", null)], Token);
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-b", [Member("team-b", "29:ann", "Ann Lee"), Member("team-b", "29:bob", "Bob Stone")], Token);

        Assert.Equal(["Ann Lee", "Bob Stone", "Cid Moss"], (await Store.SearchByNameAsync(TestData.Tenant, "", 10, Token)).Select(p => p.Name));
        Assert.Equal(["Ann Lee", "Bob Stone"], (await Store.SearchByNameAsync(TestData.Tenant, "", 2, Token)).Select(p => p.Name));
    }

    [Fact]
    public async Task SearchByNameAsync_MoreThanAPageOfMembers_FindsBySurnameAndListsTheFirstByName()
    {
        var members = Enumerable.Range(0, 1050).Select(i => Member("team-a", $"29:m{i:D4}", $"Member{i:D4} Person")).ToList();
        members.Add(Member("team-a", "29:zoe", "Zoe Quartermaine"));
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", members, Token);

        Assert.Equal(["Zoe Quartermaine"], (await Store.SearchByNameAsync(TestData.Tenant, "quarter", 10, Token)).Select(p => p.Name));
        Assert.Equal(["Member0000 Person", "Member0001 Person"], (await Store.SearchByNameAsync(TestData.Tenant, "", 2, Token)).Select(p => p.Name));
        Assert.Equal(25, (await Store.SearchByNameAsync(TestData.Tenant, "person", 25, Token)).Count);
    }

    [Fact]
    public async Task FindByAadObjectIdAndUserId_Member_ReturnsThePersonInTheirTenantOnly()
    {
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", [Member("team-a", "29:ann", "Ann Lee"), Member("team-a", "29:x", null)], Token);

        var byObjectId = await Store.FindByAadObjectIdAsync(TestData.Tenant, "aad-29:ann", Token);
        var byUserId = await Store.FindByUserIdAsync(TestData.Tenant, "29:ann", Token);

        Assert.Equal(new RosterPerson { TenantId = TestData.Tenant, UserId = "29:ann", AadObjectId = "aad-29:ann", Name = "Ann Lee", TimeZone = "Europe/London" }, byObjectId);
        Assert.Equal(byObjectId, byUserId);
        Assert.Equal(string.Empty, (await Store.FindByUserIdAsync(TestData.Tenant, "29:x", Token))!.Name);
        Assert.Null(await Store.FindByAadObjectIdAsync(TestData.OtherTenant, "aad-29:ann", Token));
        Assert.Null(await Store.FindByUserIdAsync(TestData.Tenant, "29:nobody", Token));
    }

    [Fact]
    public async Task FindByAadObjectIdAsync_LeftEveryTeam_ReturnsNull()
    {
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", [Member("team-a", "29:ann", "Ann Lee")], Token);
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-b", [Member("team-b", "29:ann", "Ann Lee")], Token);

        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", [], Token);
        Assert.NotNull(await Store.FindByAadObjectIdAsync(TestData.Tenant, "aad-29:ann", Token));
        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-b", [], Token);

        Assert.Null(await Store.FindByAadObjectIdAsync(TestData.Tenant, "aad-29:ann", Token));
        Assert.Null(await Store.FindByUserIdAsync(TestData.Tenant, "29:ann", Token));
    }

    [Fact]
    public async Task HasTeamRosterAsync_BeforeAndAfterTheRosterIsStored_SaysSo()
    {
        Assert.False(await Store.HasTeamRosterAsync(TestData.Tenant, "team-a", Token));

        await Store.ReplaceTeamRosterAsync(TestData.Tenant, "team-a", [Member("team-a", "29:ann", "Ann Lee")], Token);

        Assert.True(await Store.HasTeamRosterAsync(TestData.Tenant, "team-a", Token));
        Assert.False(await Store.HasTeamRosterAsync(TestData.Tenant, "team-b", Token));
    }
}

public sealed class SqliteRosterStoreTests() : RosterStoreContract(() => new SqliteBackend());

public sealed class AzureRosterStoreTests(AzuriteFixture azurite) : RosterStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
