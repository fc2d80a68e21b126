using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Tests.Trends;

/// <summary>
/// Differencing across overlapping teams. Each case is a set of people with their teams; an attacker adds and subtracts
/// every shown figure (organisation and shown teams) and must never end with fewer than the threshold of people.
/// </summary>
public sealed class OverlapGuardTests
{
    private const int Threshold = 5;

    /// <summary>People as their team lists; the result is the set of team slices the guard hides (primary suppression first).</summary>
    private static HashSet<string> Guard(IReadOnlyList<string[]> people, bool organisationShown = true, IEnumerable<string>? alreadyHidden = null)
    {
        var atoms = people.GroupBy(Memberships.Signature).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var teams = people.SelectMany(p => p).Distinct().ToDictionary(TrendSlices.Team, t => (long)people.Count(p => p.Contains(t)), StringComparer.Ordinal);
        var hidden = teams.Where(t => t.Value < Threshold).Select(t => t.Key).Concat(alreadyHidden ?? []).ToHashSet(StringComparer.Ordinal);
        OverlapGuard.Settle(atoms, teams, organisationShown, hidden, Threshold);
        return hidden;
    }

    private static string[][] Repeat(int count, params string[] teams) => [.. Enumerable.Range(0, count).Select(_ => teams)];

    /// <summary>Every sum of shown figures with coefficients -1, 0 or 1; returns a combination that isolates a small set.</summary>
    private static string? Leak(IReadOnlyList<string[]> people, HashSet<string> hidden, bool organisationShown = true)
    {
        var rows = new List<(string Name, int[] Members)>();
        if (organisationShown)
            rows.Add(("org", [.. people.Select(_ => 1)]));
        foreach (var team in people.SelectMany(p => p).Distinct().Order(StringComparer.Ordinal).Where(t => !hidden.Contains(TrendSlices.Team(t))))
            rows.Add((team, [.. people.Select(p => p.Contains(team) ? 1 : 0)]));
        var combinations = (int)Math.Pow(3, rows.Count);
        for (var code = 1; code < combinations; code++)
        {
            var coefficients = new int[rows.Count];
            var rest = code;
            for (var r = 0; r < rows.Count; r++, rest /= 3)
                coefficients[r] = rest % 3 - 1;
            var perPerson = Enumerable.Range(0, people.Count).Select(i => Enumerable.Range(0, rows.Count).Sum(r => coefficients[r] * rows[r].Members[i])).ToList();
            var isolated = perPerson.Count(v => v == 1);
            if (perPerson.All(v => v is 0 or 1) && isolated is > 0 and < Threshold)
                return string.Join(" ", Enumerable.Range(0, rows.Count).Where(r => coefficients[r] != 0).Select(r => (coefficients[r] > 0 ? "+" : "-") + rows[r].Name));
        }

        return null;
    }

    [Fact]
    public void TeamOfSixHoldingATeamOfFivePlusOne_OneOfThemIsHidden()
    {
        string[][] people = [.. Repeat(5, "six", "five"), ["six"], .. Repeat(10)];

        var hidden = Guard(people);

        Assert.Single(hidden);
        Assert.Null(Leak(people, hidden));
    }

    [Fact]
    public void TeamIdenticalToOneHiddenToProtectAnother_IsHiddenToo()
    {
        // "a" (6) holds "b" (5) plus one person; "c" has exactly a's members. Hiding only one of a and c leaves the other.
        string[][] people = [.. Repeat(5, "a", "b", "c"), ["a", "c"], .. Repeat(10)];

        var hidden = Guard(people);

        Assert.Null(Leak(people, hidden));
        Assert.True(hidden.Contains("team:b") || (hidden.Contains("team:a") && hidden.Contains("team:c")));
    }

    [Fact]
    public void OrganisationAgainstOverlappingTeams_CountsPeopleInNoTeamFromMembership()
    {
        // 21 people, 3 in no team; team sizes add up to 30 because teams overlap, so "org minus the sum of its teams"
        // saw nobody outside, yet org - a - b + both singles out the 3.
        string[][] people = [.. Repeat(6, "a"), .. Repeat(6, "b"), .. Repeat(6, "a", "b", "both"), .. Repeat(3)];

        var hidden = Guard(people);

        Assert.Null(Leak(people, hidden));
        Assert.NotEmpty(hidden);
    }

    [Fact]
    public void ThreePartlyOverlappingTeams_CannotBeCombinedToIsolateOnePerson()
    {
        string[][] people = [.. Repeat(6, "a", "b"), .. Repeat(6, "b", "c"), ["a", "c"], .. Repeat(6, "a"), .. Repeat(5, "c"), .. Repeat(8)];

        var hidden = Guard(people);

        Assert.Null(Leak(people, hidden));
    }

    [Fact]
    public void DisjointLargeTeams_AreAllShown()
    {
        string[][] people = [.. Repeat(8, "a"), .. Repeat(9, "b"), .. Repeat(7, "c"), .. Repeat(6)];

        Assert.Empty(Guard(people));
    }

    [Fact]
    public void LargeOverlap_DoesNotHideEither()
    {
        string[][] people = [.. Repeat(6, "a"), .. Repeat(6, "a", "b"), .. Repeat(7, "b"), .. Repeat(6)];

        Assert.Empty(Guard(people));
    }

    [Fact]
    public void OrganisationHidden_TeamsAloneCannotIsolateEither()
    {
        string[][] people = [.. Repeat(6, "a", "b"), ["a"], .. Repeat(2)];

        var hidden = Guard(people, organisationShown: false);

        Assert.Null(Leak(people, hidden, organisationShown: false));
        Assert.Single(hidden);
    }

    [Fact]
    public void RandomOverlappingTeams_NoCombinationOfShownFiguresIsolatesASmallGroup()
    {
        var random = new Random(20261204);
        for (var round = 0; round < 400; round++)
        {
            var teamNames = Enumerable.Range(0, random.Next(2, 6)).Select(i => ((char)('a' + i)).ToString()).ToArray();
            var people = Enumerable.Range(0, random.Next(6, 40))
                .Select(_ => teamNames.Where(_ => random.NextDouble() < 0.35).ToArray())
                .ToList();
            var organisationShown = random.NextDouble() < 0.8;

            var hidden = Guard(people, organisationShown);

            var leak = Leak(people, hidden, organisationShown);
            Assert.True(leak is null, $"round {round}: {leak} isolates fewer than {Threshold} people; hidden: {string.Join(",", hidden)}; people: "
                + string.Join(" ", people.Select(p => "[" + string.Join(",", p) + "]")));
        }
    }
}
