namespace FocusBot.Domain.Trends;

/// <summary>The granularity of a trend period.</summary>
public enum PeriodKind
{
    Week,
    Month,
    Quarter,
}
