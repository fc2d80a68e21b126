using System.Globalization;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Storage.AzureTables;
using FocusBot.Storage.Sqlite;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

/// <summary>
/// Retention's deletion of whole answer sets: a pulse's answers, counted records and "answered" markers, and a week's
/// "one thing" comments, go; every other set (newer, or another tenant's of the same week) keeps every row; deleting
/// again changes nothing; sets larger than one batch or one chunk go whole.
/// </summary>
public abstract class AnswerSetStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private static readonly string Old = PulseIds.Weekly("2024-W45", TestData.Tenant);
    private static readonly string OldVoice = PulseIds.Voice("W2024-45", TestData.Tenant);
    private static readonly string Newer = PulseIds.Weekly("2026-W48", TestData.Tenant);
    private static readonly string OtherTenantsOld = PulseIds.Weekly("2024-W45", TestData.OtherTenant);

    private IAnswerSetStore Sets => Stores.Get<IAnswerSetStore>();

    private IAnswerStore Answers => Stores.Get<IAnswerStore>();

    private ICountedAnswersStore Counted => Stores.Get<ICountedAnswersStore>();

    private IAnsweredMarkStore Marks => Stores.Get<IAnsweredMarkStore>();

    private static string Respondent(int i) => "pseudo-" + i.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Each respondent answers two questions, is counted and gets a marker, as a pulse submission leaves them.</summary>
    private async Task SeedSetAsync(string setId, int respondents, string tenantId = TestData.Tenant)
    {
        var answers = Enumerable.Range(0, respondents)
            .SelectMany(i => new[] { ("k1", "0"), ("v-one-thing", "Ring customers back the same day " + i.ToString(CultureInfo.InvariantCulture)) }
                .Select(q => TestData.Answer(setId, q.Item1, Respondent(i), q.Item2) with { TenantId = tenantId }))
            .ToList();
        await Answers.UpsertManyAsync(setId, answers, Token);
        foreach (var i in Enumerable.Range(0, respondents))
        {
            await Counted.TryWriteAsync(new CountedAnswers
            {
                PulseId = setId,
                RespondentPseudonym = Respondent(i),
                TenantId = tenantId,
                Answers = new Dictionary<string, CountedAnswer>(StringComparer.Ordinal) { ["k1"] = new("0", ["team-a"]) },
            }, Token);
            await Marks.AddAsync(setId, "marker-" + Respondent(i), Token);
        }
    }

    private async Task<(int Answers, int Counted, int Marks)> RowsOfAsync(string setId, int respondents)
    {
        var counted = 0;
        foreach (var i in Enumerable.Range(0, respondents))
        {
            if (await Counted.GetAsync(setId, Respondent(i), Token) is not null)
                counted++;
        }

        return (await Answers.ListByPulseAsync(setId, Token).CountAsync(Token), counted, (await Marks.ListAsync(setId, Token)).Count);
    }

    [Fact]
    public async Task DeleteAsync_OldSets_RemovesTheirRowsAndKeepsNewerSetsAndOtherTenants()
    {
        await SeedSetAsync(Old, 120);
        await SeedSetAsync(OldVoice, 12);
        await SeedSetAsync(Newer, 30);
        await SeedSetAsync(OtherTenantsOld, 30, TestData.OtherTenant);
        Assert.Superset(new HashSet<string>([Old, OldVoice, Newer, OtherTenantsOld]), (await Sets.ListAsync(Token)).ToHashSet());

        var pulse = await Sets.DeleteAsync(Old, Token);
        var voice = await Sets.DeleteAsync(OldVoice, Token);

        Assert.Equal(new AnswerSetDeletion(240, 120, 120), pulse);
        Assert.Equal(new AnswerSetDeletion(24, 12, 12), voice);
        Assert.Equal((0, 0, 0), await RowsOfAsync(Old, 120));
        Assert.Equal((0, 0, 0), await RowsOfAsync(OldVoice, 12));
        Assert.Equal((60, 30, 30), await RowsOfAsync(Newer, 30));
        Assert.Equal((60, 30, 30), await RowsOfAsync(OtherTenantsOld, 30));
        await RestartAsync();
        var listed = await Sets.ListAsync(Token);
        Assert.DoesNotContain(Old, listed);
        Assert.DoesNotContain(OldVoice, listed);
        Assert.Contains(Newer, listed);
        Assert.Contains(OtherTenantsOld, listed);
    }

    [Fact]
    public async Task DeleteAsync_RunAgainOrOnASetWithNothing_ChangesNothing()
    {
        await SeedSetAsync(Old, 20);
        await SeedSetAsync(Newer, 20);
        await Sets.DeleteAsync(Old, Token);

        var again = await Sets.DeleteAsync(Old, Token);
        var never = await Sets.DeleteAsync(PulseIds.Weekly("2020-W01", TestData.Tenant), Token);

        Assert.Equal(AnswerSetDeletion.None, again);
        Assert.Equal(AnswerSetDeletion.None, never);
        Assert.Equal((40, 20, 20), await RowsOfAsync(Newer, 20));
    }

    [Fact]
    public async Task DeleteAsync_SetOverEveryBatchAndChunkLimit_RemovesEveryRow()
    {
        // One respondent's 1,500 answers share one Azure partition: fifteen times the 100 operations of a transaction, and
        // 500 non-ASCII characters each (escaped six bytes apiece) come to over the 4 MiB a transaction may carry; on
        // SQLite, three times a delete chunk. 250 markers fill one partition too.
        var comment = string.Concat(Enumerable.Repeat("お客様の声", Answer.FreeTextMaxLength / 5));
        var answers = Enumerable.Range(0, 1500).Select(i => TestData.Answer(Old, "q" + i.ToString(CultureInfo.InvariantCulture), "pseudo-busy", comment)).ToList();
        Assert.True(answers.Count * comment.Length * 6 > TableBatching.MaxBodyBytes);
        Assert.True(answers.Count > 2 * SqliteChunkedDelete.ChunkRows);
        await Answers.UpsertManyAsync(Old, answers, Token);
        foreach (var i in Enumerable.Range(0, 250))
            await Marks.AddAsync(Old, "marker-" + i.ToString(CultureInfo.InvariantCulture), Token);
        await SeedSetAsync(Newer, 5);

        var deleted = await Sets.DeleteAsync(Old, Token);

        Assert.Equal(new AnswerSetDeletion(1500, 0, 250), deleted);
        Assert.Empty(await Answers.ListByPulseAsync(Old, Token).ToListAsync(Token));
        Assert.Empty(await Marks.ListAsync(Old, Token));
        Assert.Equal((10, 5, 5), await RowsOfAsync(Newer, 5));
    }

    [Fact]
    public async Task DeleteAsync_WhileAnswersArrive_EveryAnswerIsStored()
    {
        await SeedSetAsync(Old, 600);

        var deleting = Sets.DeleteAsync(Old, Token);
        var arriving = Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Answers.UpsertAsync(TestData.Answer(Newer, "k1", Respondent(i), "1"), Token)));
        await Task.WhenAll(deleting, arriving);

        Assert.Equal(new AnswerSetDeletion(1200, 600, 600), await deleting);
        Assert.Equal(100, await Answers.ListByPulseAsync(Newer, Token).CountAsync(Token));
        Assert.Equal((0, 0, 0), await RowsOfAsync(Old, 600));
    }
}

public sealed class SqliteAnswerSetStoreTests() : AnswerSetStoreContract(() => new SqliteBackend());

public sealed class AzureAnswerSetStoreTests(AzuriteFixture azurite) : AnswerSetStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
