using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Conversations;
using FocusBot.Domain.Conversations;
using FocusBot.Forms;

namespace FocusBot.Insights;

/// <summary>The form an Executive or HR person fills in to share a customer insight.</summary>
public static class InsightFormCard
{
    public const string Title = "Share a customer insight";

    /// <param name="channels">Team channels where FocusBot is installed.</param>
    /// <param name="previous">What was submitted before, to show again with the problems found.</param>
    /// <param name="problems">Problems of the previous submission.</param>
    public static AdaptiveCard Create(IReadOnlyList<ConversationRecord> channels, JsonElement? previous = null, IReadOnlyList<string>? problems = null)
    {
        var form = new FormValues(previous ?? default);
        string? Value(string id) => previous is null ? null : CardText.Plain(form.Raw(id), 2000) is { Length: > 0 } v ? v : null;

        List<CardElement> body =
        [
            new TextBlock(Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock("Bring the customer into everyone's week: what a customer said, what the numbers show. It is posted as " +
                "you write it, with your name.") { IsSubtle = true },
        ];
        if (problems is { Count: > 0 })
            body.Add(FormNotice.Problems(problems));
        body.AddRange(
        [
            Text(InsightForm.TitleId, "Title", InsightForm.MaxTitle, Value, required: true, placeholder: "e.g. Customers wait too long for a callback"),
            Text(InsightForm.BodyId, "What the customer said, or what the data shows", InsightForm.MaxBody, Value, required: true, multiline: true),
            new ColumnSet(
            [
                new Column([Choices(InsightForm.SourceId, "Source", InsightForm.Sources, Value, required: true)]) { Width = "stretch" },
                new Column([Text(InsightForm.SourceDetailId, "Source detail (optional)", InsightForm.MaxSourceDetail, Value, placeholder: "e.g. Q3 complaints review")]) { Width = "stretch" },
            ]),
            new ColumnSet(
            [
                new Column([Text(InsightForm.KpiNameId, "KPI (optional)", InsightForm.MaxKpiName, Value, placeholder: "e.g. On-time delivery")]) { Width = "stretch" },
                new Column([Text(InsightForm.KpiValueId, "Value", InsightForm.MaxKpiValue, Value, placeholder: "e.g. 94%")]) { Width = "stretch" },
                new Column([Choices(InsightForm.KpiTrendId, "Trend", InsightForm.Trends, Value)]) { Width = "stretch" },
            ]),
            Text(InsightForm.LinkId, "Link (optional, https)", InsightForm.MaxLink, Value, placeholder: "https://"),
            new TextBlock("Audience") { Weight = "Bolder", Spacing = "Medium" },
            channels.Count == 0
                ? new TextBlock("FocusBot is not installed in a team yet, so insights go to staff in their personal chat.") { IsSubtle = true }
                : Choices(InsightForm.ChannelId, "Post in a team channel (optional)", TeamChannels.Choices(channels), Value, placeholder: "No channel"),
            new ToggleInput("Send to all staff in their personal chat with FocusBot")
            {
                Id = InsightForm.AllStaffId,
                ValueOn = "true",
                ValueOff = "false",
                Value = Value(InsightForm.AllStaffId) ?? (channels.Count == 0 ? "true" : "false"),
            },
            new TextBlock("Knowledge check (optional)") { Weight = "Bolder", Spacing = "Medium" },
            new TextBlock("A question about this insight joins the next weekly pulse; people see the right answer after they reply.")
            {
                IsSubtle = true,
                Spacing = "None",
            },
            Text(InsightForm.QuestionId, "Question", InsightForm.MaxQuestion, Value),
            .. Enumerable.Range(0, InsightForm.OptionCount).Select(i => Text(InsightForm.OptionId(i), $"Answer {i + 1}", InsightForm.MaxOption, Value)),
            Choices(InsightForm.CorrectId, "Correct answer", [.. Enumerable.Range(1, InsightForm.OptionCount).Select(i => new Choice($"Answer {i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))], Value),
        ]);

        return new AdaptiveCard
        {
            FallbackText = Title,
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback("Post insight", InsightCommand.PostVerb)],
        };
    }

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

    private static ChoiceSetInput Choices(string id, string label, IReadOnlyList<Choice> choices, Func<string, string?> value, bool required = false,
        string? placeholder = null) => new()
        {
            Id = id,
            Label = label,
            Choices = choices,
            Style = "compact",
            IsRequired = required ? true : null,
            ErrorMessage = required ? $"{label} is required." : null,
            Placeholder = placeholder,
            Value = value(id),
        };
}
