using FocusBot.Domain.Pulses;
using FocusBot.Domain.Storage;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class PulseStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private IPulseStore Store => Stores.Get<IPulseStore>();

    [Fact]
    public async Task CreateAsync_ThenGet_ReturnsThePulseWithAnETag()
    {
        var pulse = TestData.Pulse("2026-W48", TestData.Monday);

        var created = await Store.CreateAsync(pulse, Token);

        Assert.NotNull(created?.ETag);
        Same.Pulse(pulse, await Store.GetAsync("2026-W48", Token));
        Assert.Null(await Store.GetAsync("2026-W49", Token));
    }

    [Fact]
    public async Task CreateAsync_IdExists_ReturnsNullAndKeepsTheFirst()
    {
        await Store.CreateAsync(TestData.Pulse("2026-W48", TestData.Monday), Token);

        var second = await Store.CreateAsync(TestData.Pulse("2026-W48", TestData.Monday) with { QuestionIds = ["other"] }, Token);

        Assert.Null(second);
        Assert.Equal(["k1", "b2", "a3"], (await Store.GetAsync("2026-W48", Token))!.QuestionIds);
    }

    [Fact]
    public async Task UpdateAsync_CurrentETag_SavesAndReturnsANewETag()
    {
        var created = (await Store.CreateAsync(TestData.Pulse("2026-W48", TestData.Monday), Token))!;

        var updated = await Store.UpdateAsync(created with { Status = PulseStatus.Open }, Token);

        Assert.NotEqual(created.ETag, updated.ETag);
        var stored = await Store.GetAsync("2026-W48", Token);
        Assert.Equal(PulseStatus.Open, stored!.Status);
        Assert.Equal(updated.ETag, stored.ETag);
    }

    [Fact]
    public async Task UpdateAsync_TwoWritersWithTheSameETag_OneWinsTheOtherGetsConcurrencyException()
    {
        var created = (await Store.CreateAsync(TestData.Pulse("2026-W48", TestData.Monday), Token))!;

        var results = await Task.WhenAll(
            Attempt(() => Store.UpdateAsync(created with { Status = PulseStatus.Sending }, Token)),
            Attempt(() => Store.UpdateAsync(created with { Status = PulseStatus.Closed }, Token)));

        Assert.Single(results, result => result is null);
        Assert.IsType<ConcurrencyException>(Assert.Single(results, result => result is not null));
        Assert.NotEqual(PulseStatus.Scheduled, (await Store.GetAsync("2026-W48", Token))!.Status);
    }

    [Fact]
    public async Task ListRecentAsync_ManyPulses_NewestFirstUpToCount()
    {
        for (var week = 40; week <= 48; week++)
        {
            await Store.CreateAsync(TestData.Pulse($"2026-W{week}", TestData.Monday.AddDays(7 * (week - 48))), Token);
        }

        var recent = await Store.ListRecentAsync(3, Token);

        Assert.Equal(["2026-W48", "2026-W47", "2026-W46"], recent.Select(p => p.Id));
    }

    [Fact]
    public async Task ListActiveAsync_MixedStatuses_LeavesOutClosedPulses()
    {
        await Store.CreateAsync(TestData.Pulse("2026-W46", TestData.Monday.AddDays(-14), PulseStatus.Closed), Token);
        await Store.CreateAsync(TestData.Pulse("2026-W47", TestData.Monday.AddDays(-7), PulseStatus.Open), Token);
        await Store.CreateAsync(TestData.Pulse("2026-W48", TestData.Monday, PulseStatus.Sending), Token);

        Assert.Equal(["2026-W47", "2026-W48"], (await Store.ListActiveAsync(Token)).Select(p => p.Id));
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}

public sealed class SqlitePulseStoreTests() : PulseStoreContract(() => new SqliteBackend());

public sealed class AzurePulseStoreTests(AzuriteFixture azurite) : PulseStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
