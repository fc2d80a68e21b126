using FocusBot.Domain.Aggregates;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class AggregateStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private IAggregateStore Store => Stores.Get<IAggregateStore>();

    private static AggregateDelta Delta(string period, string bucket, long delta, string slice = "org") => new(TestData.Tenant, period, slice, "a3", bucket, delta);

    [Fact]
    public async Task ApplyDeltasAsync_IncrementsAndDecrements_AddUpPerCell()
    {
        await Store.ApplyDeltasAsync([Delta("W2026-48", "n", 1), Delta("W2026-48", "fav", 1), Delta("W2026-48", "n", 1)], Token);

        // An answer changed from favourable to not: the contribution moves.
        await Store.ApplyDeltasAsync([Delta("W2026-48", "fav", -1), Delta("W2026-48", "unfav", 1)], Token);

        var cells = await Store.ListAsync(TestData.Tenant, "org", "W2026-48", "W2026-48", Token);
        Assert.Equal([("fav", 0L), ("n", 2L), ("unfav", 1L)], cells.Select(c => (c.Bucket, c.Count)));
    }

    [Fact]
    public async Task ListAsync_PeriodRange_ReturnsOnlyThatSliceAndThosePeriods()
    {
        await Store.ApplyDeltasAsync(
            [Delta("W2026-46", "n", 3), Delta("W2026-47", "n", 4), Delta("W2026-48", "n", 5), Delta("M2026-11", "n", 12), Delta("W2026-47", "n", 9, "team:19:abc/def")],
            Token);

        var weeks = await Store.ListAsync(TestData.Tenant, "org", "W2026-47", "W2026-48", Token);
        var team = await Store.ListAsync(TestData.Tenant, "team:19:abc/def", "W2026-01", "W2026-53", Token);

        Assert.Equal([("W2026-47", 4L), ("W2026-48", 5L)], weeks.Select(c => (c.Period, c.Count)));
        Assert.Equal(9, Assert.Single(team).Count);
    }

    [Fact]
    public async Task ListSlicesAsync_SeveralSlices_ReturnsOnlyThoseSlicesPeriodsAndTenant()
    {
        // "team:b" lies between the teams asked for, a Voice slice lives apart from the figures, another tenant's team has
        // the same name: only the slices asked for, of this tenant, in the periods asked for, come back.
        await Store.ApplyDeltasAsync(
        [
            Delta("W2026-47", "n", 1, "team:a"), Delta("W2026-48", "n", 2, "team:a"), Delta("W2026-48", "n", 3, "team:b"), Delta("W2026-48", "n", 4, "team:c/d"),
            Delta("W2026-48", "n", 5, "voice:team:a"), Delta("W2026-48", "n", 6), Delta("W2026-49", "n", 7, "team:c/d"),
            new AggregateDelta("other-tenant", "W2026-48", "team:a", "a3", "n", 8),
        ], Token);

        // Enough slices that a store reading ranges of them puts "team:b" inside one.
        var cells = await Store.ListSlicesAsync(TestData.Tenant, ["team:c/d", "team:a", "voice:team:a", "team:missing", .. Enumerable.Range(1, 8).Select(i => $"team:x{i}")],
            "W2026-48", "W2026-48", Token);

        Assert.Equal([("team:a", 2L), ("team:c/d", 4L), ("voice:team:a", 5L)], cells.Select(c => (c.Slice, c.Count)).Order());
        Assert.All(cells, c => Assert.Equal(("W2026-48", TestData.Tenant), (c.Period, c.TenantId)));
        Assert.Empty(await Store.ListSlicesAsync(TestData.Tenant, [], "W2026-01", "W2026-53", Token));
    }

    [Fact]
    public async Task ApplyDeltasAsync_SeveralWritersAtOnce_LoseNoIncrement()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Store.ApplyDeltasAsync([Delta("W2026-48", "n", 1), Delta("W2026-48", "sum", 4)], Token), Token)));

        var cells = await Store.ListAsync(TestData.Tenant, "org", "W2026-48", "W2026-48", Token);

        Assert.Equal([("n", 4L), ("sum", 16L)], cells.Select(c => (c.Bucket, c.Count)));
    }

    [Fact]
    public async Task ApplyDeltasAsync_VoiceTermsBesideFigures_EachSliceListsOnlyItsOwn()
    {
        // Voice terms are slices of their own beside the figures of the same period.
        var term = new AggregateDelta(TestData.Tenant, "W2026-48", "voice:org", "term", "callback", 3);
        // A tab or newline in an imported question id must not break how figures are stored.
        await Store.ApplyDeltasAsync([Delta("W2026-48", "n", 2), Delta("W2026-48", "odd\tbucket\n", 1), term, term with { Delta = -1 }], Token);

        var figures = await Store.ListAsync(TestData.Tenant, "org", "W2026-48", "W2026-48", Token);
        var terms = await Store.ListAsync(TestData.Tenant, "voice:org", "W2026-48", "W2026-48", Token);

        Assert.Equal([("n", 2L), ("odd\tbucket\n", 1L)], figures.Select(c => (c.Bucket, c.Count)));
        Assert.Equal([("callback", 2L)], terms.Select(c => (c.Bucket, c.Count)));
        await Store.ClearAsync(TestData.Tenant, Token);
        Assert.Empty(await Store.ListAsync(TestData.Tenant, "voice:org", "W2026-01", "W2026-53", Token));
    }

    [Fact]
    public async Task ClearAsync_Tenant_RemovesEveryCellOfThatTenantOnly()
    {
        await Store.ApplyDeltasAsync([Delta("W2026-48", "n", 1), Delta("W2026-48", "n", 1, "level:2"), new AggregateDelta(TestData.OtherTenant, "W2026-48", "org", "a3", "n", 7)], Token);

        await Store.ClearAsync(TestData.Tenant, Token);

        Assert.Empty(await Store.ListAsync(TestData.Tenant, "org", "W2026-01", "W2026-53", Token));
        Assert.Empty(await Store.ListAsync(TestData.Tenant, "level:2", "W2026-01", "W2026-53", Token));
        Assert.Single(await Store.ListAsync(TestData.OtherTenant, "org", "W2026-01", "W2026-53", Token));
    }
}

public sealed class SqliteAggregateStoreTests() : AggregateStoreContract(() => new SqliteBackend());

public sealed class AzureAggregateStoreTests(AzuriteFixture azurite) : AggregateStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
