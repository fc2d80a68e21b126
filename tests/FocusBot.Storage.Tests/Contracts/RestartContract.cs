using FocusBot.Domain.Answers;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class RestartContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    [Fact]
    public async Task OpenAgain_AfterWrites_EverythingAcknowledgedIsStillThere()
    {
        var pulse = (await Stores.Get<IPulseStore>().CreateAsync(TestData.Pulse("2026-W48", TestData.Monday), Token))!;
        await Stores.Get<IConversationStore>().UpsertAsync(TestData.Personal("29:ann", "a:ann"), Token);
        await Stores.Get<IQuestionStore>().ReplaceBankAsync([TestData.Question("k1")], Token);
        await Stores.Get<IAnswerStore>().UpsertAsync(TestData.Answer("2026-W48", "k1", "pseudo-1", "0"), Token);
        await Stores.Get<IAnswerStore>().UpsertAsync(TestData.Answer("2026-W48", "k1", "pseudo-1", "2"), Token);

        await RestartAsync();

        Assert.Equal("2", (await Stores.Get<IAnswerStore>().GetAsync("2026-W48", "k1", "pseudo-1", Token))!.Value);
        Assert.NotNull(await Stores.Get<IConversationStore>().GetPersonalForUserAsync(TestData.Tenant, "29:ann", Token));
        Assert.Equal(1, await Stores.Get<IQuestionStore>().CountAsync(Token));

        // ETags stay valid across the restart: the reopened store accepts an update based on the earlier read.
        await Stores.Get<IPulseStore>().UpdateAsync(pulse with { Status = PulseStatus.Open }, Token);
        Assert.Equal(PulseStatus.Open, (await Stores.Get<IPulseStore>().GetAsync("2026-W48", Token))!.Status);
    }
}

public sealed class SqliteRestartTests() : RestartContract(() => new SqliteBackend());

public sealed class AzureRestartTests(AzuriteFixture azurite) : RestartContract(() => new AzureTablesBackend(azurite.ConnectionString));
