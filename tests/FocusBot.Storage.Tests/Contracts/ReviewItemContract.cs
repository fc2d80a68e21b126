using FocusBot.Domain.Programme;
using FocusBot.Domain.Storage;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class ReviewItemContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private const string Person = "3b1f0c5e9a7d4e2f8c6b5a4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f";
    private static readonly DateOnly Day = new(2026, 11, 24);

    private IReviewItemStore Store => Stores.Get<IReviewItemStore>();

    internal static ReviewItem Item(string pseudonym, string questionId, string tenant = TestData.Tenant) => new()
    {
        TenantId = tenant,
        RespondentPseudonym = pseudonym,
        QuestionId = questionId,
        Misses = 1,
        DueOn = Day.AddDays(13),
        CreatedOn = Day,
        UpdatedOn = Day,
    };

    [Fact]
    public async Task SaveAsync_NewThenChanged_ListAndGetReturnIt_PerPersonAndTenant_AfterARestart()
    {
        var stored = await Store.SaveAsync(Item(Person, "k2"), Token);
        await Store.SaveAsync(Item(Person, TestData.AwkwardId), Token);
        await Store.SaveAsync(Item("someone-else", "k2"), Token);
        await Store.SaveAsync(Item(Person, "k2", TestData.OtherTenant), Token);
        var answered = stored with { ReviewPulseId = "pulse:2026-W50", ReviewValue = "2", Misses = 2, DueOn = Day.AddDays(27), UpdatedOn = Day.AddDays(14) };
        var changed = await Store.SaveAsync(answered, Token);

        await RestartAsync();

        var mine = await Store.ListForPersonAsync(TestData.Tenant, Person, Token);
        Assert.Equal([TestData.AwkwardId, "k2"], mine.Select(i => i.QuestionId).Order(StringComparer.Ordinal));
        Assert.Equal(answered with { ETag = null }, mine.Single(i => i.QuestionId == "k2") with { ETag = null });
        Assert.Equal(changed.ETag, (await Store.GetAsync(TestData.Tenant, Person, "k2", Token))!.ETag);
        Assert.Equal(Item(Person, TestData.AwkwardId), (await Store.GetAsync(TestData.Tenant, Person, TestData.AwkwardId, Token))! with { ETag = null });
        Assert.Null(await Store.GetAsync(TestData.Tenant, Person, "k9", Token));
        Assert.Single(await Store.ListForPersonAsync(TestData.OtherTenant, Person, Token));
        Assert.Empty(await Store.ListForPersonAsync(TestData.Tenant, "nobody", Token));
    }

    [Fact]
    public async Task SaveAsync_TwoRacingWritesOfOneRead_ExactlyOneCounts_AndASecondNewItemIsRefused()
    {
        var read = await Store.SaveAsync(Item(Person, "k1"), Token);
        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.SaveAsync(Item(Person, "k1") with { Misses = 5 }, Token));

        var outcomes = await Task.WhenAll(new[] { "0", "1", "2" }.Select(async value =>
        {
            try
            {
                await Store.SaveAsync(read with { ReviewPulseId = "pulse:2026-W50", ReviewValue = value }, Token);
                return value;
            }
            catch (ConcurrencyException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes.OfType<string>());
        Assert.Equal(winner, (await Store.GetAsync(TestData.Tenant, Person, "k1", Token))!.ReviewValue);
        Assert.Equal(1, (await Store.GetAsync(TestData.Tenant, Person, "k1", Token))!.Misses);
    }

    [Fact]
    public async Task DeleteForPersonAsync_RemovesTheirsOnly()
    {
        await Store.SaveAsync(Item(Person, "k1"), Token);
        await Store.SaveAsync(Item(Person, "k2"), Token);
        await Store.SaveAsync(Item("someone-else", "k1"), Token);
        await Store.SaveAsync(Item(Person, "k1", TestData.OtherTenant), Token);

        Assert.Equal(2, await Store.DeleteForPersonAsync(TestData.Tenant, Person, Token));

        Assert.Empty(await Store.ListForPersonAsync(TestData.Tenant, Person, Token));
        Assert.Single(await Store.ListForPersonAsync(TestData.Tenant, "someone-else", Token));
        Assert.Single(await Store.ListForPersonAsync(TestData.OtherTenant, Person, Token));
        Assert.Equal(0, await Store.DeleteForPersonAsync(TestData.Tenant, Person, Token));
    }

    [Fact]
    public async Task DeleteUpdatedBeforeAsync_RemovesTheTenantsItemsLastUpdatedBeforeTheDay_Only()
    {
        await Store.SaveAsync(Item(Person, "old") with { UpdatedOn = Day.AddDays(-1) }, Token);
        await Store.SaveAsync(Item("someone-else", "old") with { CreatedOn = Day.AddYears(-3), UpdatedOn = Day.AddYears(-2) }, Token);
        await Store.SaveAsync(Item(Person, "on-the-day"), Token);
        await Store.SaveAsync(Item(Person, "old", TestData.OtherTenant) with { UpdatedOn = Day.AddYears(-2) }, Token);

        Assert.Equal(2, await Store.DeleteUpdatedBeforeAsync(TestData.Tenant, Day, Token));

        Assert.Equal(["on-the-day"], (await Store.ListForPersonAsync(TestData.Tenant, Person, Token)).Select(i => i.QuestionId));
        Assert.Empty(await Store.ListForPersonAsync(TestData.Tenant, "someone-else", Token));
        Assert.Single(await Store.ListForPersonAsync(TestData.OtherTenant, Person, Token));
    }
}

public sealed class SqliteReviewItemStoreTests() : ReviewItemContract(() => new SqliteBackend());

public sealed class AzureReviewItemStoreTests(AzuriteFixture azurite) : ReviewItemContract(() => new AzureTablesBackend(azurite.ConnectionString));
