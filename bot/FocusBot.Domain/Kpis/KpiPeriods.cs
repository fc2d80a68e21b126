using System.Globalization;
using System.Text.RegularExpressions;
using FocusBot.Domain.Trends;

namespace FocusBot.Domain.Kpis;

/// <summary>
/// KPI periods as people write them in a spreadsheet: an ISO week "2026-W48", a month "2026-11", a quarter "2026-Q4".
/// They are the trends' periods, so a KPI sits beside the staff figures of the same week, month or quarter.
/// </summary>
public static partial class KpiPeriods
{
    public static bool TryParse(string? text, out TrendPeriod period)
    {
        period = default;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success)
            return false;
        var year = match.Groups["year"].Value;
        var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        var key = match.Groups["kind"].Value.ToUpperInvariant() switch
        {
            "W" => string.Create(CultureInfo.InvariantCulture, $"W{year}-{number:D2}"),
            "Q" => string.Create(CultureInfo.InvariantCulture, $"Q{year}-{number}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"M{year}-{number:D2}"),
        };
        return TrendPeriod.TryParse(key, out period);
    }

    /// <summary>The period as <see cref="TryParse"/> reads it: "2026-W48", "2026-11", "2026-Q4".</summary>
    public static string Format(TrendPeriod period) => period.Kind switch
    {
        PeriodKind.Week => string.Create(CultureInfo.InvariantCulture, $"{period.Year:D4}-W{period.Number:D2}"),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{period.Year:D4}-{period.Number:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{period.Year:D4}-Q{period.Number}"),
    };

    [GeneratedRegex(@"^(?<year>\d{4})-(?<kind>[WwQq]?)(?<number>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
