using FocusBot.Domain.Actions;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class ActionStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private IActionStore Store => Stores.Get<IActionStore>();

    private static ProgrammeAction ActionAt(string id, DateTimeOffset at, string tenant = TestData.Tenant) => new()
    {
        Id = id,
        TenantId = tenant,
        Change = "Callbacks are booked in a slot the customer chooses",
        Owner = "Head of Service Desk",
        DueDate = new DateOnly(2027, 1, 31),
        Status = ActionStatus.Planned,
        Theme = "callback times",
        RecordedByAadObjectId = "0d4e8b6a-1f3c-4a7e-b2d9-5c6e7f8a9b01",
        Sponsor = ActionSponsor.Hr,
        AudienceTeamId = "19:team@thread.tacv2",
        AudienceChannelId = "19:channel@thread.tacv2",
        AllStaff = true,
        CreatedAt = at,
        UpdatedAt = at,
    };

    [Fact]
    public async Task ListLatestAsync_SeveralActions_NewestFirstPagedAndTenantOnly()
    {
        await Store.CreateAsync(ActionAt("first", TestData.Monday), Token);
        await Store.CreateAsync(ActionAt("third", TestData.Monday.AddHours(2)), Token);
        await Store.CreateAsync(ActionAt("second", TestData.Monday.AddHours(1)) with { Theme = null, Sponsor = ActionSponsor.Leadership, AllStaff = false }, Token);
        await Store.CreateAsync(ActionAt("elsewhere", TestData.Monday.AddHours(3), TestData.OtherTenant), Token);

        var all = await Store.ListLatestAsync(TestData.Tenant, 0, 10, Token);

        Assert.Equal(["third", "second", "first"], all.Select(a => a.Id));
        Assert.Equal(ActionAt("second", TestData.Monday.AddHours(1)) with { Theme = null, Sponsor = ActionSponsor.Leadership, AllStaff = false }, all[1]);
        Assert.Equal(["third", "second"], (await Store.ListLatestAsync(TestData.Tenant, 0, 2, Token)).Select(a => a.Id));
        Assert.Equal(["first"], (await Store.ListLatestAsync(TestData.Tenant, 2, 2, Token)).Select(a => a.Id));
        Assert.Equal(["elsewhere"], (await Store.ListLatestAsync(TestData.OtherTenant, 0, 10, Token)).Select(a => a.Id));
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_KeepsTheFirst_AndGetIsPerTenant()
    {
        Assert.True(await Store.CreateAsync(ActionAt("a1", TestData.Monday), Token));
        Assert.False(await Store.CreateAsync(ActionAt("a1", TestData.Monday.AddMinutes(1)) with { Change = "Something else" }, Token));

        Assert.Equal(ActionAt("a1", TestData.Monday), await Store.GetAsync(TestData.Tenant, "a1", Token));
        Assert.Null(await Store.GetAsync(TestData.OtherTenant, "a1", Token));
        Assert.Single(await Store.ListLatestAsync(TestData.Tenant, 0, 10, Token));
    }

    [Fact]
    public async Task UpdateStatusAsync_CountsARevision_ShowsInGetAndList_AndSurvivesARestart()
    {
        await Store.CreateAsync(ActionAt("a1", TestData.Monday), Token);

        var progress = await Store.UpdateStatusAsync(TestData.Tenant, "a1", ActionStatus.InProgress, TestData.Monday.AddDays(3), Token);
        var done = await Store.UpdateStatusAsync(TestData.Tenant, "a1", ActionStatus.Done, TestData.Monday.AddDays(9), Token);

        Assert.Equal((ActionStatus.InProgress, 2), (progress!.Status, progress.Revision));
        var expected = ActionAt("a1", TestData.Monday) with { Status = ActionStatus.Done, Revision = 3, UpdatedAt = TestData.Monday.AddDays(9) };
        Assert.Equal(expected, done);
        await RestartAsync();
        Assert.Equal(expected, await Store.GetAsync(TestData.Tenant, "a1", Token));
        Assert.Equal(expected, Assert.Single(await Store.ListLatestAsync(TestData.Tenant, 0, 10, Token)));
        Assert.Null(await Store.UpdateStatusAsync(TestData.Tenant, "missing", ActionStatus.Done, TestData.Monday, Token));
        Assert.Null(await Store.UpdateStatusAsync(TestData.OtherTenant, "a1", ActionStatus.Done, TestData.Monday, Token));
    }

    [Fact]
    public async Task UpdateStatusAsync_ManyAtOnce_CountsEveryRevision()
    {
        await Store.CreateAsync(ActionAt("a1", TestData.Monday), Token);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Store.UpdateStatusAsync(TestData.Tenant, "a1", ActionStatus.InProgress, TestData.Monday.AddHours(i), Token), Token)));

        Assert.Equal(5, (await Store.GetAsync(TestData.Tenant, "a1", Token))!.Revision);
    }

    [Fact]
    public async Task CreateAsync_AwkwardIdAndText_RoundTrip()
    {
        var action = ActionAt(TestData.AwkwardId, TestData.Monday) with { Change = "Reply 'within' 24 h / # 100% ?", Owner = "Ünïcode 日本 😀", Theme = "wait | times" };

        Assert.True(await Store.CreateAsync(action, Token));

        Assert.Equal(action, await Store.GetAsync(TestData.Tenant, TestData.AwkwardId, Token));
        Assert.Equal(action, Assert.Single(await Store.ListLatestAsync(TestData.Tenant, 0, 10, Token)));
    }
}

public sealed class SqliteActionStoreTests() : ActionStoreContract(() => new SqliteBackend());

public sealed class AzureActionStoreTests(AzuriteFixture azurite) : ActionStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
