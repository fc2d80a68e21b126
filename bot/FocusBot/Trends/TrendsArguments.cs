using System.Globalization;
using System.Text.RegularExpressions;
using FocusBot.Domain.Trends;

namespace FocusBot.Trends;

/// <summary>
/// What `trends` was asked for: "trends", "trends Support", "trends attitude 26 weeks", "trends Sales 6 months",
/// "trends 4 quarters knowledge". Words that are not a dimension or a period make up the team name.
/// </summary>
public sealed partial record TrendsArguments(string? TeamName, string? Dimension, PeriodKind Kind, int Count)
{
    /// <summary>The organisation was asked for by name ("trends org"), not just by naming no team.</summary>
    public bool NamedOrganisation { get; init; }

    public static TrendsArguments Parse(string? text)
    {
        var words = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        string? dimension = null;
        var kind = PeriodKind.Week;
        int? count = null;
        var team = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].ToLowerInvariant();
            if (DimensionOf(word) is { } d)
            {
                dimension = d;
                continue;
            }

            if (CountWithUnit().Match(word) is { Success: true } inline)
            {
                count = int.Parse(inline.Groups["n"].Value, CultureInfo.InvariantCulture);
                kind = KindOf(inline.Groups["unit"].Value) ?? PeriodKind.Week;
                continue;
            }

            if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                count = number;
                if (i + 1 < words.Count && KindOf(words[i + 1].ToLowerInvariant()) is { } unit)
                {
                    kind = unit;
                    i++;
                }

                continue;
            }

            if (KindOf(word) is { } bare && team.Count == 0 && i == words.Count - 1 && count is null)
            {
                kind = bare;
                continue;
            }

            team.Add(words[i]);
        }

        var teamName = team.Count == 0 ? null : string.Join(' ', team);
        var organisation = teamName is { } name && (name.Equals("org", StringComparison.OrdinalIgnoreCase) || name.Equals("all", StringComparison.OrdinalIgnoreCase)
            || name.Equals("organisation", StringComparison.OrdinalIgnoreCase) || name.Equals("organization", StringComparison.OrdinalIgnoreCase));
        return new TrendsArguments(organisation ? null : teamName, dimension, kind, Math.Clamp(count ?? TrendSpans.Default(kind), TrendSpans.Min, TrendSpans.Max(kind)))
        {
            NamedOrganisation = organisation,
        };
    }

    private static string? DimensionOf(string word) => word switch
    {
        "knowledge" or "k" => TrendMeasure.Knowledge,
        "behaviour" or "behavior" or "b" => TrendMeasure.Behaviour,
        "attitude" or "attitudes" or "a" => TrendMeasure.Attitude,
        _ => null,
    };

    private static PeriodKind? KindOf(string word) => word switch
    {
        "w" or "wk" or "wks" or "week" or "weeks" or "weekly" => PeriodKind.Week,
        "m" or "month" or "months" or "monthly" => PeriodKind.Month,
        "q" or "quarter" or "quarters" or "quarterly" => PeriodKind.Quarter,
        _ => null,
    };

    [GeneratedRegex(@"^(?<n>\d{1,3})(?<unit>w|wk|wks|weeks?|m|months?|q|quarters?)$")]
    private static partial Regex CountWithUnit();
}
