namespace FocusBot.Domain.Trends;

/// <summary>
/// Stops subtraction across overlapping teams from singling out fewer than the minimum number of people. Teams overlap
/// (a person can be in several), so "organisation minus the sum of its teams" is not enough: two teams where one holds
/// the other's members plus one person give that person's answers by difference, and so can three partly overlapping
/// teams, the organisation against the union of teams, or a team identical to one hidden for another reason.
/// <para>
/// The rule: group the respondents into <em>classes</em>, the people that every shown figure (the organisation and each
/// shown team) either includes together or leaves out together. Whatever anyone computes by adding and subtracting shown
/// figures counts every member of a class the same number of times, so it can only ever isolate whole classes. While a
/// class holds some but fewer than the threshold of respondents, one more team is hidden: the smallest shown team the
/// class belongs to (which merges the class into a larger one), or, for people in no shown team (exposed by the
/// organisation's figure), the smallest shown team. This is stricter than needed against any one attack and exact for
/// all of them together; it costs team figures only where teams overlap by fewer than the threshold.
/// </para>
/// </summary>
public static class OverlapGuard
{
    /// <summary>
    /// Hides team figures of one measure until no small set of people can be isolated. Returns whether
    /// anything was hidden.
    /// </summary>
    /// <param name="atoms">Respondents per membership signature (see <see cref="Memberships"/>).</param>
    /// <param name="teamFigures">The team figures of the measure that have data, with their respondents.</param>
    /// <param name="organisationShown">Whether the organisation's figure of the measure is shown.</param>
    /// <param name="hidden">The team slices already hidden; grows.</param>
    /// <param name="threshold">The minimum group size for the measure.</param>
    public static bool Settle(IReadOnlyDictionary<string, long> atoms, IReadOnlyDictionary<string, long> teamFigures, bool organisationShown,
        ISet<string> hidden, int threshold)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(teamFigures);
        ArgumentNullException.ThrowIfNull(hidden);
        var changed = false;
        while (SmallClass(atoms, teamFigures, organisationShown, hidden, threshold) is { } small)
        {
            var shown = teamFigures.Keys.Where(t => !hidden.Contains(t)).ToList();
            var candidates = small.Count > 0 ? small : shown;
            hidden.Add(candidates.OrderBy(t => teamFigures[t]).ThenBy(t => t, StringComparer.Ordinal).First());
            changed = true;
        }

        return changed;
    }

    /// <summary>The shown teams of the smallest class that is not empty but under the threshold; null when there is none.</summary>
    private static List<string>? SmallClass(IReadOnlyDictionary<string, long> atoms, IReadOnlyDictionary<string, long> teamFigures,
        bool organisationShown, ISet<string> hidden, int threshold)
    {
        var shown = teamFigures.Keys.Where(t => !hidden.Contains(t)).ToHashSet(StringComparer.Ordinal);
        if (shown.Count == 0)
            return null;

        var classes = new Dictionary<string, (List<string> Teams, long People)>(StringComparer.Ordinal);
        foreach (var (signature, people) in atoms)
        {
            if (people <= 0)
                continue;
            var teams = Memberships.TeamSlicesOf(signature).Where(shown.Contains).Order(StringComparer.Ordinal).ToList();
            var key = string.Join('\n', teams);
            classes[key] = classes.TryGetValue(key, out var existing) ? (existing.Teams, existing.People + people) : (teams, people);
        }

        // People in no shown team are only exposed through the organisation's figure.
        return classes.Values.Where(c => c.People < threshold && (c.Teams.Count > 0 || organisationShown)).OrderBy(c => c.People)
            .Select(c => c.Teams).FirstOrDefault();
    }
}
