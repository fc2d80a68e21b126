using FocusBot.Cards;
using FocusBot.Commands;

namespace FocusBot.Help;

/// <summary>`help &lt;command&gt;`: one command in full, for someone who may use it.</summary>
public static class CommandHelpCard
{
    public static string TitleOf(BotCommand command) => "help: " + command.Name;

    public static AdaptiveCard Create(BotCommand command, CommandsForReader reader)
    {
        var usage = command.Usage;
        List<CardElement> body =
        [
            new TextBlock(CardText.Escape(command.Name)) { Size = "Medium", Weight = "Bolder", FontType = "Monospace" },
            new TextBlock(CardText.Escape(command.Description)) { Spacing = "None" },
            new TextBlock("How to type it") { Weight = "Bolder", Spacing = "Medium" },
            .. usage.Forms.Select(form => HelpCard.Syntax(reader.Typed(form))),
        ];
        if (usage.HasArguments)
        {
            body.Add(new TextBlock(CardText.Escape(CommandUsage.Notation)) { IsSubtle = true, Spacing = "Small" });
            body.Add(new TextBlock(CardText.Escape("Example: " + reader.Typed(usage.Example))) { Spacing = "Small" });
        }

        if (usage.Details is { } details)
            body.Add(new TextBlock(CardText.Escape(details)) { Spacing = "Medium" });
        body.Add(new TextBlock(WhereLine(command, reader)) { IsSubtle = true, Spacing = "Medium" });
        body.Add(new TextBlock(WhoLine(command)) { IsSubtle = true, Spacing = "None" });
        return new AdaptiveCard { FallbackText = TitleOf(command), Body = body };
    }

    private static string WhereLine(BotCommand command, CommandsForReader reader) => command.Scopes switch
    {
        BotCommandScope.Both => CardText.Escape("Works in your personal chat with FocusBot, and in team channels where you start with " +
            (reader.Mention ?? "@FocusBot") + "."),
        BotCommandScope.Team => CardText.Escape("Works in team channels, where you start with " + (reader.Mention ?? "@FocusBot") + "."),
        _ => "Works in your personal chat with FocusBot.",
    };

    private static string WhoLine(BotCommand command) => command.AllowedRoles.Count == 0
        ? "For everyone."
        : $"For the {EnglishList.Or([.. command.AllowedRoles.Select(r => r.ToString())])} role.";
}
