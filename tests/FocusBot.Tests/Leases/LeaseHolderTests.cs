using System.Globalization;
using FocusBot.Domain.Leases;
using FocusBot.Domain.Storage;
using FocusBot.Leases;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FocusBot.Tests.Leases;

/// <summary>
/// The one lease holder every host service uses: one instance acts at a time, a crashed holder is replaced when its lease
/// runs out, a stopping one hands over at once, and an outage of the store on stop does not stop the host.
/// </summary>
public sealed class LeaseHolderTests
{
    private static readonly TimeSpan s_duration = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLeaseStore _store;

    public LeaseHolderTests() => _store = new InMemoryLeaseStore(_clock);

    private LeaseHolder NewHolder() => new(_store, "work", s_duration, _clock);

    [Fact]
    public async Task HoldAsync_LeaseFree_TakesItAndRenewsIt()
    {
        using var holder = NewHolder();

        Assert.True(await holder.HoldAsync(CancellationToken.None));
        _clock.Advance(s_duration * 0.9);
        Assert.True(await holder.HoldAsync(CancellationToken.None));
        _clock.Advance(s_duration * 0.9);

        Assert.True(holder.IsHeld);
        Assert.Equal(holder.Id, _store.HolderOf("work"));
    }

    /// <summary>
    /// Under WebApplicationFactory the host is stopped on two paths at once, and the store can be closed before a service
    /// gives its lease back: the release is best effort either way, the lease expires on its own.
    /// </summary>
    [Fact]
    public async Task ReleaseAsync_StoreAlreadyClosed_ReturnsAndTheLeaseIsLeftToExpire()
    {
        var closed = new Mock<ILeaseStore>(MockBehavior.Strict);
        closed.Setup(l => l.TryAcquireAsync("work", It.IsAny<string>(), s_duration, It.IsAny<CancellationToken>()))
            .ReturnsAsync((string name, string holder, TimeSpan duration, CancellationToken _) => new Lease(name, holder, _clock.GetUtcNow() + duration, "etag"));
        closed.Setup(l => l.ReleaseAsync(It.IsAny<Lease>(), It.IsAny<CancellationToken>())).ThrowsAsync(new ObjectDisposedException("store"));
        using var holder = new LeaseHolder(closed.Object, "work", s_duration, _clock);
        Assert.True(await holder.HoldAsync(CancellationToken.None));

        await holder.ReleaseAsync();

        Assert.False(holder.IsHeld);
        closed.Verify(l => l.ReleaseAsync(It.IsAny<Lease>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HoldAsync_HeldByAnotherHolderOfThisProcess_IsRefusedUntilItExpires()
    {
        using var first = NewHolder();
        using var second = NewHolder();
        await first.HoldAsync(CancellationToken.None);

        Assert.False(await second.HoldAsync(CancellationToken.None));
        Assert.False(second.IsHeld);

        _clock.Advance(s_duration + TimeSpan.FromSeconds(1));
        Assert.True(await second.HoldAsync(CancellationToken.None));
        Assert.Equal(second.Id, _store.HolderOf("work"));
    }

    [Fact]
    public async Task IsHeld_LeaseExpiredByTheClock_FalseWithoutAskingTheStore()
    {
        using var holder = NewHolder();
        await holder.HoldAsync(CancellationToken.None);

        _clock.Advance(s_duration);

        Assert.False(holder.IsHeld);
    }

    [Fact]
    public async Task HoldAsync_RenewalLostButLeaseFreeAgain_TakesItBackInTheSameCall()
    {
        using var stalled = NewHolder();
        using var other = NewHolder();
        await stalled.HoldAsync(CancellationToken.None);
        _clock.Advance(s_duration * 2);
        await other.HoldAsync(CancellationToken.None);
        await other.ReleaseAsync();

        Assert.True(await stalled.HoldAsync(CancellationToken.None));
        Assert.Equal(stalled.Id, _store.HolderOf("work"));
    }

    [Fact]
    public async Task ReleaseAsync_Held_AnotherInstanceTakesOverAtOnce()
    {
        using var stopping = NewHolder();
        using var next = NewHolder();
        await stopping.HoldAsync(CancellationToken.None);

        await stopping.ReleaseAsync();

        Assert.False(stopping.IsHeld);
        Assert.True(await next.HoldAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_StoreUnavailable_StopsQuietlyAndTheLeaseExpires()
    {
        using var holder = NewHolder();
        await holder.HoldAsync(CancellationToken.None);
        _store.Unavailable = true;

        await holder.ReleaseAsync();

        Assert.False(holder.IsHeld);
        Assert.Equal(holder.Id, _store.HolderOf("work"));
    }

    [Fact]
    public async Task TryRunAsync_LeaseHeldElsewhere_DoesNotRun()
    {
        using var other = NewHolder();
        await other.HoldAsync(CancellationToken.None);
        var ran = false;

        var held = await LeaseHolder.TryRunAsync(_store, "work", LeaseHolder.NewId(), s_duration, () => Task.FromResult(ran = true), CancellationToken.None);

        Assert.False(held);
        Assert.False(ran);
    }

    [Fact]
    public async Task TryRunAsync_RunFails_LeaseIsReleasedAndTheFailurePropagates()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            LeaseHolder.TryRunAsync(_store, "work", LeaseHolder.NewId(), s_duration, () => throw new InvalidOperationException(), CancellationToken.None));

        Assert.Null(_store.HolderOf("work"));
    }

    [Fact]
    public async Task TryRunAsync_LeaseFree_RunsHoldingItThenReleasesIt()
    {
        var id = LeaseHolder.NewId();
        string? holderDuringRun = null;

        var held = await LeaseHolder.TryRunAsync(_store, "work", id, s_duration, () => Task.FromResult(holderDuringRun = _store.HolderOf("work")),
            CancellationToken.None);

        Assert.True(held);
        Assert.Equal(id, holderDuringRun);
        Assert.Null(_store.HolderOf("work"));
    }

    /// <summary>The store's contract (as the SQLite and Azure stores keep it) in a dictionary, on the test's clock.</summary>
    private sealed class InMemoryLeaseStore(TimeProvider clock) : ILeaseStore
    {
        private readonly Dictionary<string, Lease> _leases = new(StringComparer.Ordinal);
        private int _version;

        public bool Unavailable { get; set; }

        public string? HolderOf(string name) => _leases.TryGetValue(name, out var lease) ? lease.HolderId : null;

        public Task<Lease?> TryAcquireAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken)
        {
            if (_leases.TryGetValue(name, out var current) && current.ExpiresAt > clock.GetUtcNow() && current.HolderId != holderId)
                return Task.FromResult<Lease?>(null);
            return Task.FromResult<Lease?>(_leases[name] = new Lease(name, holderId, clock.GetUtcNow() + duration, (++_version).ToString(CultureInfo.InvariantCulture)));
        }

        public Task<Lease?> RenewAsync(Lease lease, TimeSpan duration, CancellationToken cancellationToken)
        {
            if (!_leases.TryGetValue(lease.Name, out var current) || current.ETag != lease.ETag)
                return Task.FromResult<Lease?>(null);
            return Task.FromResult<Lease?>(_leases[lease.Name] = lease with
            {
                ExpiresAt = clock.GetUtcNow() + duration,
                ETag = (++_version).ToString(CultureInfo.InvariantCulture),
            });
        }

        public Task ReleaseAsync(Lease lease, CancellationToken cancellationToken)
        {
            if (Unavailable)
                throw new StorageUnavailableException("the test's store is away");
            if (_leases.TryGetValue(lease.Name, out var current) && current.ETag == lease.ETag)
                _leases.Remove(lease.Name);
            return Task.CompletedTask;
        }
    }
}
