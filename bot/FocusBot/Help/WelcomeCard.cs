using FocusBot.Cards;

namespace FocusBot.Help;

/// <summary>The first message a person gets when they install FocusBot.</summary>
public static class WelcomeCard
{
    public const string Title = "Welcome to FocusBot";

    /// <param name="minimumGroupSize">Privacy:MinimumGroupSize: the card promises what the reports keep.</param>
    public static AdaptiveCard Create(int minimumGroupSize) => new()
    {
        FallbackText = Title,
        Body =
        [
            new TextBlock(Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock("Customers decide what quality means. FocusBot brings them into your week: short customer insights, " +
                "recognition of great customer focus, and a one-minute weekly pulse you answer right here."),
            new TextBlock($"Your answers are confidential and only reported for groups of {minimumGroupSize} or more.") { IsSubtle = true },
        ],
        Actions = [ExecuteAction.WithSubmitFallback("Show commands", HelpCommand.ShowHelpVerb)],
    };
}
