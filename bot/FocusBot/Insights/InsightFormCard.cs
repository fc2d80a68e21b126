using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Conversations;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Insights;
using FocusBot.Forms;

namespace FocusBot.Insights;

/// <summary>The form an Executive or HR person fills in to share a customer insight, and the one to edit it afterwards.</summary>
public static class InsightFormCard
{
    public const string Title = "Share a customer insight";
    public const string EditTitle = "Edit a customer insight";

    /// <param name="channels">Team channels where FocusBot is installed (their teams are the teams it can reach).</param>
    /// <param name="zone">The author's time zone: the send date and time are read in it.</param>
    /// <param name="previous">What was submitted before, to show again with the problems found.</param>
    /// <param name="problems">Problems of the previous submission.</param>
    public static AdaptiveCard Create(IReadOnlyList<ConversationRecord> channels, TimeZoneInfo zone, JsonElement? previous = null, IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var value = Values(previous);
        List<CardElement> body =
        [
            new TextBlock(Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock("Bring the customer into everyone's week: what a customer said, what the numbers show. It is posted as " +
                "you write it, with your name.") { IsSubtle = true },
        ];
        if (problems is { Count: > 0 })
            body.Add(FormNotice.Problems(problems));
        body.AddRange(TextFields(value));
        body.AddRange(
        [
            new TextBlock("Who gets it") { Weight = "Bolder", Spacing = "Medium" },
            new ToggleInput("Everyone, in their personal chat with FocusBot")
            {
                Id = InsightForm.AllStaffId,
                ValueOn = "true",
                ValueOff = "false",
                Value = value(InsightForm.AllStaffId) ?? (channels.Count == 0 ? "true" : "false"),
            },
        ]);
        if (channels.Count == 0)
        {
            body.Add(new TextBlock("FocusBot is not installed in a team yet, so insights go to everyone in their personal chat.") { IsSubtle = true });
        }
        else
        {
            body.Add(MultiChoices(InsightForm.TeamsId, "Chosen teams: their members, in their personal chat (optional)", TeamChannels.TeamChoices(channels), value, "No team"));
            body.Add(MultiChoices(InsightForm.ChannelId, "Post in team channels (optional)", TeamChannels.Choices(channels), value, "No channel"));
        }

        body.AddRange(
        [
            new TextBlock("When") { Weight = "Bolder", Spacing = "Medium" },
            new TextBlock($"Leave both empty to send it now. Times are in your time zone, {InsightTimes.NameOf(zone)}.") { IsSubtle = true, Spacing = "None" },
            new ColumnSet(
            [
                new Column([new DateInput { Id = InsightForm.SendDateId, Label = "Send on (optional)", Value = value(InsightForm.SendDateId) }]) { Width = "stretch" },
                new Column([new TimeInput { Id = InsightForm.SendTimeId, Label = "At", Value = value(InsightForm.SendTimeId) }]) { Width = "stretch" },
            ]),
            new TextBlock("Knowledge check (optional)") { Weight = "Bolder", Spacing = "Medium" },
            new TextBlock("A question about this insight joins the next weekly pulse after it goes out; people see the right answer after they reply.")
            {
                IsSubtle = true,
                Spacing = "None",
            },
            Text(InsightForm.QuestionId, "Question", InsightForm.MaxQuestion, value),
            .. Enumerable.Range(0, InsightForm.OptionCount).Select(i => Text(InsightForm.OptionId(i), $"Answer {i + 1}", InsightForm.MaxOption, value)),
            Choices(InsightForm.CorrectId, "Correct answer",
                [.. Enumerable.Range(1, InsightForm.OptionCount).Select(i => new Choice($"Answer {i}", i.ToString(CultureInfo.InvariantCulture)))], value),
        ]);

        return new AdaptiveCard
        {
            FallbackText = Title,
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback("Post insight", InsightCommand.PostVerb)],
        };
    }

    /// <summary>The insight's text as it is (or as last submitted, with its problems), to change and save.</summary>
    public static AdaptiveCard Edit(Insight insight, JsonElement? previous = null, IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(insight);
        var (source, detail) = InsightForm.SplitSource(insight.Source);
        var stored = new Dictionary<string, string?>
        {
            [InsightForm.TitleId] = insight.Title,
            [InsightForm.BodyId] = insight.Body,
            [InsightForm.SourceId] = source,
            [InsightForm.SourceDetailId] = detail,
            [InsightForm.KpiNameId] = insight.KpiName,
            [InsightForm.KpiValueId] = insight.KpiValue,
            [InsightForm.KpiTrendId] = insight.KpiTrend,
            [InsightForm.LinkId] = insight.Link,
        };
        var value = previous is null ? id => stored.GetValueOrDefault(id) : Values(previous);
        List<CardElement> body =
        [
            new TextBlock(EditTitle) { Size = "Large", Weight = "Bolder" },
            new TextBlock(insight.Status == InsightStatus.Sent
                ? "Saving replaces the insight in every chat and channel it went to, and in the list."
                : "Saving changes what goes out at its time.") { IsSubtle = true },
        ];
        if (problems is { Count: > 0 })
            body.Add(FormNotice.Problems(problems));
        body.AddRange(TextFields(value));
        return new AdaptiveCard
        {
            FallbackText = EditTitle,
            Body = body,
            Actions =
            [
                ExecuteAction.WithSubmitFallback("Save changes", InsightManagement.SaveVerb, new JsonObject { ["insightId"] = insight.Id }),
                ExecuteAction.WithSubmitFallback("Keep it as it is", InsightManagement.ReachVerb, new JsonObject { ["insightId"] = insight.Id }),
            ],
        };
    }

    // What was submitted, to show again: nothing typed is lost when the form comes back with its problems.
    private static Func<string, string?> Values(JsonElement? previous)
    {
        var form = new FormValues(previous ?? default);
        return id => previous is null ? null : CardText.Plain(form.Raw(id), 2000) is { Length: > 0 } v ? v : null;
    }

    private static IEnumerable<CardElement> TextFields(Func<string, string?> value) =>
    [
        Text(InsightForm.TitleId, "Title", InsightForm.MaxTitle, value, required: true, placeholder: "e.g. Customers wait too long for a callback"),
        Text(InsightForm.BodyId, "What the customer said, or what the data shows", InsightForm.MaxBody, value, required: true, multiline: true),
        new ColumnSet(
        [
            new Column([Choices(InsightForm.SourceId, "Source", InsightForm.Sources, value, required: true)]) { Width = "stretch" },
            new Column([Text(InsightForm.SourceDetailId, "Source detail (optional)", InsightForm.MaxSourceDetail, value, placeholder: "e.g. Q3 complaints review")]) { Width = "stretch" },
        ]),
        new ColumnSet(
        [
            new Column([Text(InsightForm.KpiNameId, "KPI (optional)", InsightForm.MaxKpiName, value, placeholder: "e.g. On-time delivery")]) { Width = "stretch" },
            new Column([Text(InsightForm.KpiValueId, "Value", InsightForm.MaxKpiValue, value, placeholder: "e.g. 94%")]) { Width = "stretch" },
            new Column([Choices(InsightForm.KpiTrendId, "Trend", InsightForm.Trends, value)]) { Width = "stretch" },
        ]),
        Text(InsightForm.LinkId, "Link (optional, https)", InsightForm.MaxLink, value, placeholder: "https://"),
    ];

    private static TextInput Text(string id, string label, int maxLength, Func<string, string?> value, bool required = false, bool multiline = false,
        string? placeholder = null) => new()
        {
            Id = id,
            Label = label,
            MaxLength = maxLength,
            IsRequired = required ? true : null,
            ErrorMessage = required ? $"{label} is required." : null,
            IsMultiline = multiline ? true : null,
            Placeholder = placeholder,
            Value = value(id),
        };

    private static ChoiceSetInput Choices(string id, string label, IReadOnlyList<Choice> choices, Func<string, string?> value, bool required = false) => new()
    {
        Id = id,
        Label = label,
        Choices = choices,
        Style = "compact",
        IsRequired = required ? true : null,
        ErrorMessage = required ? $"{label} is required." : null,
        Value = value(id),
    };

    private static ChoiceSetInput MultiChoices(string id, string label, IReadOnlyList<Choice> choices, Func<string, string?> value, string placeholder) => new()
    {
        Id = id,
        Label = label,
        Choices = choices,
        Style = "compact",
        IsMultiSelect = true,
        Placeholder = placeholder,
        Value = value(id),
    };
}
