using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Storage;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class DeliveryStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private IDeliveryStore Store => Stores.Get<IDeliveryStore>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Stores.Get<IPulseStore>().CreateAsync(TestData.Pulse("2026-W48", TestData.Monday), Token);
    }

    [Fact]
    public async Task CreateIfMissingAsync_RunAgainAfterARestart_CreatesOnlyTheMissingAndKeepsProgress()
    {
        var first = Enumerable.Range(0, 150).Select(i => TestData.Delivery("2026-W48", $"29:user-{i}")).ToList();
        Assert.Equal(150, await Store.CreateIfMissingAsync(first, Token));
        var sent = await Store.GetAsync("2026-W48", first[7].RecipientKey, Token);
        await Store.UpdateAsync(sent! with { Status = DeliveryStatus.Sent, ActivityId = "1:activity" }, Token);

        var again = Enumerable.Range(0, 180).Select(i => TestData.Delivery("2026-W48", $"29:user-{i}")).ToList();
        var created = await Store.CreateIfMissingAsync(again, Token);

        Assert.Equal(30, created);
        Assert.Equal(DeliveryStatus.Sent, (await Store.GetAsync("2026-W48", first[7].RecipientKey, Token))!.Status);
        Assert.Equal(180, await Store.ListAsync("2026-W48", null, Token).CountAsync(Token));
    }

    [Fact]
    public async Task GetAsync_AfterCreate_ReturnsEveryField()
    {
        var delivery = TestData.Delivery("2026-W48", TestData.AwkwardId);
        await Store.CreateIfMissingAsync([delivery], Token);

        var stored = await Store.GetAsync("2026-W48", delivery.RecipientKey, Token);

        Assert.Equal(delivery with { ETag = stored!.ETag }, stored);
        Assert.NotNull(stored.ETag);
        Assert.Null(await Store.GetAsync("2026-W48", "missing", Token));
    }

    [Fact]
    public async Task UpdateAsync_RemindLaterAtSetThenCleared_IsStoredEachTime()
    {
        var delivery = TestData.Delivery("2026-W48", "29:remind") with { RemindLaterAt = null };
        await Store.CreateIfMissingAsync([delivery], Token);
        var read = (await Store.GetAsync("2026-W48", delivery.RecipientKey, Token))!;
        Assert.Null(read.RemindLaterAt);

        var asked = await Store.UpdateAsync(read with { RemindLaterAt = TestData.Monday.AddHours(13) }, Token);
        Assert.Equal(TestData.Monday.AddHours(13), (await Store.GetAsync("2026-W48", delivery.RecipientKey, Token))!.RemindLaterAt);
        await Store.UpdateAsync(asked with { RemindLaterAt = null }, Token);

        Assert.Null((await Store.GetAsync("2026-W48", delivery.RecipientKey, Token))!.RemindLaterAt);
    }

    [Fact]
    public async Task UpdateAsync_SentAtAndUncertainSends_AreKept()
    {
        var delivery = TestData.Delivery("2026-W48", "29:late");
        await Store.CreateIfMissingAsync([delivery], Token);
        var read = (await Store.GetAsync("2026-W48", delivery.RecipientKey, Token))!;
        Assert.Null(read.SentAt);
        Assert.Equal(0, read.UncertainSends);

        await Store.UpdateAsync(read with { Status = DeliveryStatus.Sent, SentAt = TestData.Monday.AddDays(2), UncertainSends = 2 }, Token);

        var sent = (await Store.GetAsync("2026-W48", delivery.RecipientKey, Token))!;
        Assert.Equal(TestData.Monday.AddDays(2), sent.SentAt);
        Assert.Equal(2, sent.UncertainSends);
    }

    [Fact]
    public async Task UpdateAsync_TwoSendersWithTheSameETag_OneWinsTheOtherGetsConcurrencyException()
    {
        var delivery = TestData.Delivery("2026-W48", "29:ann");
        await Store.CreateIfMissingAsync([delivery], Token);
        var read = (await Store.GetAsync("2026-W48", delivery.RecipientKey, Token))!;

        var winner = await Store.UpdateAsync(read with { Status = DeliveryStatus.Sending, Attempts = 1 }, Token);
        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.UpdateAsync(read with { Status = DeliveryStatus.Sending, Attempts = 1 }, Token));
        var done = await Store.UpdateAsync(winner with { Status = DeliveryStatus.Failed, FailureReason = "HTTP 500 after 3 attempts" }, Token);

        Assert.Equal(done, await Store.GetAsync("2026-W48", delivery.RecipientKey, Token));
    }

    [Fact]
    public async Task ListAsync_MoreThanOnePageOfDeliveries_ReturnsEveryOneAndFiltersByStatus()
    {
        var deliveries = Enumerable.Range(0, 1_500).Select(i => TestData.Delivery("2026-W48", $"29:user-{i:D4}") with
        {
            Status = i % 3 == 0 ? DeliveryStatus.Sent : DeliveryStatus.Pending,
        }).ToList();
        await Store.CreateIfMissingAsync(deliveries, Token);
        await Stores.Get<IPulseStore>().CreateAsync(TestData.Pulse("2026-W49", TestData.Monday.AddDays(7)), Token);
        await Store.CreateIfMissingAsync([TestData.Delivery("2026-W49", "29:user-0000")], Token);

        var all = await Store.ListAsync("2026-W48", null, Token).Select(d => d.RecipientKey).ToListAsync(Token);
        var sent = await Store.ListAsync("2026-W48", DeliveryStatus.Sent, Token).CountAsync(Token);
        var counts = await Store.CountByStatusAsync("2026-W48", Token);

        Assert.Equal(deliveries.Select(d => d.RecipientKey).Order(), all.Order());
        Assert.Equal(500, sent);
        Assert.Equal(new Dictionary<DeliveryStatus, int> { [DeliveryStatus.Sent] = 500, [DeliveryStatus.Pending] = 1_000 }, counts);
    }

    [Fact]
    public async Task DeleteLedgerAsync_RetiredPulsesLedger_RemovesEveryRowAndKeepsOtherLedgers()
    {
        // 2,000 rows put over 100 in each of the ledger's Azure partitions, and four SQLite chunks.
        var old = LedgerIds.For(LedgerIds.PulseKind, "2024-W45." + TestData.Tenant);
        await Store.CreateIfMissingAsync([.. Enumerable.Range(0, 2000).Select(i => TestData.Delivery(old, $"29:user-{i}"))], Token);
        await Store.CreateIfMissingAsync([.. Enumerable.Range(0, 30).Select(i => TestData.Delivery("2026-W48", $"29:user-{i}"))], Token);
        await Store.CreateIfMissingAsync([.. Enumerable.Range(0, 30).Select(i => TestData.Delivery("insight:i-1", $"29:user-{i}"))], Token);

        var deleted = await Store.DeleteLedgerAsync(old, Token);
        var again = await Store.DeleteLedgerAsync(old, Token);

        Assert.Equal(2000, deleted);
        Assert.Equal(0, again);
        Assert.Empty(await Store.ListAsync(old, null, Token).ToListAsync(Token));
        Assert.Equal(30, await Store.ListAsync("2026-W48", null, Token).CountAsync(Token));
        Assert.Equal(30, await Store.ListAsync("insight:i-1", null, Token).CountAsync(Token));
    }
}

public sealed class SqliteDeliveryStoreTests() : DeliveryStoreContract(() => new SqliteBackend());

public sealed class AzureDeliveryStoreTests(AzuriteFixture azurite) : DeliveryStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
