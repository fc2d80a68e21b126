using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Domain.Roles;

namespace FocusBot.Help;

/// <summary>
/// The card that says what FocusBot is for and lists the commands the reader may use here, by section, each as it is
/// typed with an example. Commands of roles the reader lacks are not listed, only that such roles exist.
/// </summary>
public static class HelpCard
{
    public const string Title = "FocusBot helps us keep customers at the heart of our work";

    /// <param name="minimumGroupSize">Privacy:MinimumGroupSize: the card promises what the reports keep.</param>
    public static AdaptiveCard Create(CommandsForReader reader, int minimumGroupSize)
    {
        // In a channel "this chat" would be the channel, where no pulse ever goes.
        var pulseChat = reader.Mention is null ? "this chat" : "your personal chat with FocusBot";
        List<CardElement> body =
        [
            new TextBlock(Title) { Size = "Medium", Weight = "Bolder" },
            new TextBlock($"Every week you get a one-minute pulse in {pulseChat}: a few questions about our customers that you answer " +
                "right in the card. Your answers are confidential: they are stored under a pseudonym, and results are only ever " +
                $"shown for groups of at least {minimumGroupSize} people.") { IsSubtle = true },
            new TextBlock(RolesLine(reader.Roles)) { Spacing = "Medium" },
            new TextBlock("Commands you can use") { Size = "Medium", Weight = "Bolder", Spacing = "Medium" },
        ];
        if (reader.Mention is { } mention)
            body.Add(new TextBlock(CardText.Escape($"Here, start each command with {mention}.")) { Weight = "Bolder", Spacing = "Small" });
        if (reader.Listed.Any(c => c.Usage.HasArguments))
            body.Add(new TextBlock(CardText.Escape(CommandUsage.Notation)) { IsSubtle = true, Spacing = "Small" });

        foreach (var group in reader.Listed.GroupBy(c => c.Group).OrderBy(g => g.Key))
        {
            body.Add(new TextBlock(CommandGroups.TitleOf(group.Key)) { Weight = "Bolder", Spacing = "Medium", Separator = true });
            body.AddRange(group.Select(command => Entry(command, reader)));
        }

        if (reader.MoreInPersonalChat)
            body.Add(new TextBlock("More commands work in your personal chat with FocusBot.") { IsSubtle = true, Spacing = "Medium" });
        if (reader.RolesWithMoreCommands is { Count: > 0 } others)
        {
            body.Add(new TextBlock($"Other commands exist for the {EnglishList.And([.. others.Select(r => r.ToString())])} " +
                (others.Count == 1 ? "role" : "roles") + ". If your work needs one, ask a FocusBot Admin.")
            { IsSubtle = true, Spacing = "Medium" });
        }

        return new AdaptiveCard { FallbackText = Title, Body = body };
    }

    /// <summary>"Your role: Staff." or "Your roles: Staff and HR.": everyone is Staff, other roles are granted.</summary>
    public static string RolesLine(IReadOnlySet<Role> roles)
    {
        string[] names = ["Staff", .. Enum.GetValues<Role>().Where(roles.Contains).Select(r => r.ToString())];
        return $"Your {(names.Length == 1 ? "role" : "roles")}: {EnglishList.And(names)}.";
    }

    private static Container Entry(BotCommand command, CommandsForReader reader)
    {
        var usage = command.Usage;
        List<CardElement> items = [.. usage.Forms.Select(form => Syntax(reader.Typed(form)))];
        items.Add(new TextBlock(CardText.Escape(command.Description)) { Spacing = "None" });
        if (usage.HasArguments)
            items.Add(new TextBlock(CardText.Escape("Example: " + reader.Typed(usage.Example))) { IsSubtle = true, Spacing = "None" });
        return new Container(items) { Spacing = "Small" };
    }

    /// <summary>One way of typing a command, in monospace so brackets and bars line up as notation.</summary>
    public static TextBlock Syntax(string line) => new(CardText.Escape(line)) { FontType = "Monospace", Spacing = "None" };
}
