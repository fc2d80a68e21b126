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

        Same.Insight(insight, await Store.GetAsync(TestData.AwkwardId, Token));
        Assert.Null(await Store.GetAsync("missing", Token));
    }

    [Fact]
    public async Task CreateAsync_ScheduledForLater_KeepsItsAudienceTimeAndZone_AndSurvivesARestart()
    {
        var insight = TestData.Insight("later", TestData.Monday) with
        {
            SendAt = TestData.Monday.AddDays(2).AddHours(9),
            TimeZone = "America/New_York",
            Status = InsightStatus.Scheduled,
            AllStaff = false,
        };
        await Store.CreateAsync(insight, Token);

        await RestartAsync();

        Same.Insight(insight, await Store.GetAsync("later", Token));
    }

    [Fact]
    public async Task ListLatestAsync_ScheduledForLater_ComesFirst_OrderedBySendTime()
    {
        await Store.CreateAsync(TestData.Insight("sent", TestData.Monday), Token);
        await Store.CreateAsync(TestData.Insight("later", TestData.Monday.AddMinutes(5)) with { SendAt = TestData.Monday.AddDays(3), Status = InsightStatus.Scheduled }, Token);
        await Store.CreateAsync(TestData.Insight("newer", TestData.Monday.AddHours(1)), Token);

        Assert.Equal(["later", "newer", "sent"], (await Store.ListLatestAsync(TestData.Tenant, 10, Token)).Select(i => i.Id));
    }

    [Fact]
    public async Task ListScheduledAsync_OnlyThoseWaiting_SoonestFirst_ForThatTenantOnly()
    {
        Insight Scheduled(string id, int days, string tenant = TestData.Tenant) =>
            TestData.Insight(id, TestData.Monday, tenant) with { SendAt = TestData.Monday.AddDays(days), Status = InsightStatus.Scheduled };
        await Store.CreateAsync(Scheduled("in-3", 3), Token);
        await Store.CreateAsync(Scheduled("in-1", 1), Token);
        await Store.CreateAsync(Scheduled("gone-out", 2), Token);
        await Store.CreateAsync(TestData.Insight("sent", TestData.Monday), Token);
        await Store.CreateAsync(Scheduled("elsewhere", 1, TestData.OtherTenant), Token);
        await Store.UpdateAsync("gone-out", i => i with { Status = InsightStatus.Sent }, Token);

        Assert.Equal(["in-1", "in-3"], (await Store.ListScheduledAsync(TestData.Tenant, Token)).Select(i => i.Id));
        Assert.Equal(["elsewhere"], (await Store.ListScheduledAsync(TestData.OtherTenant, Token)).Select(i => i.Id));
    }

    [Fact]
    public async Task UpdateAsync_EditsTheText_KeepsAuthorCreationAndGotItCount()
    {
        await Store.CreateAsync(TestData.Insight("i1", TestData.Monday), Token);
        await Store.AddGotItAsync("i1", "user-a", Token);
        var at = TestData.Monday.AddHours(2);

        var saved = await Store.UpdateAsync("i1", i => i with
        {
            Title = "Edited title",
            KpiName = null,
            KpiValue = null,
            Revision = i.Revision + 1,
            ChangedAt = at,
            AuthorName = "Someone else",
            GotItCount = 0,
        }, Token);

        var stored = await Store.GetAsync("i1", Token);
        Assert.NotNull(saved);
        Same.Insight(saved, stored);
        Assert.Equal(("Edited title", null, null, 2, at), (stored!.Title, stored.KpiName, stored.KpiValue, stored.Revision, stored.ChangedAt));
        Assert.Equal(("Eva Executive", TestData.Monday, 1), (stored.AuthorName, stored.CreatedAt, stored.GotItCount));
    }

    [Fact]
    public async Task UpdateAsync_ChangeDeclinesOrInsightMissing_ChangesNothingAndReturnsNull()
    {
        var insight = TestData.Insight("i1", TestData.Monday);
        await Store.CreateAsync(insight, Token);

        Assert.Null(await Store.UpdateAsync("i1", _ => null, Token));
        Assert.Null(await Store.UpdateAsync("missing", i => i with { Title = "x" }, Token));

        Same.Insight(insight, await Store.GetAsync("i1", Token));
        Assert.Null(await Store.GetAsync("missing", Token));
    }

    [Fact]
    public async Task UpdateAsync_TwoChangesFromScheduledAtOnce_ExactlyOneIsSaved()
    {
        await Store.CreateAsync(TestData.Insight("i1", TestData.Monday) with { SendAt = TestData.Monday.AddDays(1), Status = InsightStatus.Scheduled }, Token);
        Insight? From(Insight i, InsightStatus to) => i.Status == InsightStatus.Scheduled ? i with { Status = to } : null;

        var results = await Task.WhenAll(
            Task.Run(() => Store.UpdateAsync("i1", i => From(i, InsightStatus.Sent), Token), Token),
            Task.Run(() => Store.UpdateAsync("i1", i => From(i, InsightStatus.Cancelled), Token), Token));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner!.Status, (await Store.GetAsync("i1", Token))!.Status);
        Assert.Empty(await Store.ListScheduledAsync(TestData.Tenant, Token));
    }

    [Fact]
    public async Task UpdateAsync_WhilePeoplePressGotIt_KeepsEveryGotItAndTheEdit()
    {
        await Store.CreateAsync(TestData.Insight("i1", TestData.Monday), Token);

        var presses = Enumerable.Range(0, 10).Select(i => Task.Run(() => Store.AddGotItAsync("i1", $"user-{i}", Token), Token)).ToList();
        var edit = Task.Run(() => Store.UpdateAsync("i1", i => i with { Body = "Edited body", Revision = i.Revision + 1 }, Token), Token);
        await Task.WhenAll([.. presses, edit]);

        var stored = await Store.GetAsync("i1", Token);
        Assert.Equal((10, "Edited body", 2), (stored!.GotItCount, stored.Body, stored.Revision));
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
