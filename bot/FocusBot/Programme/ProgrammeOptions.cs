using FocusBot.Domain.Programme;

namespace FocusBot.Programme;

/// <summary>Programme events and their before-and-after view, the mastery rule of the levels and the spaced review of missed knowledge checks (configuration section Programme).</summary>
public sealed class ProgrammeOptions
{
    public const string Section = "Programme";

    /// <summary>Weeks compared on each side of an event's week. Default 4, from 2 to 12.</summary>
    public int EventWindowWeeks { get; set; } = BeforeAfter.DefaultWindowWeeks;

    /// <summary>% correct each knowledge item of a level needs. Default 80, from 50 to 100.</summary>
    public int MasteryPercent { get; set; } = MasteryRule.DefaultPercent;

    /// <summary>Sealed weeks the mastery rule looks at. Default 8, from 4 to 26.</summary>
    public int MasteryWeeks { get; set; } = MasteryRule.DefaultWeeks;

    /// <summary>People each item needs; unset means the privacy minimum group size, and it can never be below it.</summary>
    public int? MasteryMinRespondents { get; set; }

    /// <summary>% favourable a level's behaviour and attitude items need. Default 70, from 50 to 100.</summary>
    public int FavourablePercent { get; set; } = MasteryRule.DefaultFavourablePercent;

    /// <summary>Weeks before a knowledge check a person missed comes back to them (<see cref="SpacedReview"/>). Default 2, from 1 to 8.</summary>
    public int ReviewAfterWeeks { get; set; } = SpacedReview.DefaultWeeks;

    /// <summary>The sentence start-up refuses a bad value with.</summary>
    public static readonly string EventWindowWeeksRange =
        $"Programme:EventWindowWeeks must be a whole number of weeks from {BeforeAfter.MinWindowWeeks} to {BeforeAfter.MaxWindowWeeks}: one week either side " +
        "is too few to tell a change from an ordinary week, and beyond a quarter other events and the season blur what one event did.";

    public static readonly string MasteryPercentRange =
        $"Programme:MasteryPercent must be a whole number from {MasteryRule.MinPercent} to {MasteryRule.MaxPercent}: below half correct a team has not mastered an item.";

    public static readonly string MasteryWeeksRange =
        $"Programme:MasteryWeeks must be a whole number of weeks from {MasteryRule.MinWeeks} to {MasteryRule.MaxWeeks}: fewer weeks rarely ask each item, " +
        "more than half a year judges a team by what it knew long ago.";

    public static readonly string FavourablePercentRange =
        $"Programme:FavourablePercent must be a whole number from {MasteryRule.MinPercent} to {MasteryRule.MaxPercent}: below half is not favourable.";

    public static readonly string ReviewAfterWeeksRange =
        $"Programme:ReviewAfterWeeks must be a whole number of weeks from {SpacedReview.MinWeeks} to {SpacedReview.MaxWeeks}: sooner than a week it tests the " +
        "solution the card just showed rather than what stayed, and after two months the item has lost its link to what the person was learning.";

    /// <summary>The refusal of a minimum under the privacy minimum group size.</summary>
    public static string MasteryMinRespondentsTooLow(int value, int privacyMinimum) =>
        $"Programme:MasteryMinRespondents is {value}; it can never be below Privacy:MinimumGroupSize ({privacyMinimum}): a team figure of fewer people is not shown, so it cannot count as mastered.";

    /// <summary>The rule these options describe, with the privacy minimum as the default number of people.</summary>
    public MasteryRule ToRule(int privacyMinimum) => new()
    {
        Percent = MasteryPercent,
        Weeks = MasteryWeeks,
        MinRespondents = MasteryMinRespondents ?? privacyMinimum,
        FavourablePercent = FavourablePercent,
    };
}
