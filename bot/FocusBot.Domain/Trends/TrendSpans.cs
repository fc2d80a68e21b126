namespace FocusBot.Domain.Trends;

/// <summary>
/// How many periods a trends report covers when nobody says (the `trends` command alone, the HR digest), and the most
/// a person may ask for, by period kind. The help text quotes the same numbers, so they live in one place.
/// </summary>
public static class TrendSpans
{
    public const int DefaultWeeks = 12;

    /// <summary>The fewest periods a trend can be drawn over.</summary>
    public const int Min = 2;

    public static int Default(PeriodKind kind) => kind switch { PeriodKind.Week => DefaultWeeks, PeriodKind.Month => 6, _ => 4 };

    public static int Max(PeriodKind kind) => kind switch { PeriodKind.Week => 52, PeriodKind.Month => 24, _ => 8 };
}
