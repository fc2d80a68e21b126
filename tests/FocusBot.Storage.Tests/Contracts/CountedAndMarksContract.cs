using FocusBot.Domain.Answers;
using FocusBot.Domain.Privacy;
using FocusBot.Domain.Pulses;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

/// <summary>The trend recorder's counted records (conditional writes) and the "answered" markers, and their erasure.</summary>
public abstract class CountedAndMarksContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private ICountedAnswersStore Counted => Stores.Get<ICountedAnswersStore>();

    private IAnsweredMarkStore Marks => Stores.Get<IAnsweredMarkStore>();

    private static CountedAnswers Record(string respondent, string value) => new()
    {
        PulseId = "2026-W48",
        RespondentPseudonym = respondent,
        TenantId = TestData.Tenant,
        Answers = new Dictionary<string, CountedAnswer>(StringComparer.Ordinal) { ["a3"] = new(value, ["team-a", "team-b"]) },
    };

    [Fact]
    public async Task TryWriteAsync_InsertThenReplaceWithTheETag_RoundTrips()
    {
        var inserted = await Counted.TryWriteAsync(Record("pseudo-1", "4"), Token);
        var replaced = await Counted.TryWriteAsync(Record("pseudo-1", "5") with { ETag = inserted!.ETag }, Token);

        var stored = await Counted.GetAsync("2026-W48", "pseudo-1", Token);
        Assert.NotNull(replaced);
        Assert.Equal("5", stored!.Answers["a3"].Value);
        Assert.Equal(["team-a", "team-b"], stored.Answers["a3"].TeamIds);
        Assert.Equal(replaced.ETag, stored.ETag);
    }

    [Fact]
    public async Task TryWriteAsync_StaleETagOrSecondInsert_LosesAndChangesNothing()
    {
        var first = await Counted.TryWriteAsync(Record("pseudo-1", "4"), Token);
        await Counted.TryWriteAsync(Record("pseudo-1", "5") with { ETag = first!.ETag }, Token);

        Assert.Null(await Counted.TryWriteAsync(Record("pseudo-1", "1"), Token));
        Assert.Null(await Counted.TryWriteAsync(Record("pseudo-1", "2") with { ETag = first.ETag }, Token));
        Assert.Equal("5", (await Counted.GetAsync("2026-W48", "pseudo-1", Token))!.Answers["a3"].Value);
    }

    [Fact]
    public async Task TryWriteAsync_RacingWritersFromOneVersion_ExactlyOneWins()
    {
        var first = await Counted.TryWriteAsync(Record("pseudo-race", "1"), Token);

        var results = await Task.WhenAll(Enumerable.Range(2, 6).Select(i =>
            Task.Run(() => Counted.TryWriteAsync(Record("pseudo-race", i.ToString(System.Globalization.CultureInfo.InvariantCulture)) with { ETag = first!.ETag }, Token), Token)));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task Marks_AddTwice_ListedOnce_PerPulse()
    {
        await Marks.AddAsync("2026-W48", "marker-1", Token);
        await Marks.AddAsync("2026-W48", "marker-1", Token);
        await Marks.AddAsync("2026-W48", "marker-2", Token);
        await Marks.AddAsync("2026-W47", "marker-1", Token);

        Assert.Equal(["marker-1", "marker-2"], (await Marks.ListAsync("2026-W48", Token)).Order());
        Assert.Empty(await Marks.ListAsync("2026-W49", Token));
    }

    [Fact]
    public async Task Erase_RemovesThePersonsCountedRecordsAndMarkers_OnlyTheirs()
    {
        await Stores.Get<IPulseStore>().CreateAsync(TestData.Pulse("2026-W48", TestData.Monday), Token);
        await Counted.TryWriteAsync(Record("pseudo-gone", "4"), Token);
        await Counted.TryWriteAsync(Record("pseudo-stays", "4"), Token);
        await Marks.AddAsync("2026-W48", "marker-gone", Token);
        await Marks.AddAsync("2026-W48", "marker-stays", Token);

        await Stores.Get<IPersonalDataEraser>().EraseAsync(new ErasureSubject
        {
            TenantId = TestData.Tenant,
            Pseudonyms = ["pseudo-gone"],
            AnsweredMarkers = [("2026-W48", "marker-gone")],
        }, Token);

        Assert.Null(await Counted.GetAsync("2026-W48", "pseudo-gone", Token));
        Assert.NotNull(await Counted.GetAsync("2026-W48", "pseudo-stays", Token));
        Assert.Equal(["marker-stays"], await Marks.ListAsync("2026-W48", Token));
    }
}

public sealed class SqliteCountedAndMarksTests() : CountedAndMarksContract(() => new SqliteBackend());

public sealed class AzureCountedAndMarksTests(AzuriteFixture azurite) : CountedAndMarksContract(() => new AzureTablesBackend(azurite.ConnectionString));
