using System.Globalization;

namespace FocusBot.Domain.Questions;

/// <summary>
/// The customer-focus programme's three levels (Basic Customer Knowledge, Deeper Customer Understanding, Customer
/// Partnership) in words short enough for a table row. Reports used to say "Level 1", which HR had to look up.
/// </summary>
public static class ProgrammeLevels
{
    public static string Name(int level) => level switch
    {
        1 => "Basic knowledge",
        2 => "Deeper understanding",
        3 => "Partnership",
        _ => string.Create(CultureInfo.InvariantCulture, $"Level {level}"),
    };

    /// <summary>"1 Basic knowledge": the number keeps the levels in order, the name says what the level is.</summary>
    public static string Label(int level) => level is >= 1 and <= 3 ? string.Create(CultureInfo.InvariantCulture, $"{level} {Name(level)}") : Name(level);
}
