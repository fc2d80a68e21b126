namespace FocusBot.Domain.Trends;

/// <summary>
/// How many respondents of a period and measure share one exact combination of teams (their "membership signature").
/// The figures only need these counts, not who is in them: they let the privacy gate see how teams overlap, so it can
/// tell whether subtracting shown team figures would single out a few people. Kept in the <see cref="TrendSlices.Groups"/>
/// slice: key = measure, bucket = signature.
/// </summary>
public static class Memberships
{
    /// <summary>The signature of people in no team. Every signature starts with it, so none can be taken for a bucket
    /// of another kind ("n", "people").</summary>
    public const string NoTeam = "g:";

    private const char Separator = ',';

    /// <summary>The team ids, distinct and sorted, joined: the same set always gives the same signature.</summary>
    public static string Signature(IEnumerable<string> teamIds)
    {
        ArgumentNullException.ThrowIfNull(teamIds);
        var sorted = teamIds.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return NoTeam + string.Join(Separator, sorted);
    }

    /// <summary>The team slices ("team:&lt;id&gt;") a signature stands for.</summary>
    public static IReadOnlyList<string> TeamSlicesOf(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (!signature.StartsWith(NoTeam, StringComparison.Ordinal) || signature.Length == NoTeam.Length)
            return [];
        return [.. signature[NoTeam.Length..].Split(Separator).Select(TrendSlices.Team)];
    }
}
