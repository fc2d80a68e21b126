using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Domain.Conversations;

namespace FocusBot.Insights;

/// <summary>What an insight form holds once read and checked. Nothing is stored until every check passes.</summary>
public sealed record InsightDraft
{
    public required string Title { get; init; }

    public required string Body { get; init; }

    public required string Source { get; init; }

    public string? KpiName { get; init; }

    public string? KpiValue { get; init; }

    public string? KpiTrend { get; init; }

    public string? Link { get; init; }

    public ConversationRecord? Channel { get; init; }

    public bool AllStaff { get; init; }

    public string? Question { get; init; }

    public IReadOnlyList<string> Options { get; init; } = [];

    public int? CorrectOption { get; init; }
}

/// <summary>The insight form's fields, limits and checks.</summary>
public static class InsightForm
{
    public const string TitleId = "title";
    public const string BodyId = "body";
    public const string SourceId = "source";
    public const string SourceDetailId = "sourceDetail";
    public const string KpiNameId = "kpiName";
    public const string KpiValueId = "kpiValue";
    public const string KpiTrendId = "kpiTrend";
    public const string LinkId = "link";
    public const string ChannelId = "channel";
    public const string AllStaffId = "allStaff";
    public const string QuestionId = "question";
    public const string CorrectId = "correctOption";
    public const int OptionCount = 4;

    public const int MaxTitle = 100;
    public const int MaxBody = 1000;
    public const int MaxSourceDetail = 80;
    public const int MaxKpiName = 60;
    public const int MaxKpiValue = 30;
    public const int MaxLink = 500;
    public const int MaxQuestion = 200;
    public const int MaxOption = 100;

    /// <summary>Where the information comes from: value sent by the form, and how people read it.</summary>
    public static readonly IReadOnlyList<Choice> Sources =
    [
        new("Customer quote", "quote"),
        new("Complaint trend", "complaints"),
        new("KPI", "kpi"),
        new("Customer visit", "visit"),
        new("Other", "other"),
    ];

    public static readonly IReadOnlyList<Choice> Trends =
    [
        new("Improving", "Improving"),
        new("Stable", "Stable"),
        new("Worsening", "Worsening"),
    ];

    public static string OptionId(int index) => $"option{index + 1}";

    public static InsightDraft? Read(JsonElement data, IReadOnlyList<ConversationRecord> channels, out IReadOnlyList<string> problems)
    {
        var form = new FormValues(data);
        var title = form.Required(TitleId, "Title", MaxTitle);
        var body = form.Required(BodyId, "What the customer said or what the data shows", MaxBody);
        var source = form.Choice(SourceId, "Source", [.. Sources.Select(s => s.Value)], required: true);
        var detail = form.Optional(SourceDetailId, "Source detail", MaxSourceDetail);
        var kpiName = form.Optional(KpiNameId, "KPI name", MaxKpiName);
        var kpiValue = form.Optional(KpiValueId, "KPI value", MaxKpiValue);
        var kpiTrend = form.Choice(KpiTrendId, "KPI trend", [.. Trends.Select(t => t.Value)], required: false);
        if ((kpiName is null) != (kpiValue is null) || (kpiTrend is not null && kpiName is null))
            form.Problem("A KPI needs both its name and its value.");
        else if (source == "kpi" && kpiName is null)
            form.Problem("The source is a KPI: give the KPI's name and value.");

        var link = form.Optional(LinkId, "Link", MaxLink);
        if (link is not null && !IsSafeLink(link))
            form.Problem("The link must be a full https:// address, for example https://contoso.sharepoint.com/report.");

        var channel = ReadChannel(form, channels);
        var allStaff = form.Flag(AllStaffId);
        if (channel is null && !allStaff && form.Raw(ChannelId) is not { Length: > 0 })
            form.Problem("Choose who should see it: a team channel, all staff, or both.");

        var question = form.Optional(QuestionId, "Knowledge-check question", MaxQuestion);
        var options = new List<string>();
        var optionPositions = new List<int>();
        for (var i = 0; i < OptionCount; i++)
        {
            if (form.Optional(OptionId(i), $"Answer {i + 1}", MaxOption) is { } option)
            {
                options.Add(option);
                optionPositions.Add(i);
            }
        }

        int? correct = null;
        var correctRaw = form.Raw(CorrectId);
        if (question is null && (options.Count > 0 || !string.IsNullOrEmpty(correctRaw)))
        {
            form.Problem("The knowledge check has answers but no question: add the question, or clear the answers.");
        }
        else if (question is not null)
        {
            if (options.Count < 2)
                form.Problem("The knowledge check needs at least two answers.");
            if (options.Distinct(StringComparer.CurrentCultureIgnoreCase).Count() != options.Count)
                form.Problem("The knowledge check's answers must differ from each other.");
            if (!int.TryParse(correctRaw, out var position) || position < 1 || position > OptionCount)
                form.Problem("Choose which answer is correct.");
            else if (!optionPositions.Contains(position - 1))
                form.Problem($"The correct answer is Answer {position}, which is empty.");
            else
                correct = optionPositions.IndexOf(position - 1);
        }

        problems = form.Problems;
        if (!form.IsValid)
            return null;
        var sourceTitle = Sources.First(s => s.Value == source).Title;
        return new InsightDraft
        {
            Title = title!,
            Body = body!,
            Source = detail is null ? sourceTitle : $"{sourceTitle}: {detail}",
            KpiName = kpiName,
            KpiValue = kpiValue,
            KpiTrend = kpiTrend,
            Link = link,
            Channel = channel,
            AllStaff = allStaff,
            Question = question,
            Options = options,
            CorrectOption = correct,
        };
    }

    /// <summary>Only absolute https links: no javascript:, data: or relative tricks behind an "Open link" button.</summary>
    public static bool IsSafeLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host)
        && !link.Any(char.IsWhiteSpace);

    private static ConversationRecord? ReadChannel(FormValues form, IReadOnlyList<ConversationRecord> channels)
    {
        var value = CardText.Clean(form.Raw(ChannelId));
        if (value.Length == 0)
            return null;
        var channel = channels.FirstOrDefault(c => c.ConversationId == value);
        if (channel is null)
            form.Problem("FocusBot is not installed in that team channel (any more). Choose one from the list, or send to all staff only.");
        return channel;
    }
}
