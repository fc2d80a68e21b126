namespace FocusBot.Domain.Programme;

/// <summary>
/// When a team reaches a level: each of the level's knowledge items at least <see cref="Percent"/> correct over the
/// last <see cref="Weeks"/> sealed weeks, answered by at least <see cref="MinRespondents"/> people, and the level's
/// behaviour and attitude items at least <see cref="FavourablePercent"/> favourable.
/// </summary>
public sealed record MasteryRule
{
    public const int DefaultPercent = 80;
    public const int MinPercent = 50;
    public const int MaxPercent = 100;
    public const int DefaultWeeks = 8;
    public const int MinWeeks = 4;
    public const int MaxWeeks = 26;

    /// <summary>
    /// 70%: on the attitude scale, agree or strongly agree from seven in ten is what staff surveys commonly call a
    /// strength (below 60% a concern); on behaviour, seven in ten doing it at least 2-3 times a week is a habit of most of
    /// the team, not of its keenest few. Lower would call a split team favourable; higher would ask for near unanimity.
    /// </summary>
    public const int DefaultFavourablePercent = 70;

    public int Percent { get; init; } = DefaultPercent;

    public int Weeks { get; init; } = DefaultWeeks;

    /// <summary>People an item needs; never below the privacy minimum group size.</summary>
    public required int MinRespondents { get; init; }

    public int FavourablePercent { get; init; } = DefaultFavourablePercent;

    /// <summary>The rule in one sentence, for the card and the report page.</summary>
    public string InWords() =>
        $"A team reaches a level when, over the last {Weeks} weeks, each knowledge item of that level is answered correctly by at least " +
        $"{Percent}% with at least {MinRespondents} people answering it, and the level's behaviour and attitude items are at least " +
        $"{FavourablePercent}% favourable. Levels are reached in order.";
}
