using FocusBot.Domain.Recognitions;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class RecognitionStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private IRecognitionStore Store => Stores.Get<IRecognitionStore>();

    [Fact]
    public async Task CreateAsync_ThenGet_ReturnsTheRecognition()
    {
        var recognition = TestData.Recognition("r1", TestData.Monday) with { ActivityId = "1:posted" };

        Assert.True(await Store.CreateAsync(recognition, Token));
        Assert.False(await Store.CreateAsync(recognition, Token));

        Assert.Equal(recognition, await Store.GetAsync("r1", Token));
    }

    [Fact]
    public async Task ListRecentAndListSince_SeveralRecognitions_NewestFirstWithinTheTenant()
    {
        for (var i = 0; i < 6; i++)
        {
            await Store.CreateAsync(TestData.Recognition($"r{i}", TestData.Monday.AddDays(i)), Token);
        }

        await Store.CreateAsync(TestData.Recognition("elsewhere", TestData.Monday.AddDays(3), TestData.OtherTenant), Token);

        Assert.Equal(["r5", "r4"], (await Store.ListRecentAsync(TestData.Tenant, 2, Token)).Select(r => r.Id));
        Assert.Equal(["r5", "r4", "r3"], await Store.ListSinceAsync(TestData.Tenant, TestData.Monday.AddDays(3), Token).Select(r => r.Id).ToListAsync(Token));
    }

    [Fact]
    public async Task ListForRecipientAsync_ByUserIdOrObjectId_ReturnsThatPersonsRecognitionsNewestFirst()
    {
        await Store.CreateAsync(TestData.Recognition("r1", TestData.Monday), Token);
        await Store.CreateAsync(TestData.Recognition("r2", TestData.Monday.AddDays(1)), Token);
        await Store.CreateAsync(TestData.Recognition("r3", TestData.Monday) with { RecipientUserId = "29:someone-else", RecipientAadObjectId = "aad-else" }, Token);
        await Store.CreateAsync(TestData.Recognition("r4", TestData.Monday, TestData.OtherTenant), Token);

        Assert.Equal(["r2", "r1"], (await Store.ListForRecipientAsync(TestData.Tenant, "29:recipient", null, Token)).Select(r => r.Id));
        Assert.Equal(["r2", "r1"], (await Store.ListForRecipientAsync(TestData.Tenant, null, "aad-recipient", Token)).Select(r => r.Id));
        Assert.Equal(["r2", "r1"], (await Store.ListForRecipientAsync(TestData.Tenant, "29:recipient", "aad-recipient", Token)).Select(r => r.Id));
        Assert.Empty(await Store.ListForRecipientAsync(TestData.Tenant, "29:nobody", null, Token));
    }

    [Fact]
    public async Task AddApplauseAsync_OnePerPerson_CountsDistinctPeople()
    {
        await Store.CreateAsync(TestData.Recognition("r1", TestData.Monday), Token);

        Assert.True(await Store.AddApplauseAsync("r1", "user-a", Token));
        Assert.False(await Store.AddApplauseAsync("r1", "user-a", Token));
        Assert.True(await Store.AddApplauseAsync("r1", "user-b", Token));
        Assert.False(await Store.AddApplauseAsync("missing", "user-a", Token));

        Assert.Equal(2, (await Store.GetAsync("r1", Token))!.ApplauseCount);
    }
}

public sealed class SqliteRecognitionStoreTests() : RecognitionStoreContract(() => new SqliteBackend());

public sealed class AzureRecognitionStoreTests(AzuriteFixture azurite) : RecognitionStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
