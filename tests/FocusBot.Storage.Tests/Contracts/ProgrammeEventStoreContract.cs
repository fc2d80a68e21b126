using FocusBot.Domain.Programme;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class ProgrammeEventStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private IProgrammeEventStore Store => Stores.Get<IProgrammeEventStore>();

    private static ProgrammeEvent EventOn(string id, DateOnly date, string tenant = TestData.Tenant) => new()
    {
        Id = id,
        TenantId = tenant,
        Kind = ProgrammeEventKind.Workshop,
        Title = "Customer journey workshop",
        Date = date,
        TeamIds = ["19:sales@thread.tacv2", "19:service@thread.tacv2"],
        RecordedByAadObjectId = "0d4e8b6a-1f3c-4a7e-b2d9-5c6e7f8a9b01",
        RecordedAt = TestData.Monday,
    };

    [Fact]
    public async Task ListLatestAsync_SeveralEvents_LatestDateFirstPagedAndTenantOnly()
    {
        await Store.CreateAsync(EventOn("march", new DateOnly(2026, 3, 2)), Token);
        await Store.CreateAsync(EventOn("june", new DateOnly(2026, 6, 15)) with { Kind = ProgrammeEventKind.PolicyChange, TeamIds = [] }, Token);
        await Store.CreateAsync(EventOn("may", new DateOnly(2026, 5, 4)), Token);
        await Store.CreateAsync(EventOn("elsewhere", new DateOnly(2026, 7, 1), TestData.OtherTenant), Token);

        var all = await Store.ListLatestAsync(TestData.Tenant, 0, 10, Token);

        Assert.Equal(["june", "may", "march"], all.Select(e => e.Id));
        Assert.Equal(EventOn("june", new DateOnly(2026, 6, 15)) with { Kind = ProgrammeEventKind.PolicyChange, TeamIds = [] }, all[0]);
        Assert.True(all[0].IsOrganisationWide);
        Assert.Equal(["june", "may"], (await Store.ListLatestAsync(TestData.Tenant, 0, 2, Token)).Select(e => e.Id));
        Assert.Equal(["march"], (await Store.ListLatestAsync(TestData.Tenant, 2, 2, Token)).Select(e => e.Id));
        Assert.Equal(["elsewhere"], (await Store.ListLatestAsync(TestData.OtherTenant, 0, 10, Token)).Select(e => e.Id));
    }

    [Fact]
    public async Task ListBetweenAsync_DateRange_BothEndsIncludedEarliestFirst()
    {
        await Store.CreateAsync(EventOn("before", new DateOnly(2026, 2, 28)), Token);
        await Store.CreateAsync(EventOn("first-day", new DateOnly(2026, 3, 1)), Token);
        await Store.CreateAsync(EventOn("last-day", new DateOnly(2026, 3, 31)), Token);
        await Store.CreateAsync(EventOn("middle", new DateOnly(2026, 3, 15)), Token);
        await Store.CreateAsync(EventOn("after", new DateOnly(2026, 4, 1)), Token);
        await Store.CreateAsync(EventOn("other-tenant", new DateOnly(2026, 3, 15), TestData.OtherTenant), Token);

        var march = await Store.ListBetweenAsync(TestData.Tenant, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), Token);

        Assert.Equal(["first-day", "middle", "last-day"], march.Select(e => e.Id));
        Assert.Empty(await Store.ListBetweenAsync(TestData.Tenant, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 14), Token));
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_KeepsTheFirst_SurvivesARestart_AndGetIsPerTenant()
    {
        Assert.True(await Store.CreateAsync(EventOn("e1", new DateOnly(2026, 3, 2)), Token));
        Assert.False(await Store.CreateAsync(EventOn("e1", new DateOnly(2026, 4, 2)) with { Title = "Something else" }, Token));

        await RestartAsync();

        Assert.Equal(EventOn("e1", new DateOnly(2026, 3, 2)), await Store.GetAsync(TestData.Tenant, "e1", Token));
        Assert.Null(await Store.GetAsync(TestData.OtherTenant, "e1", Token));
        Assert.Single(await Store.ListLatestAsync(TestData.Tenant, 0, 10, Token));
    }

    [Fact]
    public async Task CreateAsync_AwkwardIdAndText_RoundTrip()
    {
        var programmeEvent = EventOn(TestData.AwkwardId, new DateOnly(2026, 3, 2)) with { Title = "Clinic 'A|B' / # 100% ? Ünïcode 日本 😀", TeamIds = ["19:a|b#c@thread"] };

        Assert.True(await Store.CreateAsync(programmeEvent, Token));

        Assert.Equal(programmeEvent, await Store.GetAsync(TestData.Tenant, TestData.AwkwardId, Token));
        Assert.Equal(programmeEvent, Assert.Single(await Store.ListBetweenAsync(TestData.Tenant, programmeEvent.Date, programmeEvent.Date, Token)));
    }
}

public sealed class SqliteProgrammeEventStoreTests() : ProgrammeEventStoreContract(() => new SqliteBackend());

public sealed class AzureProgrammeEventStoreTests(AzuriteFixture azurite) : ProgrammeEventStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
