using FocusBot.Domain.Roles;
using FocusBot.Domain.Settings;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class RoleAndSettingsStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private IRoleStore Roles => Stores.Get<IRoleStore>();

    private ISettingsStore Settings => Stores.Get<ISettingsStore>();

    [Fact]
    public async Task GrantAsync_TwoRoles_AreListedAndRevokedOneByOne()
    {
        await Roles.GrantAsync(new RoleAssignment { TenantId = TestData.Tenant, AadObjectId = "aad-hr", Role = Role.HR, GrantedBy = "aad-admin", GrantedAt = TestData.Monday }, Token);
        await Roles.GrantAsync(new RoleAssignment { TenantId = TestData.Tenant, AadObjectId = "aad-hr", Role = Role.Executive, GrantedBy = "aad-admin", GrantedAt = TestData.Monday }, Token);
        await Roles.GrantAsync(new RoleAssignment { TenantId = TestData.Tenant, AadObjectId = "aad-admin", Role = Role.Admin, GrantedBy = "install", GrantedAt = TestData.Monday }, Token);

        Assert.Equal([Role.Executive, Role.HR], await Roles.GetRolesAsync(TestData.Tenant, "aad-hr", Token));
        Assert.Equal(3, (await Roles.ListAsync(TestData.Tenant, Token)).Count);
        Assert.True(await Roles.RevokeAsync(TestData.Tenant, "aad-hr", Role.HR, null, Token));
        Assert.False(await Roles.RevokeAsync(TestData.Tenant, "aad-hr", Role.HR, null, Token));
        Assert.Equal([Role.Executive], await Roles.GetRolesAsync(TestData.Tenant, "aad-hr", Token));
        Assert.Empty(await Roles.GetRolesAsync(TestData.OtherTenant, "aad-hr", Token));
    }

    private static RoleAssignment Manager(string aadObjectId, string teamId) => new()
    {
        TenantId = TestData.Tenant,
        AadObjectId = aadObjectId,
        Role = Role.Manager,
        TeamId = teamId,
        GrantedBy = "aad-admin",
        GrantedAt = TestData.Monday,
    };

    [Fact]
    public async Task GrantAsync_ManagerOfTwoTeams_HoldsTheRoleOnceWithOneAssignmentPerTeamRevokedTeamByTeam()
    {
        await Roles.GrantAsync(Manager("aad-meg", "19:team-a@thread.tacv2"), Token);
        await Roles.GrantAsync(Manager("aad-meg", TestData.AwkwardId), Token);
        await Roles.GrantAsync(new RoleAssignment { TenantId = TestData.Tenant, AadObjectId = "aad-meg", Role = Role.HR, GrantedBy = "aad-admin", GrantedAt = TestData.Monday }, Token);

        Assert.Equal([Role.HR, Role.Manager], await Roles.GetRolesAsync(TestData.Tenant, "aad-meg", Token));
        var assignments = await Roles.ListForPersonAsync(TestData.Tenant, "aad-meg", Token);
        Assert.Equal([(Role.HR, null), (Role.Manager, "19:team-a@thread.tacv2"), (Role.Manager, TestData.AwkwardId)],
            assignments.Select(a => (a.Role, a.TeamId)).OrderBy(a => a.Role).ThenBy(a => a.TeamId, StringComparer.Ordinal));
        Assert.Equal(3, (await Roles.ListAsync(TestData.Tenant, Token)).Count);

        Assert.False(await Roles.RevokeAsync(TestData.Tenant, "aad-meg", Role.Manager, "19:team-b@thread.tacv2", Token));
        Assert.True(await Roles.RevokeAsync(TestData.Tenant, "aad-meg", Role.Manager, TestData.AwkwardId, Token));
        Assert.Equal(["19:team-a@thread.tacv2"], (await Roles.ListForPersonAsync(TestData.Tenant, "aad-meg", Token)).Where(a => a.Role == Role.Manager).Select(a => a.TeamId));
        Assert.True(await Roles.RevokeAsync(TestData.Tenant, "aad-meg", Role.Manager, "19:team-a@thread.tacv2", Token));
        Assert.Equal([Role.HR], await Roles.GetRolesAsync(TestData.Tenant, "aad-meg", Token));
    }

    [Fact]
    public async Task GrantAsync_ManagerWithoutATeam_IsRefusedAndStoresNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Roles.GrantAsync(Manager("aad-meg", " "), Token));

        Assert.Empty(await Roles.ListAsync(TestData.Tenant, Token));
    }

    [Fact]
    public async Task MarkDigestSentAsync_KeptWhenGrantedAgain_NeverBringsBackARevokedGrant()
    {
        await Roles.GrantAsync(Manager("aad-meg", "19:team-a@thread.tacv2"), Token);

        Assert.True(await Roles.MarkDigestSentAsync(TestData.Tenant, "aad-meg", "19:team-a@thread.tacv2", "2026-W48.t1", Token));
        await Roles.GrantAsync(Manager("aad-meg", "19:team-a@thread.tacv2") with { GrantedBy = "aad-other", GrantedAt = TestData.Monday.AddDays(1) }, Token);

        var kept = Assert.Single(await Roles.ListForPersonAsync(TestData.Tenant, "aad-meg", Token));
        Assert.Equal("2026-W48.t1", kept.DigestPulseId);
        Assert.Equal("aad-other", kept.GrantedBy);
        Assert.Equal(TestData.Monday.AddDays(1), kept.GrantedAt);

        await Roles.RevokeAsync(TestData.Tenant, "aad-meg", Role.Manager, "19:team-a@thread.tacv2", Token);
        Assert.False(await Roles.MarkDigestSentAsync(TestData.Tenant, "aad-meg", "19:team-a@thread.tacv2", "2026-W49.t1", Token));
        Assert.Empty(await Roles.ListAsync(TestData.Tenant, Token));
    }

    [Fact]
    public async Task SetDigestOffAsync_OffThenOn_IsRememberedPerPersonAndTenant()
    {
        Assert.False(await Settings.IsDigestOffAsync(TestData.Tenant, "aad-meg", Token));

        await Settings.SetDigestOffAsync(TestData.Tenant, "aad-meg", off: true, Token);
        await Settings.SetDigestOffAsync(TestData.Tenant, "aad-meg", off: true, Token);
        Assert.True(await Settings.IsDigestOffAsync(TestData.Tenant, "aad-meg", Token));
        Assert.False(await Settings.IsDigestOffAsync(TestData.OtherTenant, "aad-meg", Token));
        Assert.False(await Settings.IsDigestOffAsync(TestData.Tenant, "aad-other", Token));

        await Settings.SetDigestOffAsync(TestData.Tenant, "aad-meg", off: false, Token);
        Assert.False(await Settings.IsDigestOffAsync(TestData.Tenant, "aad-meg", Token));
    }

    [Fact]
    public async Task SetAsync_ValueThenNull_StoresReplacesAndRemoves()
    {
        await Settings.SetAsync(TestData.Tenant, "schedule", "Mon 09:00", Token);
        await Settings.SetAsync(TestData.Tenant, "schedule", "Tue 10:00", Token);
        await Settings.SetAsync(TestData.Tenant, TestData.AwkwardId, "x", Token);

        Assert.Equal("Tue 10:00", await Settings.GetAsync(TestData.Tenant, "schedule", Token));
        Assert.Equal("x", await Settings.GetAsync(TestData.Tenant, TestData.AwkwardId, Token));
        Assert.Null(await Settings.GetAsync(TestData.OtherTenant, "schedule", Token));

        await Settings.SetAsync(TestData.Tenant, "schedule", null, Token);
        Assert.Null(await Settings.GetAsync(TestData.Tenant, "schedule", Token));
    }

    [Fact]
    public async Task SetPausedAsync_PauseThenResume_IsReflected()
    {
        Assert.False(await Settings.IsPausedAsync(TestData.Tenant, "29:ann", Token));

        await Settings.SetPausedAsync(TestData.Tenant, "29:ann", paused: true, Token);
        Assert.True(await Settings.IsPausedAsync(TestData.Tenant, "29:ann", Token));
        await Settings.SetPausedAsync(TestData.Tenant, "29:ann", paused: true, Token);

        await Settings.SetPausedAsync(TestData.Tenant, "29:ann", paused: false, Token);
        Assert.False(await Settings.IsPausedAsync(TestData.Tenant, "29:ann", Token));
    }
}

public sealed class SqliteRoleAndSettingsStoreTests() : RoleAndSettingsStoreContract(() => new SqliteBackend());

public sealed class AzureRoleAndSettingsStoreTests(AzuriteFixture azurite) : RoleAndSettingsStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
