using FocusBot.Cards;
using FocusBot.Commands;

namespace FocusBot.Roles;

/// <summary>The polite "not for you" answer, naming the role a command needs.</summary>
public static class RefusalCard
{
    public static AdaptiveCard Create(BotCommand command)
    {
        var roles = EnglishList.Or([.. command.AllowedRoles.Select(r => r.ToString())]);
        return new AdaptiveCard
        {
            FallbackText = $"{command.Name} needs the {roles} role",
            Body =
            [
                new TextBlock($"Sorry, \"{command.Name}\" is for {roles} only") { Weight = "Bolder" },
                new TextBlock($"FocusBot keeps this command to people with the {roles} role. If you need it, ask a FocusBot Admin " +
                    "to grant you the role. " + (command.Instead is { } instead ? instead + " " : string.Empty) + "Type help to see what you can do.") { IsSubtle = true },
            ],
        };
    }
}
