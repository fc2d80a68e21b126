using FocusBot.Domain.Roster;
using FocusBot.Storage.Tests.Infrastructure;

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
}

public sealed class SqliteRosterStoreTests() : RosterStoreContract(() => new SqliteBackend());

public sealed class AzureRosterStoreTests(AzuriteFixture azurite) : RosterStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
