using FocusBot.Domain.Kpis;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Kpis;

/// <summary>
/// The KPI association on simulated data, written and sealed the way production does (SQLite) and read through the
/// privacy gate: a known association between a team's knowledge and its CSAT is reported, none is claimed where the
/// CSAT was drawn independently, and a hidden team is never a pair.
/// </summary>
public sealed class KpiAssociationSimulationTests : IAsyncLifetime
{
    private const int People = 12;
    private TrendWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await TrendWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    /// <summary>
    /// One weekly quiz per week: team i's people answer correctly with chance <paramref name="chance"/>(week, i); teams
    /// of <paramref name="sizes"/> people (12 unless said). Returns the report of the sealed weeks, with every team.
    /// </summary>
    private async Task<TrendReport> SimulateAsync(int seed, int weeks, int teams, Func<int, int, double> chance, Func<int, int>? sizes = null)
    {
        var random = new Random(seed);
        for (var week = 0; week < weeks; week++)
        {
            var pulse = await _world.OpenPulseAsync(week, SampleQuestions.Quiz);
            for (var team = 0; team < teams; team++)
            {
                var p = chance(week, team);
                var values = Enumerable.Range(0, sizes?.Invoke(team) ?? People).Select(_ => random.NextDouble() < p ? "1" : "0").ToList();
                await _world.CohortAsync(pulse, SampleQuestions.Quiz, $"t{team}-", values, Team(team));
            }

            await _world.CloseAsync(pulse);
        }

        await _world.SealAsync();
        return await _world.ReportAsync(count: weeks, teamPeriods: weeks, breakdowns: false);
    }

    private static string Team(int team) => "t-" + team;

    private static TrendPeriod Week(int week) => TrendPeriod.WeekOf(DateOnly.FromDateTime(TrendWorld.Start.AddDays(7 * week).UtcDateTime));

    private static KpiValue Csat(int week, double value, string team = "") => new()
    {
        TenantId = TrendWorld.Tenant,
        Kpi = KnownKpis.Csat.Key,
        Period = Week(week),
        TeamId = team,
        Value = value,
        ImportedBy = "hr",
        ImportedAt = TrendWorld.Start,
    };

    private static KpiAssociationFinding Knowledge(IReadOnlyList<KpiAssociationFinding> findings) => findings.Single(f => f.Measure == TrendMeasure.Knowledge);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AcrossTeams_CsatFollowingKnowledge_IsReportedAsAPositiveAssociation(int seed)
    {
        var ability = Enumerable.Range(0, 8).Select(i => 0.15 + (0.1 * i)).ToArray();
        var report = await SimulateAsync(seed, weeks: 1, teams: 8, (_, team) => ability[team]);
        var noise = new Random(seed + 100);
        var csat = Enumerable.Range(0, 8).Select(team => Csat(0, Math.Round(55 + (40 * ability[team]) + (noise.NextDouble() * 4), 1), Team(team))).ToList();

        var finding = Knowledge(KpiAssociation.AcrossTeams(KnownKpis.Csat, csat, report.Teams));

        Assert.True(finding.IsClear, finding.Sentence);
        Assert.InRange(finding.Coefficient, 0.6, 1);
        Assert.Equal(8, finding.Pairs);
        Assert.StartsWith($"Teams with higher knowledge scores had higher CSAT in {KpiPeriods.Format(Week(0))} (better for customers; rank correlation ", finding.Sentence, StringComparison.Ordinal);
        Assert.EndsWith(", 8 teams). " + KpiAssociation.NotCause, finding.Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task AcrossTeams_CsatDrawnIndependently_ClaimsNoAssociation(int seed)
    {
        var ability = Enumerable.Range(0, 8).Select(i => 0.15 + (0.1 * i)).ToArray();
        var report = await SimulateAsync(seed, weeks: 1, teams: 8, (_, team) => ability[team]);
        var independent = new Random(seed + 1000);
        var csat = Enumerable.Range(0, 8).Select(team => Csat(0, Math.Round(60 + (independent.NextDouble() * 30), 1), Team(team))).ToList();

        var finding = Knowledge(KpiAssociation.AcrossTeams(KnownKpis.Csat, csat, report.Teams));

        Assert.False(finding.IsClear, finding.Sentence);
        Assert.StartsWith("No clear association between knowledge scores and CSAT across 8 teams", finding.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcrossTeams_HiddenTeams_AreNoPairs_AndTooFewPairsSayNothing()
    {
        // Six teams of 12 and one of 3: the small one is hidden, and so is one more (the organisation minus the shown
        // teams would otherwise be those 3 people). CSAT is given for all seven.
        var report = await SimulateAsync(4, weeks: 1, teams: 7, (_, team) => 0.2 + (0.1 * team), team => team == 6 ? 3 : People);
        var csat = Enumerable.Range(0, 7).Select(team => Csat(0, 60 + (5 * team), Team(team))).ToList();
        var shown = report.Teams.Where(t => t[TrendMeasure.Knowledge].Latest.IsShown).Select(t => TrendSlices.TeamIdOf(t.Slice)).ToList();

        var finding = Knowledge(KpiAssociation.AcrossTeams(KnownKpis.Csat, csat, report.Teams));
        var fourTeams = KpiAssociation.AcrossTeams(KnownKpis.Csat, [.. csat.Where(v => shown.Take(4).Contains(v.TeamId))], report.Teams);

        Assert.DoesNotContain(Team(6), shown);
        Assert.Equal(5, shown.Count);
        Assert.Equal(shown.Count, finding.Pairs);
        Assert.Empty(fourTeams);
    }

    [Fact]
    public async Task AcrossPeriods_OrganisationsCsatFollowingItsKnowledge_IsReported_AndComplaintsFallingReadAsBetter()
    {
        double[] weekly = [0.3, 0.7, 0.4, 0.8, 0.5, 0.9, 0.35, 0.6];
        var report = await SimulateAsync(9, weeks: weekly.Length, teams: 2, (week, _) => weekly[week]);
        var csat = weekly.Select((p, week) => Csat(week, 50 + (40 * p))).ToList();
        var complaints = weekly.Select((p, week) => Csat(week, Math.Round(40 - (30 * p))) with { Kpi = KnownKpis.Complaints.Key }).ToList();

        var rising = Knowledge(KpiAssociation.AcrossPeriods(KnownKpis.Csat, csat, report.Organisation));
        var falling = Knowledge(KpiAssociation.AcrossPeriods(KnownKpis.Complaints, complaints, report.Organisation));

        Assert.True(rising.IsClear, rising.Sentence);
        Assert.StartsWith("In the weeks when the organisation's knowledge scores were higher, its CSAT was higher (better for customers;", rising.Sentence, StringComparison.Ordinal);
        Assert.True(falling.IsClear, falling.Sentence);
        Assert.StartsWith("In the weeks when the organisation's knowledge scores were higher, its Complaints was lower (better for customers;", falling.Sentence, StringComparison.Ordinal);
        Assert.True(falling.Coefficient < -0.6);
    }
}
