using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Trends.Gate;

public sealed class RebuildAndLabelTests : IAsyncLifetime
{
    private TrendWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await TrendWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private static readonly string[] s_slices =
        ["org", "team:a", "team:b", "team:c", "level:1", "tag:who-is-a-customer", "tag:listening", "voice:org", "voice:team:a", "voice:team:c", "index", "groups"];

    /// <summary>Six weekly pulses to 24 people in overlapping teams, with changes of mind and "one thing" comments.</summary>
    private async Task PlaySixWeeksAsync()
    {
        var random = new Random(7);
        for (var week = 0; week < 6; week++)
        {
            var pulse = await _world.OpenPulseAsync(week, SampleQuestions.Quiz, SampleQuestions.Frequency, SampleQuestions.Agreement, SampleQuestions.Advocacy, SampleQuestions.Voice);
            for (var person = 0; person < 24; person++)
            {
                string[] teams = person % 3 == 0 ? ["a", "b"] : person % 3 == 1 ? ["a"] : ["c"];
                await _world.DeliverAsync(pulse, "p" + person, teams);
                if (random.NextDouble() < 0.3)
                    await _world.CommentAsync("p" + person, "call customers back the same day", teams);
                if (random.NextDouble() < 0.2)
                    continue;
                foreach (var question in SampleQuestions.All.Where(q => pulse.QuestionIds.Contains(q.Id)))
                {
                    if (random.NextDouble() < 0.1)
                        continue;
                    await _world.AnswerAsync(pulse, question, "p" + person, Value(question, random), teams);
                    // Some people change their mind before the pulse closes.
                    if (random.NextDouble() < 0.3)
                        await _world.AnswerAsync(pulse, question, "p" + person, Value(question, random), teams);
                }
            }

            await _world.CloseAsync(pulse);
        }

        _world.Clock.Advance(TimeSpan.FromDays(80));
    }

    private static SortedDictionary<string, long> Figures(SortedDictionary<string, long> cells) =>
        new(cells.Where(c => !c.Key.Contains("|gate|", StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);

    [Fact]
    public async Task Rebuild_BeforeSealing_GivesTheSameCellsAsTheIncrementalPath_ParticipationAndCommentsIncluded()
    {
        await PlaySixWeeksAsync();
        var incremental = await _world.SnapshotAsync(s_slices);

        var result = await _world.Rebuilder.RebuildAsync(TrendWorld.Tenant, CancellationToken.None);
        var rebuilt = Figures(await _world.SnapshotAsync(s_slices));

        Assert.False(result.Refused);
        Assert.Equal(6, result.Pulses);
        Assert.True(incremental.Count > 500, $"only {incremental.Count} cells");
        Assert.Contains(incremental, c => c.Key.Contains("|P|delivered", StringComparison.Ordinal));
        Assert.Contains(incremental, c => c.Key.StartsWith("voice:team:a|", StringComparison.Ordinal));
        Assert.Equal(incremental, rebuilt);
    }

    [Fact]
    public async Task Rebuild_AfterSealing_FindsEverySealedPeriodEqualAndChangesNothing()
    {
        await PlaySixWeeksAsync();
        await _world.SealAsync();
        var incremental = await _world.SnapshotAsync(s_slices);

        var result = await _world.Rebuilder.RebuildAsync(TrendWorld.Tenant, CancellationToken.None);

        Assert.Equal(0, result.SealedPeriodsDiffering);
        Assert.Equal(incremental, await _world.SnapshotAsync(s_slices));
    }

    [Fact]
    public async Task ErasureThenRebuild_LeavesSealedFiguresAsTheyWereAndCountsThePeriodsThatDiffer()
    {
        await PlaySixWeeksAsync();
        await _world.SealAsync();
        var sealedFigures = await _world.SnapshotAsync(s_slices);
        var reportBefore = await _world.ReportAsync();

        await _world.EraseAsync("p0");
        var result = await _world.Rebuilder.RebuildAsync(TrendWorld.Tenant, CancellationToken.None);

        Assert.Equal(sealedFigures, await _world.SnapshotAsync(s_slices));
        Assert.True(result.SealedPeriodsDiffering > 0);
        var reportAfter = await _world.ReportAsync();
        Assert.Equal(reportBefore.Organisation["A"].Points.Select(p => p.Value), reportAfter.Organisation["A"].Points.Select(p => p.Value));
    }

    [Fact]
    public async Task OneThingComments_DoNotCountAsAnsweringThePulse()
    {
        var pulse = await _world.OpenPulseAsync(0, SampleQuestions.Agreement);
        for (var i = 0; i < 8; i++)
            await _world.DeliverAsync(pulse, "p" + i);
        for (var i = 0; i < 6; i++)
            await _world.AnswerAsync(pulse, SampleQuestions.Agreement, "p" + i, "4");
        for (var i = 0; i < 8; i++)
            await _world.CommentAsync("p" + i, "reply to customers the same day");
        await _world.CloseAsync(pulse);
        await _world.SealAsync();

        var participation = (await _world.ReportAsync()).Organisation["P"].Latest;

        Assert.Equal(6, participation.Answered);
        Assert.Equal(75, participation.Value!.Value, 3);
    }

    private async Task<Dictionary<string, long>> SealedWeekAsync(TrendPeriod week) =>
        (await _world.SnapshotAsync(["org", "voice:org", "groups"])).Where(c => c.Key.Contains("|" + week.Key + "|", StringComparison.Ordinal)).ToDictionary();

    [Fact]
    public async Task CommentAfterTheWeekIsSealed_CountsTowardTheNextWeek_AndTheSealedWeekStaysAsItWas()
    {
        var pulse = await _world.OpenPulseAsync(0, SampleQuestions.Agreement);
        await _world.CohortAsync(pulse, SampleQuestions.Agreement, "p", ["4", "4", "5", "3", "2", "4"]);
        for (var i = 0; i < 12; i++)
            await _world.CommentAsync("p" + i, "faster replies to customer emails");
        await _world.CloseAsync(pulse);
        await _world.SealAsync();
        var week = TrendPeriod.WeekOf(DateOnly.FromDateTime(pulse.OpensAt.UtcDateTime));
        var before = await SealedWeekAsync(week);

        await _world.CommentAsync("p12", "a newest comment with words nobody else used");

        Assert.Equal(before, await SealedWeekAsync(week));
        var nextWeek = await _world.Aggregates.ListAsync(TrendWorld.Tenant, "org", week.Next().Key, week.Next().Key, CancellationToken.None);
        Assert.Contains(nextWeek, c => c.Key == "V" && c.Bucket == "n" && c.Count == 1);
    }

    [Fact]
    public async Task Rebuild_WhileAPulseIsOpen_IsRefusedAndChangesNothing()
    {
        var pulse = await _world.OpenPulseAsync(0, SampleQuestions.Quiz);
        await _world.CohortAsync(pulse, SampleQuestions.Quiz, "p", ["1", "1", "0", "1", "1"]);
        var before = await _world.SnapshotAsync(["org"]);

        var result = await _world.Rebuilder.RebuildAsync(TrendWorld.Tenant, CancellationToken.None);

        Assert.True(result.Refused);
        Assert.Equal(before, await _world.SnapshotAsync(["org"]));
    }

    [Fact]
    public async Task Publish_ThreeThenNineCorrectOfTen_IsRisingByFisher()
    {
        // 9/10 vs 3/10: Fisher (smallest expected count 10 × 8 / 20 = 4) p = 2490/125970 = 0.0198 < 0.10, +60 points.
        var first = await _world.OpenPulseAsync(0, SampleQuestions.Quiz);
        await _world.CohortAsync(first, SampleQuestions.Quiz, "p", ["1", "1", "1", "0", "0", "0", "0", "0", "0", "0"]);
        await _world.CloseAsync(first);
        var second = await _world.OpenPulseAsync(1, SampleQuestions.Quiz);
        await _world.CohortAsync(second, SampleQuestions.Quiz, "p", ["1", "1", "1", "1", "1", "1", "1", "1", "1", "0"]);
        await _world.CloseAsync(second);
        await _world.SealAsync();

        var change = (await _world.ReportAsync()).Organisation["K"].Latest.Change!;

        Assert.Equal(ChangeLabel.Rising, change.Label);
        Assert.Equal(ChangeTest.FisherExact, change.Test);
        Assert.Equal(2490.0 / 125970, change.PValue, 9);
        Assert.Equal(60, change.DifferencePoints, 9);
    }

    [Fact]
    public async Task Publish_PreviousPeriodHidden_GivesNoLabel()
    {
        var first = await _world.OpenPulseAsync(0, SampleQuestions.Quiz);
        await _world.CohortAsync(first, SampleQuestions.Quiz, "p", ["1", "1", "1", "0"]);
        await _world.CloseAsync(first);
        var second = await _world.OpenPulseAsync(1, SampleQuestions.Quiz);
        await _world.CohortAsync(second, SampleQuestions.Quiz, "p", ["1", "1", "1", "1", "1", "1", "1", "1", "1", "0"]);
        await _world.CloseAsync(second);
        await _world.SealAsync();

        var latest = (await _world.ReportAsync()).Organisation["K"].Latest;

        Assert.True(latest.IsShown);
        Assert.Null(latest.Change);
        Assert.Equal(NoChangeReason.EarlierHidden, latest.NoChange);
    }

    private static string Value(Question question, Random random) => question.Kind switch
    {
        QuestionKind.Quiz => random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture),
        QuestionKind.Frequency => random.Next(4).ToString(System.Globalization.CultureInfo.InvariantCulture),
        QuestionKind.Agreement => (1 + random.Next(5)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        QuestionKind.Advocacy => random.Next(11).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => random.Next(2) == 0 ? "Faster refunds and clearer invoices" : "Answer the phone sooner, faster refunds",
    };
}
