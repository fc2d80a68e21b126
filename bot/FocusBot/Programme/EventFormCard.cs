using System.Globalization;
using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Forms;

namespace FocusBot.Programme;

/// <summary>The form HR or an Executive fills in to record a programme event.</summary>
public static class EventFormCard
{
    public const string Title = "Record a programme event";

    /// <param name="teams">Team id to name, for the teams FocusBot is installed in.</param>
    /// <param name="previous">What was submitted before, to show again with the problems found.</param>
    /// <param name="problems">Problems of the previous submission.</param>
    public static AdaptiveCard Create(IReadOnlyDictionary<string, string> teams, DateOnly today, JsonElement? previous = null, IReadOnlyList<string>? problems = null)
    {
        var form = new FormValues(previous ?? default);
        string? Value(string id) => previous is null ? null : CardText.Plain(form.Raw(id), 2000) is { Length: > 0 } v ? v : null;

        List<CardElement> body =
        [
            new TextBlock(Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock("A workshop, a training, a customer clinic or anything else the weekly figures should show the effect of. It is marked on the " +
                "report's charts, and Before and after in events compares the weeks either side.") { IsSubtle = true },
        ];
        if (problems is { Count: > 0 })
            body.Add(FormNotice.Problems(problems));
        List<Choice> teamChoices = [.. teams.OrderBy(t => t.Value, StringComparer.CurrentCultureIgnoreCase)
            .Select(t => new Choice(CardText.Plain(t.Value.Length > 0 ? t.Value : "Team", 80), t.Key))];
        body.AddRange(
        [
            new ColumnSet(
            [
                new Column(
                [
                    new ChoiceSetInput
                    {
                        Id = EventForm.KindId,
                        Label = "Kind",
                        Choices = EventForm.Kinds,
                        Style = "compact",
                        IsRequired = true,
                        ErrorMessage = "Kind is required.",
                        Value = Value(EventForm.KindId) ?? EventForm.Kinds[0].Value,
                    },
                ]) { Width = "stretch" },
                new Column(
                [
                    new DateInput
                    {
                        Id = EventForm.DateId,
                        Label = "Date (its first day)",
                        IsRequired = true,
                        ErrorMessage = "Date is required.",
                        Value = Value(EventForm.DateId) ?? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    },
                ]) { Width = "stretch" },
            ]),
            new TextInput
            {
                Id = EventForm.TitleId,
                Label = "Title",
                MaxLength = Domain.Programme.ProgrammeEvent.MaxTitle,
                IsRequired = true,
                ErrorMessage = "Title is required.",
                Placeholder = "e.g. Customer journey workshop",
                Value = Value(EventForm.TitleId),
            },
            teamChoices.Count == 0
                ? new TextBlock("FocusBot is not installed in a team yet, so the event is for the whole organisation.") { IsSubtle = true }
                : new ChoiceSetInput
                {
                    Id = EventForm.TeamsId,
                    Label = "Teams involved (none: the whole organisation)",
                    Choices = teamChoices,
                    Style = "compact",
                    IsMultiSelect = true,
                    Placeholder = "The whole organisation",
                    Value = Value(EventForm.TeamsId),
                },
        ]);

        return new AdaptiveCard
        {
            FallbackText = Title,
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback("Record event", EventCommand.RecordVerb)],
        };
    }
}
