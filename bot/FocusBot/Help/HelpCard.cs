using FocusBot.Cards;
using FocusBot.Commands;

namespace FocusBot.Help;

/// <summary>The card that says what FocusBot is for and lists the commands.</summary>
public static class HelpCard
{
    public const string Title = "FocusBot helps us keep customers at the heart of our work";

    /// <param name="minimumGroupSize">Privacy:MinimumGroupSize: the card promises what the reports keep.</param>
    public static AdaptiveCard Create(IEnumerable<BotCommand> commands, int minimumGroupSize) => new()
    {
        FallbackText = Title,
        Body =
        [
            new TextBlock(Title) { Size = "Medium", Weight = "Bolder" },
            new TextBlock("Every week you get a one-minute pulse in this chat: a few questions about our customers that you answer " +
                "right in the card. Your answers are confidential: they are stored under a pseudonym, and results are only ever " +
                $"shown for groups of at least {minimumGroupSize} people.") { IsSubtle = true },
            new TextBlock("Commands") { Weight = "Bolder", Spacing = "Medium" },
            new FactSet([.. commands.Select(c => new Fact(c.Name, c.Description))]),
        ],
    };
}
