using System.Text.Json.Nodes;
using FocusBot.Insights;
using FocusBot.Tests.Support;

namespace FocusBot.Tests.Insights;

/// <summary>Insight form submissions as Teams sends them: the card's inputs by id, as strings.</summary>
public static class InsightForms
{
    public static JsonObject Valid(string? channel = BotScenario.CustomerWinsChannel, bool allStaff = true) => new()
    {
        [InsightForm.TitleId] = "Callbacks take too long",
        [InsightForm.BodyId] = "Three of our top ten customers told us this month that waiting two days for a callback made them look elsewhere.",
        [InsightForm.SourceId] = "kpi",
        [InsightForm.SourceDetailId] = "November account reviews",
        [InsightForm.KpiNameId] = "Callback within 24 h",
        [InsightForm.KpiValueId] = "61%",
        [InsightForm.KpiTrendId] = "Worsening",
        [InsightForm.LinkId] = "https://contoso.sharepoint.com/sites/cx/callbacks",
        [InsightForm.ChannelId] = channel ?? string.Empty,
        [InsightForm.AllStaffId] = allStaff ? "true" : "false",
    };

    public static JsonObject WithQuestion(JsonObject form)
    {
        form[InsightForm.QuestionId] = "What share of callbacks happen within 24 hours?";
        form[InsightForm.OptionId(0)] = "Nine in ten";
        form[InsightForm.OptionId(1)] = "About six in ten";
        form[InsightForm.OptionId(2)] = "One in ten";
        form[InsightForm.CorrectId] = "2";
        return form;
    }

    public static JsonObject With(JsonObject form, string id, string value)
    {
        form[id] = value;
        return form;
    }

    public static JsonObject Without(JsonObject form, string id)
    {
        form.Remove(id);
        return form;
    }
}
