using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Actions;

namespace FocusBot.Actions;

/// <summary>"You said, we did": an action as staff receive it, in a team channel or their personal chat.</summary>
public static class ActionCard
{
    public const string Kicker = "YOU SAID, WE DID";

    public const string GeneralTheme = "Your comments in the weekly pulse";

    /// <param name="update">True when the card announces a status change rather than a new action.</param>
    public static AdaptiveCard Create(ProgrammeAction action, bool update = false) => new()
    {
        FallbackText = Summary(action, update),
        Body = [.. Elements(action, update)],
        Actions = [ExecuteAction.WithSubmitFallback("All actions", ActionCommand.PageVerb, new JsonObject { ["skip"] = 0 })],
    };

    /// <summary>The notification line Teams shows for the message.</summary>
    public static string Summary(ProgrammeAction action, bool update = false) =>
        (update ? $"Update ({ActionForm.StatusName(action.Status)}): " : "You said, we did: ") + CardText.Plain(action.Change, 120);

    public static string ThemeText(ProgrammeAction action) => action.Theme is { } theme ? $"“{CardText.Markdown(theme, 120)}”" : GeneralTheme;

    public static string Sponsor(ProgrammeAction action) => action.Sponsor == ActionSponsor.Leadership ? "From the leadership team" : "From HR";

    public static string Due(DateOnly due) => due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The action's elements, also used in the list of actions.</summary>
    public static IEnumerable<CardElement> Elements(ProgrammeAction action, bool update = false)
    {
        yield return new TextBlock(update ? $"{Kicker} · UPDATE" : Kicker) { Size = "Small", Weight = "Bolder", Color = "Accent", Spacing = "None" };
        yield return new TextBlock("You said: " + ThemeText(action)) { IsSubtle = true, Spacing = "Small" };
        yield return new TextBlock("We will: " + CardText.Markdown(action.Change, ActionForm.MaxChange)) { Size = "Medium", Weight = "Bolder", Spacing = "Small" };
        yield return new FactSet(
        [
            new Fact("Owner", CardText.Markdown(action.Owner, ActionForm.MaxOwner)),
            new Fact("Due", Due(action.DueDate)),
            new Fact("Status", StatusText(action.Status)),
        ]);
        yield return new TextBlock($"{Sponsor(action)} · recorded {action.CreatedAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}")
        {
            Size = "Small",
            IsSubtle = true,
        };
    }

    public static string StatusText(ActionStatus status) => status == ActionStatus.Done ? "Done ✓" : ActionForm.StatusName(status);
}
