namespace FocusBot.Domain.Trends;

/// <summary>How a figure moved against the period it is compared with.</summary>
public enum ChangeLabel
{
    /// <summary>Under the 5-point minimum: too small to count as a change, whatever the test would say.</summary>
    Small,

    /// <summary>
    /// At least 5 points, but the test cannot tell it from chance with this many people. Not "stable": the figure may
    /// well have moved; the groups are too small to say.
    /// </summary>
    NotSignificant,

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
public sealed record ChangeAssessment(ChangeLabel Label, double DifferencePoints, double PValue, ChangeTest Test)
{
    /// <summary>The people the test counted now (respondents; for participation, people sent the pulse).</summary>
    public long PeopleNow { get; init; }

    /// <summary>The people the test counted in the period compared with.</summary>
    public long PeopleBefore { get; init; }
}
