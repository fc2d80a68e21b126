using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Actions;
using FocusBot.Forms;

namespace FocusBot.Actions;

/// <summary>Changing an action's status (HR, Executive), and what the recorder sees once an action is recorded.</summary>
public static class ActionStatusCard
{
    public const string Title = "Change the status of an action";
    public const string RecordedTitle = "Action recorded";

    public static AdaptiveCard Edit(ProgrammeAction action, IReadOnlyList<string>? problems = null) => new()
    {
        FallbackText = Title,
        Body =
        [
            new TextBlock(Title) { Size = "Medium", Weight = "Bolder" },
            .. problems is { Count: > 0 } ? [FormNotice.Problems(problems)] : Array.Empty<CardElement>(),
            .. ActionCard.Elements(action),
            new ChoiceSetInput
            {
                Id = ActionForm.StatusId,
                Label = "New status",
                Choices = ActionForm.Statuses,
                Style = "expanded",
                IsRequired = true,
                ErrorMessage = "Choose the new status.",
                Value = action.Status.ToString(),
            },
            new ToggleInput("Tell staff again (the same channel and personal chats as when it was recorded)")
            {
                Id = ActionForm.NotifyId,
                ValueOn = "true",
                ValueOff = "false",
                Value = "true",
            },
        ],
        Actions = [ExecuteAction.WithSubmitFallback("Save status", ActionCommand.StatusVerb, new JsonObject { ["actionId"] = action.Id })],
    };

    /// <summary>The recorder's confirmation: what was stored and where it is going.</summary>
    public static AdaptiveCard Recorded(ActionPublished published, string heading = RecordedTitle)
    {
        List<CardElement> body =
        [
            new TextBlock(heading) { Size = "Medium", Weight = "Bolder", Color = "Good" },
            .. ActionCard.Elements(published.Action, published.IsUpdate),
        ];
        if (published.ChannelTitle is { } channel)
        {
            body.Add(new TextBlock(published.ChannelPosted
                ? $"Posted in {CardText.Markdown(channel, 200)}."
                : $"Posting in {CardText.Markdown(channel, 200)} failed: Teams did not accept the message.")
            { IsSubtle = true });
        }

        if (published.StaffQueued > 0)
            body.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture, $"Sending to {published.StaffQueued} people in their personal chat with FocusBot.")) { IsSubtle = true });
        else if (!published.Notified)
            body.Add(new TextBlock("Staff were not told of this change; it shows in actions.") { IsSubtle = true });
        return new AdaptiveCard
        {
            FallbackText = heading,
            Body = body,
            Actions =
            [
                ExecuteAction.WithSubmitFallback("Change status", ActionCommand.EditVerb, new JsonObject { ["actionId"] = published.Action.Id }),
                ExecuteAction.WithSubmitFallback("All actions", ActionCommand.PageVerb, new JsonObject { ["skip"] = 0 }),
            ],
        };
    }
}
