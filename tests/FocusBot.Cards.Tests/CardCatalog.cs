using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Help;

namespace FocusBot.Cards.Tests;

/// <summary>
/// Every card FocusBot sends, by name, as it sends it. A new card factory gets a line here, and from then on it is
/// validated against the Adaptive Card 1.5 schema, Microsoft's renderer and the Teams size limit.
/// </summary>
public static class CardCatalog
{
    public static IReadOnlyDictionary<string, Func<AdaptiveCard>> All { get; } = new Dictionary<string, Func<AdaptiveCard>>
    {
        ["HelpCard"] = () => HelpCard.Create(CommandCatalog.All),
        ["WelcomeCard"] = WelcomeCard.Create,
    };

    public static TheoryData<string> Names => [.. All.Keys];
}
