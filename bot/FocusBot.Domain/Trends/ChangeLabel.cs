namespace FocusBot.Domain.Trends;

/// <summary>How a figure moved against the previous period.</summary>
public enum ChangeLabel
{
    Stable,
    Rising,
    Falling,
}

/// <summary>Which test decided a change.</summary>
public enum ChangeTest
{
    /// <summary>The difference was under the minimum, so no test was needed.</summary>
    None,
    TwoProportionZ,
    FisherExact,
}

/// <summary>A change label with the evidence behind it.</summary>
public sealed record ChangeAssessment(ChangeLabel Label, double DifferencePoints, double PValue, ChangeTest Test);
