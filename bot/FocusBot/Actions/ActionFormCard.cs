using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Conversations;
using FocusBot.Domain.Conversations;
using FocusBot.Forms;

namespace FocusBot.Actions;

/// <summary>The form HR or an Executive fills in to record an action ("you said, we did").</summary>
public static class ActionFormCard
{
    public const string Title = "Record an action: you said, we did";

    /// <param name="channels">Team channels where FocusBot is installed.</param>
    /// <param name="themes">The organisation's current Voice themes the privacy gate shows.</param>
    /// <param name="previous">What was submitted before, to show again with the problems found.</param>
    /// <param name="problems">Problems of the previous submission.</param>
    public static AdaptiveCard Create(IReadOnlyList<ConversationRecord> channels, IReadOnlyList<string> themes, DateOnly today, JsonElement? previous = null,
        IReadOnlyList<string>? problems = null)
    {
        var form = new FormValues(previous ?? default);
        string? Value(string id) => previous is null ? null : CardText.Plain(form.Raw(id), 2000) is { Length: > 0 } v ? v : null;

        List<CardElement> body =
        [
            new TextBlock(Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock("Show staff what follows from their answers. Everything here except your name is shown to staff as you write it: " +
                "the owner too, so name a role or a person who agreed to it.") { IsSubtle = true },
        ];
        if (problems is { Count: > 0 })
            body.Add(FormNotice.Problems(problems));
        List<Choice> themeChoices = [.. themes.Select(t => new Choice(CardText.Plain(t, 120), t)), new Choice("Comments in general", ActionForm.General)];
        body.AddRange(
        [
            new ChoiceSetInput
            {
                Id = ActionForm.ThemeId,
                Label = "It answers",
                Choices = themeChoices,
                Style = "compact",
                IsRequired = true,
                ErrorMessage = "Choose the theme this action answers.",
                Value = Value(ActionForm.ThemeId) ?? (themes.Count == 0 ? ActionForm.General : null),
            },
            new TextBlock(themes.Count == 0
                ? "No Voice themes can be shown yet (they need enough people commenting), so the action answers the comments in general."
                : "The themes are the phrases people used most in the weekly pulse's Voice question.") { IsSubtle = true, Size = "Small", Spacing = "Small" },
            new TextInput
            {
                Id = ActionForm.ChangeId,
                Label = "What will change",
                MaxLength = ActionForm.MaxChange,
                IsMultiline = true,
                IsRequired = true,
                ErrorMessage = "What will change is required.",
                Placeholder = "e.g. Customers choose the time slot of their callback",
                Value = Value(ActionForm.ChangeId),
            },
            new ColumnSet(
            [
                new Column(
                [
                    new TextInput
                    {
                        Id = ActionForm.OwnerId,
                        Label = "Owner (shown to staff)",
                        MaxLength = ActionForm.MaxOwner,
                        IsRequired = true,
                        ErrorMessage = "Owner is required.",
                        Placeholder = "e.g. Head of Service Desk",
                        Value = Value(ActionForm.OwnerId),
                    },
                ]) { Width = "stretch" },
                new Column(
                [
                    new DateInput
                    {
                        Id = ActionForm.DueId,
                        Label = "Due date",
                        IsRequired = true,
                        ErrorMessage = "Due date is required.",
                        Min = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        Value = Value(ActionForm.DueId),
                    },
                ]) { Width = "stretch" },
                new Column(
                [
                    new ChoiceSetInput
                    {
                        Id = ActionForm.StatusId,
                        Label = "Status",
                        Choices = ActionForm.Statuses,
                        Style = "compact",
                        IsRequired = true,
                        ErrorMessage = "Status is required.",
                        Value = Value(ActionForm.StatusId) ?? ActionForm.Statuses[0].Value,
                    },
                ]) { Width = "stretch" },
            ]),
            new TextBlock("Who hears of it") { Weight = "Bolder", Spacing = "Medium" },
            channels.Count == 0
                ? new TextBlock("FocusBot is not installed in a team yet, so the action goes to staff in their personal chat.") { IsSubtle = true }
                : new ChoiceSetInput
                {
                    Id = ActionForm.ChannelId,
                    Label = "Post in a team channel (optional)",
                    Choices = TeamChannels.Choices(channels),
                    Style = "compact",
                    Placeholder = "No channel",
                    Value = Value(ActionForm.ChannelId),
                },
            new ToggleInput("Send to everyone in their personal chat with FocusBot")
            {
                Id = ActionForm.AllStaffId,
                ValueOn = "true",
                ValueOff = "false",
                Value = Value(ActionForm.AllStaffId) ?? "true",
            },
        ]);

        return new AdaptiveCard
        {
            FallbackText = Title,
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback("Record action", ActionCommand.RecordVerb)],
        };
    }
}
