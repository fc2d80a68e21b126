using FocusBot.Domain.Leases;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class LeaseStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    private ILeaseStore Store => Stores.Get<ILeaseStore>();

    [Fact]
    public async Task TryAcquireAsync_FreeLease_FirstWinsSecondIsRefused()
    {
        var first = await Store.TryAcquireAsync("pulse-sender", "instance-a", Duration, Token);
        var second = await Store.TryAcquireAsync("pulse-sender", "instance-b", Duration, Token);

        Assert.Equal("instance-a", first?.HolderId);
        Assert.Equal(Clock.GetUtcNow() + Duration, first!.ExpiresAt);
        Assert.Null(second);
    }

    [Fact]
    public async Task TryAcquireAsync_ContendersAtOnce_ExactlyOneWins()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Store.TryAcquireAsync("pulse-sender", $"instance-{i}", Duration, Token), Token)));

        Assert.Single(results, lease => lease is not null);
    }

    [Fact]
    public async Task TryAcquireAsync_AfterExpiry_AnotherTakesOverAndTheOldHolderCannotRenew()
    {
        var old = (await Store.TryAcquireAsync("pulse-sender", "instance-a", Duration, Token))!;

        Clock.Advance(Duration + TimeSpan.FromSeconds(1));
        var takeover = await Store.TryAcquireAsync("pulse-sender", "instance-b", Duration, Token);
        var renewed = await Store.RenewAsync(old, Duration, Token);

        Assert.Equal("instance-b", takeover?.HolderId);
        Assert.Null(renewed);
    }

    [Fact]
    public async Task RenewAsync_HeldLease_ExtendsItSoItDoesNotExpire()
    {
        var lease = (await Store.TryAcquireAsync("pulse-sender", "instance-a", Duration, Token))!;

        Clock.Advance(TimeSpan.FromSeconds(20));
        var renewed = await Store.RenewAsync(lease, Duration, Token);
        Clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromSeconds(10), renewed?.ExpiresAt);
        Assert.Null(await Store.TryAcquireAsync("pulse-sender", "instance-b", Duration, Token));
        Assert.NotNull(await Store.TryAcquireAsync("pulse-sender", "instance-a", Duration, Token));
    }

    [Fact]
    public async Task ReleaseAsync_HeldLease_LetsAnotherTakeItAtOnce()
    {
        var lease = (await Store.TryAcquireAsync("pulse-sender", "instance-a", Duration, Token))!;

        await Store.ReleaseAsync(lease, Token);

        Assert.NotNull(await Store.TryAcquireAsync("pulse-sender", "instance-b", Duration, Token));
    }
}

public sealed class SqliteLeaseStoreTests() : LeaseStoreContract(() => new SqliteBackend());

public sealed class AzureLeaseStoreTests(AzuriteFixture azurite) : LeaseStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
