using FocusBot.Domain.Programme;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Programme;

/// <summary>
/// Team levels on simulated weekly pulses written and sealed the way production does, on SQLite: the gate's item figures
/// (<see cref="PrivacyGate.PublishLevelsAsync"/>) judged by the mastery rule at its defaults (80% over 8 weeks, 5 people,
/// 70% favourable). The bank: a level-1 quiz, behaviour and attitude item, and a level-2 quiz.
/// </summary>
public sealed class LevelSimulationTests : IAsyncLifetime
{
    private const int Weeks = 8;
    private static readonly Question K1 = SampleQuestions.Quiz with { Id = "sim-k1", Level = 1 };
    private static readonly Question B1 = SampleQuestions.Frequency with { Id = "sim-b1", Level = 1 };
    private static readonly Question A1 = SampleQuestions.Agreement with { Id = "sim-a1", Level = 1 };
    private static readonly Question K2 = SampleQuestions.Quiz with { Id = "sim-k2", Level = 2 };
    private TrendWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        _world = await TrendWorld.CreateAsync();
        await _world.Get<IQuestionStore>().ReplaceBankAsync([K1, B1, A1, K2], CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    /// <summary>
    /// A team of <paramref name="People"/> (ids prefixed by <paramref name="Prefix"/>, in <paramref name="Teams"/>); each
    /// week, <paramref name="Correct"/> decides whether person i answers the level-1 quiz right. Everyone does the
    /// behaviour 2-3 times and agrees; the level-2 quiz is right for half.
    /// </summary>
    private sealed record SimulatedTeam(string Prefix, int People, Func<int, int, bool> Correct, params string[] Teams);

    private async Task SimulateAsync(params SimulatedTeam[] teams)
    {
        for (var week = 0; week < Weeks; week++)
        {
            var pulse = await _world.OpenPulseAsync(week, K1, B1, A1, K2);
            foreach (var team in teams)
            {
                for (var i = 0; i < team.People; i++)
                {
                    var person = team.Prefix + i;
                    await _world.DeliverAsync(pulse, person, team.Teams);
                    await _world.AnswerAsync(pulse, K1, person, team.Correct(week, i) ? "1" : "0", team.Teams);
                    await _world.AnswerAsync(pulse, B1, person, "2", team.Teams);
                    await _world.AnswerAsync(pulse, A1, person, "4", team.Teams);
                    await _world.AnswerAsync(pulse, K2, person, i % 2 == 0 ? "1" : "0", team.Teams);
                }
            }

            await _world.CloseAsync(pulse);
        }

        await _world.SealAsync();
    }

    private async Task<IReadOnlyDictionary<string, TeamLevel>> LevelsAsync()
    {
        var reader = new TeamLevelsReader(_world.Gate, _world.Get<IQuestionStore>(), new MasteryRule { MinRespondents = _world.Gate.Thresholds.MinimumGroupSize });
        var report = await reader.ReadAsync(TrendWorld.Tenant, teamSlice: null, CancellationToken.None);
        Assert.Equal(Weeks, report.Weeks.Count);
        return report.Teams.ToDictionary(t => TrendSlices.TeamIdOf(t.Slice));
    }

    [Fact]
    public async Task Levels_TeamExactlyAtMasteryAndOneJustBelow_OnlyTheFirstReachesLevelOne()
    {
        // Ten people: 8 right every week is 80%; one week with 7 right makes 79 of 80, 98.75% of the way.
        await SimulateAsync(
            new SimulatedTeam("at-", 10, (_, i) => i < 8, "t-at"),
            new SimulatedTeam("below-", 10, (week, i) => i < (week == 3 ? 7 : 8), "t-below"));

        var levels = await LevelsAsync();

        Assert.Equal(1, levels["t-at"].Reached);
        Assert.Equal(0, levels["t-below"].Reached);
        var gap = Assert.Single(levels["t-below"].Gaps);
        Assert.Equal((LevelGapKind.BelowMastery, K1.Id, 78, 2), (gap.Kind, gap.QuestionId, gap.Percent, gap.PointsShort));
        // Level 2 stands between the first team and the next: half right is 30 points short.
        Assert.Equal((LevelGapKind.BelowMastery, 50, 30), (levels["t-at"].Gaps[0].Kind, levels["t-at"].Gaps[0].Percent, levels["t-at"].Gaps[0].PointsShort));
    }

    [Fact]
    public async Task Levels_TeamsOfRandomAbility_StrongReachesTheLevelWeakDoesNot()
    {
        // Each answer a seeded draw: 95% and 60% chance of a right answer, 12 people, 8 weeks (96 answers each).
        var random = new Random(14);
        var draws = Enumerable.Range(0, Weeks * 24).Select(_ => random.NextDouble()).ToArray();
        await SimulateAsync(
            new SimulatedTeam("strong-", 12, (week, i) => draws[(week * 24) + i] < 0.95, "t-strong"),
            new SimulatedTeam("weak-", 12, (week, i) => draws[(week * 24) + 12 + i] < 0.60, "t-weak"));

        var levels = await LevelsAsync();

        Assert.Equal(1, levels["t-strong"].Reached);
        Assert.Equal(0, levels["t-weak"].Reached);
        Assert.InRange(levels["t-weak"].Gaps.Single().Percent!.Value, 45, 75);
    }

    [Fact]
    public async Task Levels_TeamUnderTheMinimumGroupSize_HasNotEnoughAnswersAndNoNumber()
    {
        // Ten people in no team too: without them, the organisation minus t-big would be t-small's four, and t-big hidden as well.
        await SimulateAsync(
            new SimulatedTeam("big-", 10, (_, _) => true, "t-big"),
            new SimulatedTeam("small-", 4, (_, _) => true, "t-small"),
            new SimulatedTeam("rest-", 10, (_, _) => true));

        var levels = await LevelsAsync();

        Assert.Equal(0, levels["t-small"].Reached);
        Assert.False(levels["t-small"].HasFigures);
        Assert.All(levels["t-small"].Gaps, g => Assert.Equal((LevelGapKind.NotEnoughAnswers, (int?)null), (g.Kind, g.Percent)));
        Assert.Equal(1, levels["t-big"].Reached);
    }

    [Fact]
    public async Task Levels_TeamHiddenAtSealingAgainstDifferencing_CannotReachALevelFromThoseWeeks()
    {
        // t-outer holds t-inner's six and one more: showing both would give away that one person's answers, so sealing
        // hides t-outer every week. Its seven people are enough on their own, but its hidden weeks count for nothing.
        await SimulateAsync(
            new SimulatedTeam("inner-", 6, (_, _) => true, "t-inner", "t-outer"),
            new SimulatedTeam("extra-", 1, (_, _) => true, "t-outer"),
            new SimulatedTeam("rest-", 10, (_, _) => true));

        var levels = await LevelsAsync();

        Assert.Equal(1, levels["t-inner"].Reached);
        Assert.Equal(0, levels["t-outer"].Reached);
        Assert.False(levels["t-outer"].HasFigures);
    }
}
