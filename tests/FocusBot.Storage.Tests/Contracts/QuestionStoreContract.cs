using FocusBot.Domain.Questions;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class QuestionStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private IQuestionStore Store => Stores.Get<IQuestionStore>();

    [Fact]
    public async Task ListAsync_EmptyBank_IsEmpty()
    {
        Assert.Empty(await Store.ListAsync(includeInactive: true, Token));
        Assert.Equal(0, await Store.CountAsync(Token));
        Assert.Null(await Store.GetAsync("k1", Token));
    }

    [Fact]
    public async Task ReplaceBankAsync_ThenRead_ReturnsTheBankAndHidesInactiveOnRequest()
    {
        var bank = new[] { TestData.Question("k1"), TestData.Question("k2", active: false) with { Options = [], CorrectOption = null, Kind = QuestionKind.Agreement }, TestData.Question(TestData.AwkwardId) };

        await Store.ReplaceBankAsync(bank, Token);

        Same.Question(bank[0], await Store.GetAsync("k1", Token));
        Same.Question(bank[1], await Store.GetAsync("k2", Token));
        Same.Question(bank[2], await Store.GetAsync(TestData.AwkwardId, Token));
        Assert.Equal(3, await Store.CountAsync(Token));
        Assert.Equal(3, (await Store.ListAsync(includeInactive: true, Token)).Count);
        Assert.DoesNotContain("k2", (await Store.ListAsync(includeInactive: false, Token)).Select(q => q.Id));
    }

    [Fact]
    public async Task ReplaceBankAsync_LargerThanOneBatch_ReplacesTheWholeBank()
    {
        await Store.ReplaceBankAsync(Enumerable.Range(0, 150).Select(i => TestData.Question($"old-{i:D3}")).ToList(), Token);

        await Store.ReplaceBankAsync([TestData.Question("new-1"), TestData.Question("new-2")], Token);

        Assert.Equal(["new-1", "new-2"], (await Store.ListAsync(includeInactive: true, Token)).Select(q => q.Id));
        Assert.Null(await Store.GetAsync("old-000", Token));
    }

    [Fact]
    public async Task ReplaceBankAsync_DuplicateIds_ThrowsAndKeepsTheOldBank()
    {
        await Store.ReplaceBankAsync([TestData.Question("k1"), TestData.Question("k2")], Token);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReplaceBankAsync([TestData.Question("x"), TestData.Question("x")], Token));

        Assert.Equal(["k1", "k2"], (await Store.ListAsync(includeInactive: true, Token)).Select(q => q.Id));
    }

    [Fact]
    public async Task UpsertAsync_NewAndExisting_AddsOrReplaces()
    {
        await Store.ReplaceBankAsync([TestData.Question("k1")], Token);
        var changed = TestData.Question("k1") with { Text = "Reworded", Active = false };

        await Store.UpsertAsync(changed, Token);
        await Store.UpsertAsync(TestData.Question("k2"), Token);

        Same.Question(changed, await Store.GetAsync("k1", Token));
        Assert.Equal(2, await Store.CountAsync(Token));
    }

    [Fact]
    public async Task UpsertAsync_EmptyBank_StartsTheBank()
    {
        await Store.UpsertAsync(TestData.Question("k1"), Token);

        Assert.Equal(1, await Store.CountAsync(Token));
    }
}

public sealed class SqliteQuestionStoreTests() : QuestionStoreContract(() => new SqliteBackend());

public sealed class AzureQuestionStoreTests(AzuriteFixture azurite) : QuestionStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
