using System.Globalization;

namespace FocusBot.Domain.Trends;

/// <summary>
/// An ISO week, a month or a quarter, keyed "W2026-48", "M2026-11", "Q2026-4" (zero-padded so keys sort as text).
/// A pulse counts in the ISO week holding its opening date, and in the month and quarter of that week's Thursday: the
/// rule ISO 8601 uses to place a week in a year. Weeks therefore nest exactly in months and months in quarters, so a
/// month is always the sum of its weeks and no pulse is split between two months.
/// </summary>
public readonly record struct TrendPeriod(PeriodKind Kind, int Year, int Number) : IComparable<TrendPeriod>
{
    public string Key => Kind switch
    {
        PeriodKind.Week => string.Create(CultureInfo.InvariantCulture, $"W{Year:D4}-{Number:D2}"),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"M{Year:D4}-{Number:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Q{Year:D4}-{Number}"),
    };

    /// <summary>Monday of the first week in the period.</summary>
    public DateOnly FirstDay => Kind switch
    {
        PeriodKind.Week => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday)),
        PeriodKind.Month => MondayOfWeekHolding(FirstThursdayOnOrAfter(new DateOnly(Year, Number, 1))),
        _ => new TrendPeriod(PeriodKind.Month, Year, ((Number - 1) * 3) + 1).FirstDay,
    };

    /// <summary>Sunday of the last week in the period.</summary>
    public DateOnly LastDay => Next().FirstDay.AddDays(-1);

    /// <summary>The moment the period is over (the Monday after its last week, 00:00 UTC).</summary>
    public DateTimeOffset EndsAt => new(Next().FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static TrendPeriod WeekOf(DateOnly date) =>
        new(PeriodKind.Week, ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)));

    /// <summary>The week, month and quarter a pulse opening at <paramref name="opensAt"/> counts in (UTC date).</summary>
    public static IReadOnlyList<TrendPeriod> AllFor(DateTimeOffset opensAt)
    {
        var week = WeekOf(DateOnly.FromDateTime(opensAt.UtcDateTime));
        var month = week.Parent()!.Value;
        return [week, month, month.Parent()!.Value];
    }

    /// <summary>The month holding a week, the quarter holding a month; null for a quarter.</summary>
    public TrendPeriod? Parent()
    {
        switch (Kind)
        {
            case PeriodKind.Week:
                var thursday = FirstDay.AddDays(3);
                return new TrendPeriod(PeriodKind.Month, thursday.Year, thursday.Month);
            case PeriodKind.Month:
                return new TrendPeriod(PeriodKind.Quarter, Year, ((Number - 1) / 3) + 1);
            default:
                return null;
        }
    }

    /// <summary>The weeks of a month or the months of a quarter; empty for a week.</summary>
    public IReadOnlyList<TrendPeriod> Children()
    {
        if (Kind == PeriodKind.Quarter)
        {
            var first = ((Number - 1) * 3) + 1;
            return [new(PeriodKind.Month, Year, first), new(PeriodKind.Month, Year, first + 1), new(PeriodKind.Month, Year, first + 2)];
        }

        if (Kind == PeriodKind.Week)
            return [];
        var weeks = new List<TrendPeriod>();
        for (var week = WeekOf(FirstDay); week.Parent() == this; week = week.Next())
            weeks.Add(week);
        return weeks;
    }

    /// <summary>The weeks inside the period (itself for a week).</summary>
    public IReadOnlyList<TrendPeriod> Weeks() => Kind switch
    {
        PeriodKind.Week => [this],
        PeriodKind.Month => Children(),
        _ => [.. Children().SelectMany(month => month.Children())],
    };

    public TrendPeriod Next() => Kind switch
    {
        PeriodKind.Week => WeekOf(FirstDay.AddDays(7)),
        PeriodKind.Month => Number == 12 ? new(Kind, Year + 1, 1) : new(Kind, Year, Number + 1),
        _ => Number == 4 ? new(Kind, Year + 1, 1) : new(Kind, Year, Number + 1),
    };

    public TrendPeriod Previous() => Kind switch
    {
        PeriodKind.Week => WeekOf(FirstDay.AddDays(-7)),
        PeriodKind.Month => Number == 1 ? new(Kind, Year - 1, 12) : new(Kind, Year, Number - 1),
        _ => Number == 1 ? new(Kind, Year - 1, 4) : new(Kind, Year, Number - 1),
    };

    /// <summary>The period of <paramref name="kind"/> holding <paramref name="date"/>'s week.</summary>
    public static TrendPeriod Holding(PeriodKind kind, DateOnly date)
    {
        var period = WeekOf(date);
        while (period.Kind != kind)
            period = period.Parent()!.Value;
        return period;
    }

    /// <summary>The <paramref name="count"/> periods ending with <paramref name="last"/>, oldest first.</summary>
    public static IReadOnlyList<TrendPeriod> Range(TrendPeriod last, int count)
    {
        var periods = new TrendPeriod[Math.Max(count, 0)];
        var period = last;
        for (var i = periods.Length - 1; i >= 0; i--)
        {
            periods[i] = period;
            period = period.Previous();
        }

        return periods;
    }

    /// <summary>
    /// The period as a person reads it: "week of 23 Nov 2026" (its Monday), "Nov 2026", "Q4 2026". ISO week numbers
    /// ("W48 2026") meant nothing to the HR people reading reports; they stay in <see cref="Key"/> for the export.
    /// </summary>
    public string Label => Kind switch
    {
        PeriodKind.Week => "week of " + FirstDay.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        _ => ShortLabel,
    };

    /// <summary>The label for a chart axis: "23 Nov" (a week's Monday), "Nov 2026", "Q4 2026".</summary>
    public string ShortLabel => Kind switch
    {
        PeriodKind.Week => FirstDay.ToString("d MMM", CultureInfo.InvariantCulture),
        PeriodKind.Month => new DateOnly(Year, Number, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"Q{Number} {Year}"),
    };

    public static bool TryParse(string? key, out TrendPeriod period)
    {
        period = default;
        if (key is null || key.Length < 7 || key[5] != '-'
            || !int.TryParse(key.AsSpan(1, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(key.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return false;
        (var kind, var max) = key[0] switch
        {
            'W' => (PeriodKind.Week, ISOWeek.GetWeeksInYear(Math.Clamp(year, 1, 9998))),
            'M' => (PeriodKind.Month, 12),
            'Q' => (PeriodKind.Quarter, 4),
            _ => (PeriodKind.Week, 0),
        };
        if (year is < 1 or > 9998 || number < 1 || number > max)
            return false;
        period = new TrendPeriod(kind, year, number);
        return period.Key == key;
    }

    public int CompareTo(TrendPeriod other) =>
        Kind != other.Kind ? Kind.CompareTo(other.Kind) : Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    public override string ToString() => Key;

    private static DateOnly FirstThursdayOnOrAfter(DateOnly date) => date.AddDays(((int)DayOfWeek.Thursday - (int)date.DayOfWeek + 7) % 7);

    private static DateOnly MondayOfWeekHolding(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static bool operator <(TrendPeriod left, TrendPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(TrendPeriod left, TrendPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(TrendPeriod left, TrendPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(TrendPeriod left, TrendPeriod right) => left.CompareTo(right) >= 0;
}
