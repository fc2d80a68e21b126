using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class AnswerStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private IAnswerStore Store => Stores.Get<IAnswerStore>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Stores.Get<IPulseStore>().CreateAsync(TestData.Pulse("2026-W47", TestData.Monday.AddDays(-7)), Token);
        await Stores.Get<IPulseStore>().CreateAsync(TestData.Pulse("2026-W48", TestData.Monday), Token);
    }

    [Fact]
    public async Task UpsertAsync_FirstAnswer_ReturnsNullAndStoresRevisionOne()
    {
        var answer = TestData.Answer("2026-W48", "a3", "pseudo-1", "4");

        var previous = await Store.UpsertAsync(answer, Token);

        Assert.Null(previous);
        Same.Answer(answer, await Store.GetAsync("2026-W48", "a3", "pseudo-1", Token));
    }

    [Fact]
    public async Task UpsertAsync_LaterAnswer_ReplacesTheEarlierAndReturnsIt()
    {
        var first = TestData.Answer("2026-W48", "a3", "pseudo-1", "2");
        await Store.UpsertAsync(first, Token);

        var previous = await Store.UpsertAsync(first with { Value = "5", AnsweredAt = first.AnsweredAt.AddMinutes(3) }, Token);

        Same.Answer(first, previous);
        var stored = await Store.GetAsync("2026-W48", "a3", "pseudo-1", Token);
        Assert.Equal("5", stored!.Value);
        Assert.Equal(2, stored.Revision);
        Assert.Single(await Store.ListByPulseAsync("2026-W48", Token).ToListAsync(Token));
    }

    [Fact]
    public async Task UpsertAsync_ManyRacingAnswersForOneQuestion_EachReplacedValueIsReturnedExactlyOnce()
    {
        var values = Enumerable.Range(1, 8).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var previous = await Task.WhenAll(values.Select(value => Task.Run(() => Store.UpsertAsync(TestData.Answer("2026-W48", "a3", "pseudo-race", value), Token), Token)));

        // Aggregates move a contribution from each returned previous answer: the answers must form one chain.
        var final = await Store.GetAsync("2026-W48", "a3", "pseudo-race", Token);
        Assert.Single(previous, answer => answer is null);
        Assert.Equal(values.Order(), previous.OfType<Answer>().Select(a => a.Value).Append(final!.Value).Order());
        Assert.Equal(8, final.Revision);
    }

    [Fact]
    public async Task UpsertManyAsync_MoreThanOnePageOfAnswers_ReturnsPreviousPerAnswerAndListsThemAll()
    {
        var answers = Enumerable.Range(0, 1_200).Select(i => TestData.Answer("2026-W48", "k1", $"pseudo-{i:D4}", "0")).ToList();
        var firstRound = await Store.UpsertManyAsync("2026-W48", answers, Token);
        var changed = answers.Take(250).Select(a => a with { Value = "1" }).ToList();

        var secondRound = await Store.UpsertManyAsync("2026-W48", changed, Token);

        Assert.All(firstRound, Assert.Null);
        Assert.All(secondRound, previous => Assert.Equal("0", previous!.Value));
        var listed = await Store.ListByPulseAsync("2026-W48", Token).ToListAsync(Token);
        Assert.Equal(1_200, listed.Count);
        Assert.Equal(250, listed.Count(a => a.Value == "1" && a.Revision == 2));
    }

    [Fact]
    public async Task UpsertManyAsync_SamePairTwice_IsRejected()
    {
        var answer = TestData.Answer("2026-W48", "k1", "pseudo-1", "0");

        await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertManyAsync("2026-W48", [answer, answer with { Value = "1" }], Token));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertManyAsync("2026-W47", [answer], Token));
    }

    [Fact]
    public async Task InsertIfAbsentAsync_FirstStores_LaterKeepsTheFirstAndReturnsIt()
    {
        var first = TestData.Answer("2026-W48", "k1", "pseudo-1", "0");

        var none = await Store.InsertIfAbsentAsync(first, Token);
        var existing = await Store.InsertIfAbsentAsync(first with { Value = "1" }, Token);

        Assert.Null(none);
        Same.Answer(first, existing);
        Same.Answer(first, await Store.GetAsync("2026-W48", "k1", "pseudo-1", Token));
    }

    [Fact]
    public async Task InsertIfAbsentAsync_RacingFirstAnswers_KeepExactlyOne_AndEveryLoserIsToldWhich()
    {
        var values = Enumerable.Range(0, 8).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var results = await Task.WhenAll(values.Select(value => Task.Run(() => Store.InsertIfAbsentAsync(TestData.Answer("2026-W48", "k1", "pseudo-race", value), Token), Token)));

        var kept = await Store.GetAsync("2026-W48", "k1", "pseudo-race", Token);
        Assert.Single(results, r => r is null);
        Assert.All(results.OfType<Answer>(), r => Assert.Equal(kept!.Value, r.Value));
        Assert.Equal(1, kept!.Revision);
    }

    [Fact]
    public async Task UpsertAsync_KeepsTheDayOnly_AndTeamsUnreadableButReadBack()
    {
        var answer = TestData.Answer("2026-W48", "a3", "pseudo-1", "4") with { AnsweredAt = TestData.Monday.AddHours(13).AddMilliseconds(417) };

        await Store.UpsertAsync(answer, Token);

        var stored = await Store.GetAsync("2026-W48", "a3", "pseudo-1", Token);
        Assert.Equal(new DateTimeOffset(TestData.Monday.UtcDateTime.Date, TimeSpan.Zero), stored!.AnsweredAt);
        Assert.Equal(answer.TeamIds, stored.TeamIds);
    }

    [Fact]
    public async Task ListByRespondentAsync_AnswersInSeveralPulses_ReturnsOnlyThatRespondents()
    {
        await Store.UpsertAsync(TestData.Answer("2026-W47", "k1", TestData.AwkwardId, "1"), Token);
        await Store.UpsertAsync(TestData.Answer("2026-W48", "k1", TestData.AwkwardId, "2"), Token);
        await Store.UpsertAsync(TestData.Answer("2026-W48", "a3", TestData.AwkwardId, "3"), Token);
        await Store.UpsertAsync(TestData.Answer("2026-W48", "k1", "someone-else", "4"), Token);

        var mine = await Store.ListByRespondentAsync(TestData.AwkwardId, Token).ToListAsync(Token);

        Assert.Equal(["1", "2", "3"], mine.Select(a => a.Value).Order());
        Assert.All(mine, a => Assert.Equal(TestData.AwkwardId, a.RespondentPseudonym));
    }
}

public sealed class SqliteAnswerStoreTests() : AnswerStoreContract(() => new SqliteBackend());

public sealed class AzureAnswerStoreTests(AzuriteFixture azurite) : AnswerStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
