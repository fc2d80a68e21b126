using FocusBot.Domain.Notices;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class NoticeStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private INoticeStore Store => Stores.Get<INoticeStore>();

    private static Notice NoticeAt(string id, DateTimeOffset at, NoticeKind kind = NoticeKind.DigestNotDelivered, string tenant = TestData.Tenant) => new()
    {
        Id = id,
        TenantId = tenant,
        Kind = kind,
        Text = $"The HR digest for 2026-W49 could not be delivered ({id}).",
        At = at,
    };

    [Fact]
    public async Task ListSinceAsync_SeveralNotices_NewestFirstFromTheGivenTimeAndTenantOnly()
    {
        await Store.AddAsync(NoticeAt("old", TestData.Monday.AddDays(-20)), Token);
        await Store.AddAsync(NoticeAt("middle", TestData.Monday.AddHours(1), NoticeKind.PulseNotOpened), Token);
        await Store.AddAsync(NoticeAt("newest", TestData.Monday.AddHours(2), NoticeKind.StorageUnavailable), Token);
        await Store.AddAsync(NoticeAt("first", TestData.Monday), Token);
        await Store.AddAsync(NoticeAt("elsewhere", TestData.Monday.AddHours(3), tenant: TestData.OtherTenant), Token);

        var recent = await Store.ListSinceAsync(TestData.Tenant, TestData.Monday.AddDays(-14), 10, Token);

        Assert.Equal(["newest", "middle", "first"], recent.Select(n => n.Id));
        Assert.Equal(NoticeAt("middle", TestData.Monday.AddHours(1), NoticeKind.PulseNotOpened), recent[1]);
        Assert.Equal(["newest", "middle"], (await Store.ListSinceAsync(TestData.Tenant, TestData.Monday.AddDays(-14), 2, Token)).Select(n => n.Id));
        Assert.Equal(["elsewhere"], (await Store.ListSinceAsync(TestData.OtherTenant, TestData.Monday, 10, Token)).Select(n => n.Id));
    }

    [Fact]
    public async Task AddAsync_SameOccurrenceTwice_KeepsTheFirstOnly()
    {
        Assert.True(await Store.AddAsync(NoticeAt("pulse-not-opened:2026-W49", TestData.Monday), Token));
        Assert.False(await Store.AddAsync(NoticeAt("pulse-not-opened:2026-W49", TestData.Monday.AddMinutes(1)), Token));
        Assert.True(await Store.AddAsync(NoticeAt("pulse-not-opened:2026-W49", TestData.Monday, tenant: TestData.OtherTenant), Token));

        var kept = Assert.Single(await Store.ListSinceAsync(TestData.Tenant, TestData.Monday.AddDays(-1), 10, Token));
        Assert.Equal(TestData.Monday, kept.At);
    }

    [Fact]
    public async Task AddAsync_AwkwardIdAndText_RoundTripAndSurviveARestart()
    {
        var notice = NoticeAt("digest|" + TestData.AwkwardId, TestData.Monday) with { Text = "Teams answered 404 / 'twice' # 100% ?" };
        await Store.AddAsync(notice, Token);

        await RestartAsync();

        Assert.Equal(notice, Assert.Single(await Store.ListSinceAsync(TestData.Tenant, TestData.Monday, 10, Token)));
        Assert.False(await Store.AddAsync(notice, Token));
    }

    [Fact]
    public async Task TryMarkAnnouncedAsync_OncePerTenantKindAndDay_EvenWhenManyAskAtOnce()
    {
        var day = DateOnly.FromDateTime(TestData.Monday.UtcDateTime);

        var racing = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.TryMarkAnnouncedAsync(TestData.Tenant, NoticeKind.PulseNotOpened, day, Token), Token)));

        Assert.Single(racing, told => told);
        Assert.False(await Store.TryMarkAnnouncedAsync(TestData.Tenant, NoticeKind.PulseNotOpened, day, Token));
        Assert.True(await Store.TryMarkAnnouncedAsync(TestData.Tenant, NoticeKind.DigestNotDelivered, day, Token));
        Assert.True(await Store.TryMarkAnnouncedAsync(TestData.OtherTenant, NoticeKind.PulseNotOpened, day, Token));
        Assert.True(await Store.TryMarkAnnouncedAsync(TestData.Tenant, NoticeKind.PulseNotOpened, day.AddDays(1), Token));
        await RestartAsync();
        Assert.False(await Store.TryMarkAnnouncedAsync(TestData.Tenant, NoticeKind.PulseNotOpened, day, Token));
    }
}

public sealed class SqliteNoticeStoreTests() : NoticeStoreContract(() => new SqliteBackend());

public sealed class AzureNoticeStoreTests(AzuriteFixture azurite) : NoticeStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
