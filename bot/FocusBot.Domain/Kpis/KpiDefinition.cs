namespace FocusBot.Domain.Kpis;

/// <summary>Which way a customer KPI should move: CSAT up, complaints down.</summary>
public enum KpiDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>
/// A customer KPI HR imports figures for: its name as people read it, its unit and the direction that is better. The
/// unit decides which values make sense (<see cref="KpiUnits"/>).
/// </summary>
public sealed record KpiDefinition(string Name, string Unit, KpiDirection Better)
{
    public const int MaxName = 60;
    public const int MaxUnit = 20;

    /// <summary>The name compared case- and space-insensitively: "On-time delivery" and "on-time  DELIVERY" are one KPI.</summary>
    public string Key => KeyOf(Name);

    public static string KeyOf(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();

    public string DirectionText => Better == KpiDirection.HigherIsBetter ? "higher is better" : "lower is better";
}
