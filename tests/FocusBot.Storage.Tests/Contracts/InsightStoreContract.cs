using FocusBot.Domain.Insights;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class InsightStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private IInsightStore Store => Stores.Get<IInsightStore>();

    [Fact]
    public async Task CreateAsync_ThenGet_ReturnsTheInsight()
    {
        var insight = TestData.Insight(TestData.AwkwardId, TestData.Monday);

        Assert.True(await Store.CreateAsync(insight, Token));
        Assert.False(await Store.CreateAsync(insight with { Title = "Duplicate" }, Token));

        Assert.Equal(insight, await Store.GetAsync(TestData.AwkwardId, Token));
        Assert.Null(await Store.GetAsync("missing", Token));
    }

    [Fact]
    public async Task ListLatestAsync_SeveralInsights_NewestFirstForThatTenantOnly()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.CreateAsync(TestData.Insight($"i{i}", TestData.Monday.AddHours(i)), Token);
        }

        await Store.CreateAsync(TestData.Insight("other", TestData.Monday.AddDays(1), TestData.OtherTenant), Token);

        Assert.Equal(["i4", "i3", "i2"], (await Store.ListLatestAsync(TestData.Tenant, 3, Token)).Select(i => i.Id));
    }

    [Fact]
    public async Task AddGotItAsync_SamePersonTwice_CountsOnce()
    {
        await Store.CreateAsync(TestData.Insight("i1", TestData.Monday), Token);

        Assert.True(await Store.AddGotItAsync("i1", "user-a", Token));
        Assert.False(await Store.AddGotItAsync("i1", "user-a", Token));
        Assert.True(await Store.AddGotItAsync("i1", "user-b", Token));
        Assert.False(await Store.AddGotItAsync("missing", "user-a", Token));

        Assert.Equal(2, (await Store.GetAsync("i1", Token))!.GotItCount);
    }

    [Fact]
    public async Task AddGotItAsync_ManyPeopleAtOnce_CountsEveryone()
    {
        await Store.CreateAsync(TestData.Insight("i1", TestData.Monday), Token);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => Store.AddGotItAsync("i1", $"user-{i}", Token), Token)));

        Assert.All(results, Assert.True);
        Assert.Equal(10, (await Store.GetAsync("i1", Token))!.GotItCount);
    }
}

public sealed class SqliteInsightStoreTests() : InsightStoreContract(() => new SqliteBackend());

public sealed class AzureInsightStoreTests(AzuriteFixture azurite) : InsightStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
