using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Trends.Gate;

/// <summary>
/// The fair knowledge scale as the privacy gate publishes it, on answers written and sealed the way production does:
/// eight weekly pulses of two quiz items each, from a bank of an easy, a middling and a hard item (Rasch difficulties
/// -2, 0 and +2). The first four weeks ask the easy and middling items, the last four the middling and hard ones.
/// </summary>
public abstract class FairKnowledgeTests
{
    private const int Weeks = 8;
    private const int People = 30;
    private static readonly Question[] s_items = [Item("fk-easy", -2), Item("fk-mid", 0), Item("fk-hard", 2)];
    private static readonly Dictionary<string, double> s_difficulty = new() { ["fk-easy"] = -2, ["fk-mid"] = 0, ["fk-hard"] = 2 };

    protected abstract Task<TrendWorld> CreateWorldAsync();

    private static Question Item(string id, double difficulty) => new()
    {
        Id = id,
        Text = $"Quiz item of difficulty {difficulty}",
        Dimension = QuestionDimension.Knowledge,
        Level = 1,
        Kind = QuestionKind.Quiz,
        Options = ["Wrong", "Right"],
        CorrectOption = 1,
        CreatedAt = TrendWorld.Start,
    };

    private static Question[] AskedIn(int week) => week < Weeks / 2 ? [s_items[0], s_items[1]] : [s_items[1], s_items[2]];

    /// <summary>The weeks' pulses, each person answering both items with the Rasch chance at the week's ability, then sealed.</summary>
    private static async Task<TrendWorld> SimulateAsync(TrendWorld world, int seed, Func<int, double> abilityOfWeek, int weeks = Weeks)
    {
        await world.Get<IQuestionStore>().ReplaceBankAsync([.. SampleQuestions.All, .. s_items], CancellationToken.None);
        var random = new Random(seed);
        for (var week = 0; week < weeks; week++)
        {
            var items = AskedIn(week);
            var pulse = await world.OpenPulseAsync(week, items);
            for (var person = 0; person < People; person++)
            {
                await world.DeliverAsync(pulse, $"w{week}-{person}");
                foreach (var item in items)
                {
                    var chance = 1 / (1 + Math.Exp(s_difficulty[item.Id] - abilityOfWeek(week)));
                    await world.AnswerAsync(pulse, item, $"w{week}-{person}", random.NextDouble() < chance ? "1" : "0");
                }
            }

            await world.CloseAsync(pulse);
        }

        await world.SealAsync();
        return world;
    }

    private static (PublishedFigure Raw, AdjustedKnowledge Adjusted) Week(TrendReport report, int week)
    {
        var period = TrendPeriod.WeekOf(DateOnly.FromDateTime(TrendWorld.Start.AddDays(7 * week).UtcDateTime));
        var index = report.Periods.ToList().IndexOf(period);
        return (report.Organisation[TrendMeasure.Knowledge].Points[index], report.FairKnowledge!.Points[index]!);
    }

    private static readonly ChangeLabel[] s_clearChange = [ChangeLabel.Rising, ChangeLabel.Falling];

    [Fact]
    public Task HarderItemsWithNoRealChange_RawFallsClearly_AdjustedShowsNoClearChange() => HarderItemsWithNoRealChangeAsync(1);

    /// <summary>One simulated organisation; SQLite runs more seeds (the model's behaviour does not depend on the store, its reads do).</summary>
    protected async Task HarderItemsWithNoRealChangeAsync(int seed)
    {
        await using var world = await SimulateAsync(await CreateWorldAsync(), seed, _ => 0.5);

        var report = await world.ReportAsync();

        var (raw, adjusted) = Week(report, Weeks / 2);
        Assert.Equal(ChangeLabel.Falling, raw.Change?.Label);
        Assert.NotNull(adjusted.Change);
        Assert.DoesNotContain(adjusted.Change.Label, s_clearChange);
        Assert.Equal(raw.Value, adjusted.RawPercent);
        Assert.Equal((People, 2), (adjusted.N, adjusted.ItemsAsked));
        Assert.Equal(3, report.FairKnowledge!.BankItems);
        Assert.Equal(Weeks * People * 2, report.FairKnowledge.AnswersUsed);
    }

    [Fact]
    public async Task RealRiseWhileItemsGetHarder_AdjustedRisesClearly()
    {
        await using var world = await SimulateAsync(await CreateWorldAsync(), 4, week => week < Weeks / 2 ? -1 : 1);

        var report = await world.ReportAsync();

        var (raw, adjusted) = Week(report, Weeks / 2);
        // Expected: raw 50% correct before and after (the harder items hide the rise entirely); adjusted 35% to 65%.
        Assert.NotEqual(ChangeLabel.Rising, raw.Change?.Label);
        Assert.Equal(ChangeLabel.Rising, adjusted.Change?.Label);
        Assert.InRange(adjusted.Change!.DifferencePoints, 15, 50);
    }

    [Fact]
    public async Task AnswersToAnOpenPulse_ChangeNoPublishedAdjustedFigure()
    {
        await using var world = await SimulateAsync(await CreateWorldAsync(), 5, _ => 0.5);
        var before = (await world.ReportAsync()).FairKnowledge!;

        // A ninth week opens; everyone gets the hard item wrong. Nothing is sealed, so nothing published may move.
        var pulse = await world.OpenPulseAsync(Weeks, s_items[2]);
        for (var person = 0; person < People; person++)
            await world.AnswerAsync(pulse, s_items[2], $"late-{person}", "0");
        var after = (await world.ReportAsync()).FairKnowledge!;

        Assert.Equal(before.Points.Select(p => p?.Percent), after.Points.Select(p => p?.Percent));
        Assert.Equal(before.AnswersUsed, after.AnswersUsed);
    }

    [Fact]
    public async Task WeekWithTooFewPeople_HasNoAdjustedFigure()
    {
        await using var world = await SimulateAsync(await CreateWorldAsync(), 6, _ => 0.5, weeks: 2);
        var small = await world.OpenPulseAsync(2, s_items[0]);
        for (var person = 0; person < world.Get<PrivacyThresholds>().MinimumGroupSize - 1; person++)
            await world.AnswerAsync(small, s_items[0], $"few-{person}", "1");
        await world.CloseAsync(small);
        await world.SealAsync();

        var report = await world.ReportAsync();

        Assert.Equal(FigureStatus.Hidden, report.Organisation[TrendMeasure.Knowledge].Latest.Status);
        Assert.Null(report.FairKnowledge!.Latest);
    }

    [Fact]
    public async Task TeamAndManagerReports_CarryNoOrganisationScale()
    {
        await using var world = await SimulateAsync(await CreateWorldAsync(), 7, _ => 0.5, weeks: 2);

        Assert.Null((await world.ReportAsync(slice: TrendSlices.Team("a"))).FairKnowledge);
        Assert.Null((await world.ReportAsync(slice: TrendSlices.Team("a"), teamOnly: true)).FairKnowledge);
        Assert.NotNull((await world.ReportAsync()).FairKnowledge);
    }
}

public sealed class FairKnowledgeOnSqliteTests : FairKnowledgeTests
{
    protected override Task<TrendWorld> CreateWorldAsync() => TrendWorld.CreateAsync();

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public Task HarderItemsWithNoRealChange_OtherSeeds_AdjustedShowsNoClearChange(int seed) => HarderItemsWithNoRealChangeAsync(seed);
}

public sealed class FairKnowledgeOnAzuriteTests(AzuriteFixture azurite) : FairKnowledgeTests
{
    protected override Task<TrendWorld> CreateWorldAsync() => TrendWorld.CreateAsync(azureTablesConnectionString: azurite.ConnectionString);
}
