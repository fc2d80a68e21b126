using Azure.Data.Tables;
using FocusBot.Domain.Questions;
using FocusBot.Storage.Tests.Contracts;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.AzureTables;

public sealed class AzureQuestionBankTests(AzuriteFixture azurite)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReplaceBankAsync_ABatchIsRejectedHalfWay_LeavesTheOldBankWhole()
    {
        var backend = new AzureTablesBackend(azurite.ConnectionString);
        await using var scope = await backend.OpenAsync(TimeProvider.System);
        var store = scope.Get<IQuestionStore>();
        await store.ReplaceBankAsync([TestData.Question("old-1"), TestData.Question("old-2")], Token);
        var bank = Enumerable.Range(0, 250).Select(i => TestData.Question($"new-{i:D3}")).ToList();

        // The service refuses a string property over 32K characters: the third batch fails after two succeeded.
        bank[220] = bank[220] with { Explanation = new string('x', 40_000) };

        await Assert.ThrowsAsync<TableTransactionFailedException>(() => store.ReplaceBankAsync(bank, Token));

        Assert.Equal(["old-1", "old-2"], (await store.ListAsync(includeInactive: true, Token)).Select(q => q.Id));
        Assert.Equal(2, await store.CountAsync(Token));
    }
}
