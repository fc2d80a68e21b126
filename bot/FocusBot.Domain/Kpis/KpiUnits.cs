namespace FocusBot.Domain.Kpis;

/// <summary>The units FocusBot knows the range of; any other unit takes any finite number.</summary>
public static class KpiUnits
{
    public const string Percent = "%";
    public const string Nps = "NPS";
    public const string Count = "count";

    /// <summary>Why <paramref name="value"/> cannot be a value in <paramref name="unit"/>; null when it can.</summary>
    public static string? Problem(string unit, double value)
    {
        if (!double.IsFinite(value))
            return "the value must be a number";
        if (unit == Percent && value is < 0 or > 100)
            return "a percentage is from 0 to 100";
        if (unit == Nps && value is < -100 or > 100)
            return "an NPS is from -100 to 100";
        if (unit == Count && (value < 0 || value != Math.Floor(value)))
            return "a count is a whole number, 0 or more";
        return null;
    }

    /// <summary>The unit as written in a file, with the spellings people use for the known ones.</summary>
    public static string Normalize(string unit) => unit.Trim() switch
    {
        var u when u.Equals("percent", StringComparison.OrdinalIgnoreCase) || u == Percent => Percent,
        var u when u.Equals(Nps, StringComparison.OrdinalIgnoreCase) => Nps,
        var u when u.Equals(Count, StringComparison.OrdinalIgnoreCase) || u.Equals("number", StringComparison.OrdinalIgnoreCase) => Count,
        var u => u,
    };
}
