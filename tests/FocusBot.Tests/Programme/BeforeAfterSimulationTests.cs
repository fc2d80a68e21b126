using FocusBot.Domain.Programme;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Programme;

/// <summary>
/// The before-and-after comparison on simulated weekly quizzes (nine weeks from W2026-02, the event in the fifth,
/// four weeks either side), written and sealed the way production does, on SQLite: a known effect put into the data
/// is reported as a clear change, and none is reported where none was put in.
/// </summary>
public sealed class BeforeAfterSimulationTests : IAsyncLifetime
{
    private const int Weeks = 9;
    private const int EventWeek = 4;
    private const int Window = 4;
    private TrendWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await TrendWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    /// <summary>A team of People whose chance of a correct quiz answer is Before until the event and After from the week after it.</summary>
    private sealed record SimulatedTeam(string Id, int People, double Before, double After);

    private static ProgrammeEvent EventFor(params string[] teamIds) => new()
    {
        Id = "e1",
        TenantId = TrendWorld.Tenant,
        Kind = ProgrammeEventKind.Workshop,
        Title = "Customer journey workshop",
        Date = DateOnly.FromDateTime(TrendWorld.Start.AddDays((7 * EventWeek) + 2).UtcDateTime),
        TeamIds = teamIds,
        RecordedByAadObjectId = "hr",
        RecordedAt = TrendWorld.Start,
    };

    /// <summary>Nine weekly pulses of the quiz; each person answers correctly with their team's chance that week (seeded draws).</summary>
    private async Task SimulateAsync(int seed, params SimulatedTeam[] teams)
    {
        var random = new Random(seed);
        for (var week = 0; week < Weeks; week++)
        {
            var pulse = await _world.OpenPulseAsync(week, SampleQuestions.Quiz);
            foreach (var team in teams)
            {
                var chance = week < EventWeek ? team.Before : week > EventWeek ? team.After : (team.Before + team.After) / 2;
                var values = Enumerable.Range(0, team.People).Select(_ => random.NextDouble() < chance ? "1" : "0").ToList();
                // An empty id: people in no team, as FocusBot knows many.
                await _world.CohortAsync(pulse, SampleQuestions.Quiz, $"{(team.Id.Length == 0 ? "free" : team.Id)}-", values, team.Id.Length == 0 ? [] : [team.Id]);
            }

            await _world.CloseAsync(pulse);
        }

        await _world.SealAsync();
    }

    private async Task<BeforeAfterReport> CompareAsync(ProgrammeEvent programmeEvent)
    {
        var report = await _world.Gate.PublishAsync(BeforeAfter.RequestFor(programmeEvent, Window), CancellationToken.None);
        return BeforeAfter.Compare(programmeEvent, report, Window);
    }

    private static MeasureBeforeAfter Knowledge(BeforeAfterReport report) => report.Measures.Single(m => m.Measure == TrendMeasure.Knowledge);

    [Fact]
    public async Task Compare_OrganisationWideEffectPutIn_IsReportedAsAClearRise()
    {
        await SimulateAsync(7, new SimulatedTeam("t-a", 12, 0.25, 0.85), new SimulatedTeam("t-b", 12, 0.25, 0.85));

        var comparison = await CompareAsync(EventFor());

        var knowledge = Knowledge(comparison);
        Assert.Equal(ChangeLabel.Rising, knowledge.Involved.Change?.Label);
        Assert.InRange(knowledge.Involved.Change!.DifferencePoints, 45, 75);
        Assert.Equal((Window, Window), (knowledge.Involved.ShownWeeksBefore, knowledge.Involved.ShownWeeksAfter));
        // Each person counted once: 24 people, not 24 x 4 answers.
        Assert.Equal((24L, 24L), (knowledge.Involved.Change.PeopleBefore, knowledge.Involved.Change.PeopleNow));
        Assert.Null(knowledge.Others);
        Assert.Equal(4, comparison.WeeksBefore.Count);
        Assert.Equal(4, comparison.WeeksAfter.Count);
        Assert.DoesNotContain(TrendPeriod.WeekOf(comparison.Event.Date), comparison.WeeksBefore.Concat(comparison.WeeksAfter));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Compare_NoEffectPutIn_ReportsNoClearChange(int seed)
    {
        await SimulateAsync(seed, new SimulatedTeam("t-a", 12, 0.5, 0.5), new SimulatedTeam("t-b", 12, 0.5, 0.5), new SimulatedTeam("t-c", 12, 0.5, 0.5));

        var organisation = Knowledge(await CompareAsync(EventFor()));
        var team = Knowledge(await CompareAsync(EventFor("t-a")));

        Assert.NotNull(organisation.Involved.Change);
        Assert.DoesNotContain(organisation.Involved.Change.Label, (ChangeLabel[])[ChangeLabel.Rising, ChangeLabel.Falling]);
        Assert.NotNull(team.Involved.Change);
        Assert.DoesNotContain(team.Involved.Change.Label, (ChangeLabel[])[ChangeLabel.Rising, ChangeLabel.Falling]);
    }

    [Fact]
    public async Task Compare_EffectOnlyInTheTeamInvolved_RisesThereAndNotInTheOtherTeams()
    {
        await SimulateAsync(11, new SimulatedTeam("t-a", 12, 0.2, 0.9), new SimulatedTeam("t-b", 12, 0.5, 0.5), new SimulatedTeam("t-c", 12, 0.5, 0.5));

        var knowledge = Knowledge(await CompareAsync(EventFor("t-a")));

        Assert.Equal(ChangeLabel.Rising, knowledge.Involved.Change?.Label);
        Assert.Equal(1, knowledge.Involved.Teams);
        Assert.NotNull(knowledge.Others);
        Assert.Equal(2, knowledge.Others.Teams);
        Assert.DoesNotContain(knowledge.Others.Change!.Label, (ChangeLabel[])[ChangeLabel.Rising, ChangeLabel.Falling]);
        Assert.False(knowledge.OthersMovedAlike);
    }

    [Fact]
    public async Task Compare_EveryoneRose_SaysTheOtherTeamsMovedAlike()
    {
        await SimulateAsync(5, new SimulatedTeam("t-a", 12, 0.2, 0.9), new SimulatedTeam("t-b", 12, 0.2, 0.9), new SimulatedTeam("t-c", 12, 0.2, 0.9));

        var knowledge = Knowledge(await CompareAsync(EventFor("t-a")));

        Assert.Equal(ChangeLabel.Rising, knowledge.Involved.Change?.Label);
        Assert.Equal(ChangeLabel.Rising, knowledge.Others?.Change?.Label);
        Assert.True(knowledge.OthersMovedAlike);
    }

    [Fact]
    public async Task Compare_OnlyOneOtherTeam_HasNoComparisonWithOthers()
    {
        await SimulateAsync(3, new SimulatedTeam("t-a", 12, 0.2, 0.9), new SimulatedTeam("t-b", 12, 0.5, 0.5));

        var knowledge = Knowledge(await CompareAsync(EventFor("t-a")));

        Assert.Equal(ChangeLabel.Rising, knowledge.Involved.Change?.Label);
        Assert.Null(knowledge.Others);
    }

    /// <summary>
    /// A team under the minimum group size is hidden every week: its before and after stay hidden (no share, no
    /// count, no label), and it is not counted among the other teams either, even with a huge effect put in.
    /// </summary>
    [Fact]
    public async Task Compare_TeamInvolvedUnderTheMinimumSize_StaysHiddenAndTheSmallTeamIsNoComparison()
    {
        await SimulateAsync(9, new SimulatedTeam("t-tiny", 3, 0.0, 1.0), new SimulatedTeam("t-b", 12, 0.5, 0.5), new SimulatedTeam("t-c", 12, 0.5, 0.5),
            new SimulatedTeam(string.Empty, 10, 0.5, 0.5));

        var tiny = Knowledge(await CompareAsync(EventFor("t-tiny")));
        var other = Knowledge(await CompareAsync(EventFor("t-b")));

        Assert.Equal((null, null, null, 0), (tiny.Involved.Before, tiny.Involved.After, tiny.Involved.Change, tiny.Involved.ShownWeeksBefore));
        Assert.NotNull(tiny.Others);
        Assert.Null(other.Others);
    }

    [Fact]
    public async Task Compare_EventInTheLastWeeks_ComparesTheWeeksAfterSoFar()
    {
        await SimulateAsync(13, new SimulatedTeam("t-a", 12, 0.2, 0.9), new SimulatedTeam("t-b", 12, 0.2, 0.9));
        var late = EventFor() with { Date = DateOnly.FromDateTime(TrendWorld.Start.AddDays(7 * (Weeks - 2)).UtcDateTime) };

        var comparison = await CompareAsync(late);

        Assert.Single(comparison.WeeksAfter);
        Assert.Equal(1, Knowledge(comparison).Involved.ShownWeeksAfter);
    }
}
