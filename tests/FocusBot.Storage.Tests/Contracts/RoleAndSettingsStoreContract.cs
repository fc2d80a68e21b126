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
        Assert.True(await Roles.RevokeAsync(TestData.Tenant, "aad-hr", Role.HR, Token));
        Assert.False(await Roles.RevokeAsync(TestData.Tenant, "aad-hr", Role.HR, Token));
        Assert.Equal([Role.Executive], await Roles.GetRolesAsync(TestData.Tenant, "aad-hr", Token));
        Assert.Empty(await Roles.GetRolesAsync(TestData.OtherTenant, "aad-hr", Token));
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
