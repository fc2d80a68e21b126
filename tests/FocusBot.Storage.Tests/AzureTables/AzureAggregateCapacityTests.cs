using FocusBot.Domain.Aggregates;
using FocusBot.Storage.AzureTables;
using FocusBot.Storage.Tests.Contracts;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.AzureTables;

/// <summary>
/// Voice terms are packed one entity per slice and period like every other counter: what happens at the limits of an
/// entity (1 MiB) and of a batch (4 MiB).
/// </summary>
public sealed class AzureAggregateCapacityTests(AzuriteFixture azurite)
{
    private const string Slice = "voice:org";
    private static readonly string LongTerm = new('x', 990);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static AggregateDelta Term(string period, int i, long delta = 1) => new(TestData.Tenant, period, Slice, "term", $"{LongTerm}{i:D5}", delta);

    [Fact]
    public async Task ApplyDeltasAsync_MoreTermsThanOneEntityHolds_KeepsCountingThoseItHasAndLeavesOutNewOnes()
    {
        await using var scope = await new AzureTablesBackend(azurite.ConnectionString).OpenAsync(TimeProvider.System);
        var store = scope.Get<AzureAggregateStore>();
        var fits = AzureAggregateStore.MaxEntityChars / 1_003; // a line: "term", tab, the 995-character term, tab, a one-digit count, newline
        await store.ApplyDeltasAsync([.. Enumerable.Range(0, fits + 50).Select(i => Term("W2026-48", i))], Token);

        await store.ApplyDeltasAsync([Term("W2026-48", 0, 2), Term("W2026-48", fits + 60)], Token);

        var terms = await store.ListAsync(TestData.Tenant, Slice, "W2026-48", "W2026-48", Token);
        Assert.Equal(fits, terms.Count);
        Assert.Equal(3, terms.Single(t => t.Bucket == $"{LongTerm}00000").Count);
        Assert.DoesNotContain(terms, t => t.Bucket == $"{LongTerm}{fits + 60:D5}");
    }

    [Fact]
    public async Task ApplyDeltasAsync_PeriodsTogetherLargerThanOneBatch_AreAllWritten()
    {
        await using var scope = await new AzureTablesBackend(azurite.ConnectionString).OpenAsync(TimeProvider.System);
        var store = scope.Get<AzureAggregateStore>();
        // Sixteen weeks of about 350 KB each: more than the 4 MiB one batch may carry.
        var weeks = Enumerable.Range(1, 16).Select(w => $"W2026-{w:D2}").ToList();

        await store.ApplyDeltasAsync([.. weeks.SelectMany(week => Enumerable.Range(0, 350).Select(i => Term(week, i)))], Token);

        var terms = await store.ListAsync(TestData.Tenant, Slice, weeks[0], weeks[^1], Token);
        Assert.Equal(weeks, terms.Select(t => t.Period).Distinct());
        Assert.Equal(16 * 350, terms.Count);
    }
}
