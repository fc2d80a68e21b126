using FocusBot.Domain.Inbound;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class InboundActivityStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private static readonly TimeSpan Retention = TimeSpan.FromHours(48);

    private IInboundActivityStore Store => Stores.Get<IInboundActivityStore>();

    [Fact]
    public async Task TryMarkAsync_SameKeyTwice_FirstActsSecondDoesNot()
    {
        Assert.True(await Store.TryMarkAsync("key-1", Retention, Token));
        Assert.False(await Store.TryMarkAsync("key-1", Retention, Token));
        Assert.True(await Store.TryMarkAsync("key-2", Retention, Token));
    }

    [Fact]
    public async Task TryMarkAsync_ManyAtOnce_ExactlyOneActs()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.TryMarkAsync("key-1", Retention, Token), Token)));

        Assert.Single(results, acted => acted);
    }

    [Fact]
    public async Task TryMarkAsync_WithinRetention_StillRefusesAfterARestart()
    {
        await Store.TryMarkAsync("key-1", Retention, Token);

        Clock.Advance(Retention - TimeSpan.FromMinutes(1));
        await RestartAsync();

        Assert.False(await Store.TryMarkAsync("key-1", Retention, Token));
    }

    [Fact]
    public async Task TryMarkAsync_AfterRetention_ActsAgain()
    {
        await Store.TryMarkAsync("key-1", Retention, Token);

        Clock.Advance(Retention + TimeSpan.FromSeconds(1));

        Assert.True(await Store.TryMarkAsync("key-1", Retention, Token));
        Assert.False(await Store.TryMarkAsync("key-1", Retention, Token));
    }

    [Fact]
    public async Task UnmarkAsync_MarkedKey_LetsTheNextDeliveryAct()
    {
        await Store.TryMarkAsync("key-1", Retention, Token);

        await Store.UnmarkAsync("key-1", Token);
        await Store.UnmarkAsync("never-marked", Token);

        Assert.True(await Store.TryMarkAsync("key-1", Retention, Token));
    }

    [Fact]
    public async Task PurgeExpiredAsync_DeletesOnlyExpiredMarks()
    {
        await Store.TryMarkAsync("old", Retention, Token);
        Clock.Advance(TimeSpan.FromHours(24));
        await Store.TryMarkAsync("recent", Retention, Token);
        Clock.Advance(TimeSpan.FromHours(25));

        Assert.Equal(1, await Store.PurgeExpiredAsync(Token));
        Assert.Equal(0, await Store.PurgeExpiredAsync(Token));
        Assert.False(await Store.TryMarkAsync("recent", Retention, Token));
        Assert.True(await Store.TryMarkAsync("old", Retention, Token));
    }
}

public sealed class SqliteInboundActivityStoreTests() : InboundActivityStoreContract(() => new SqliteBackend());

public sealed class AzureInboundActivityStoreTests(AzuriteFixture azurite) : InboundActivityStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
