using System.Globalization;
using System.Text.RegularExpressions;
using FocusBot.Domain.Trends;

namespace FocusBot.Review;

/// <summary>
/// The span a management-review pack covers, in the report's periods so its figures line up with the trends card:
/// from <see cref="First"/> to <see cref="Last"/>, both of <see cref="Kind"/> (months for a quarter, a year or a long
/// range; weeks for a month or a range of up to 13 weeks). Records (insights, events, actions) are taken from the first
/// day of the first period to the last day of the last.
/// </summary>
public sealed partial record ReviewRange(PeriodKind Kind, TrendPeriod First, TrendPeriod Last, string Label)
{
    public const int MaxWeeksByWeek = 13;
    public const int MaxMonths = 36;

    public const string Usage =
        "Type review for the last complete quarter, or name the range: review Q3 2026, review this quarter, review 2026, review Nov 2026, " +
        "or review 2026-07-01 to 2026-09-30.";

    public DateOnly FirstDay => First.FirstDay;

    public DateOnly LastDay => Last.LastDay;

    /// <summary>How many periods the range holds.</summary>
    public int Count
    {
        get
        {
            var count = 1;
            for (var period = First; period < Last; period = period.Next())
                count++;
            return count;
        }
    }

    /// <summary>The range <paramref name="text"/> names, as of <paramref name="today"/>; or a sentence saying what is wrong.</summary>
    public static (ReviewRange? Range, string? Problem) Parse(string? text, DateOnly today)
    {
        var words = (text ?? string.Empty).Trim().ToLowerInvariant();
        var thisQuarter = TrendPeriod.Holding(PeriodKind.Quarter, today);
        if (words is "" or "last quarter" or "previous quarter")
            return (Quarter(thisQuarter.Previous()), null);
        if (words is "this quarter" or "quarter to date")
            return (Quarter(thisQuarter), null);
        if (QuarterPattern().Match(words) is { Success: true } q)
        {
            var year = q.Groups["year"].Success ? int.Parse(q.Groups["year"].Value, CultureInfo.InvariantCulture) : today.Year;
            return Checked(Quarter(new TrendPeriod(PeriodKind.Quarter, year, int.Parse(q.Groups["q"].Value, CultureInfo.InvariantCulture))), today);
        }

        if (YearPattern().IsMatch(words))
        {
            var year = int.Parse(words, CultureInfo.InvariantCulture);
            return Checked(new ReviewRange(PeriodKind.Month, new(PeriodKind.Month, year, 1), new(PeriodKind.Month, year, 12), year.ToString(CultureInfo.InvariantCulture)), today);
        }

        if (DateTime.TryParseExact(words, ["yyyy-MM", "MMM yyyy", "MMMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var monthStart))
        {
            var month = new TrendPeriod(PeriodKind.Month, monthStart.Year, monthStart.Month);
            return Checked(new ReviewRange(PeriodKind.Week, month.Weeks()[0], month.Weeks()[^1], month.Label), today);
        }

        if (DatesPattern().Match(words) is { Success: true } dates)
        {
            if (!DateOnly.TryParseExact(dates.Groups["from"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !DateOnly.TryParseExact(dates.Groups["to"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
                return (null, "One of those dates does not exist. Write dates as 2026-07-01.");
            if (to < from)
                return (null, "The range ends before it starts. Put the earlier date first.");
            var firstWeek = TrendPeriod.WeekOf(from);
            var lastWeek = TrendPeriod.WeekOf(to);
            var label = string.Create(CultureInfo.InvariantCulture, $"{from:d MMM yyyy} to {to:d MMM yyyy}");
            var byWeek = new ReviewRange(PeriodKind.Week, firstWeek, lastWeek, label);
            // By month, the months the dates name (Sep 30 is in September, though its week counts in October).
            return Checked(byWeek.Count <= MaxWeeksByWeek
                ? byWeek
                : new ReviewRange(PeriodKind.Month, new(PeriodKind.Month, from.Year, from.Month), new(PeriodKind.Month, to.Year, to.Month), label), today);
        }

        return (null, $"I could not read \"{text?.Trim()}\" as a range. {Usage}");
    }

    private static ReviewRange Quarter(TrendPeriod quarter) =>
        new(PeriodKind.Month, quarter.Children()[0], quarter.Children()[^1], quarter.Label);

    private static (ReviewRange? Range, string? Problem) Checked(ReviewRange range, DateOnly today)
    {
        if (range.First.Year < 2000)
            return (null, "That range is before FocusBot could hold any figures. Name a range from 2000 on.");
        if (range.FirstDay > today)
            return (null, $"{range.Label} has not started yet. Name a range that has.");
        if (range.Kind == PeriodKind.Month && range.Count > MaxMonths)
            return (null, $"That range is longer than {MaxMonths} months. Name a shorter one, e.g. a quarter or a year.");
        return (range, null);
    }

    [GeneratedRegex(@"^(?:(?<year>\d{4})[\s-]*q(?<q>[1-4])|q(?<q>[1-4])(?:[\s-]*(?<year>\d{4}))?)$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(?<from>\d{4}-\d{2}-\d{2})\s*(?:to|\.\.|–|-)\s*(?<to>\d{4}-\d{2}-\d{2})$")]
    private static partial Regex DatesPattern();
}
