using System.Globalization;
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

    /// <summary>The team channels it is posted in.</summary>
    public IReadOnlyList<ConversationRecord> Channels { get; init; } = [];

    /// <summary>The teams (Teams team ids) whose members get it in their personal chat.</summary>
    public IReadOnlyList<string> TeamIds { get; init; } = [];

    public bool AllStaff { get; init; }

    /// <summary>When it goes out; null for now.</summary>
    public DateTimeOffset? SendAt { get; init; }

    /// <summary>The zone the author chose <see cref="SendAt"/> in.</summary>
    public string? TimeZone { get; init; }

    public string? Question { get; init; }

    public IReadOnlyList<string> Options { get; init; } = [];

    public int? CorrectOption { get; init; }
}

/// <summary>The insight form's fields, limits and checks: what it says, who gets it, when, and its knowledge check.</summary>
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
    public const string TeamsId = "teams";
    public const string AllStaffId = "allStaff";
    public const string SendDateId = "sendDate";
    public const string SendTimeId = "sendTime";
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

    /// <summary>How far ahead an insight can be scheduled: a year covers a quarterly or annual message.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(366);

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

    /// <param name="channels">The team channels FocusBot is installed in: the only ones it can post in, and whose teams it can reach.</param>
    /// <param name="zone">The author's time zone, which the date and time are read in.</param>
    public static InsightDraft? Read(JsonElement data, IReadOnlyList<ConversationRecord> channels, TimeZoneInfo zone, DateTimeOffset now,
        out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var form = new FormValues(data);
        var text = ReadText(form);

        var chosenChannels = ReadChannels(form, channels);
        var teamIds = ReadTeams(form, channels);
        var allStaff = form.Flag(AllStaffId);
        if (!allStaff && Values(form, ChannelId).Count == 0 && Values(form, TeamsId).Count == 0)
            form.Problem("Choose who should see it: everyone, chosen teams, team channels, or a mix.");
        var sendAt = ReadSendAt(form, zone, now);

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
        return text! with
        {
            Channels = chosenChannels,
            TeamIds = teamIds,
            AllStaff = allStaff,
            SendAt = sendAt,
            TimeZone = sendAt is null ? null : InsightTimes.NameOf(zone),
            Question = question,
            Options = options,
            CorrectOption = correct,
        };
    }

    /// <summary>The edit form: what the insight says, checked as when it was written.</summary>
    public static InsightDraft? ReadEdit(JsonElement data, out IReadOnlyList<string> problems)
    {
        var form = new FormValues(data);
        var text = ReadText(form);
        problems = form.Problems;
        return form.IsValid ? text : null;
    }

    /// <summary>Only absolute https links: no javascript:, data: or relative tricks behind an "Open link" button.</summary>
    public static bool IsSafeLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host)
        && !link.Any(char.IsWhiteSpace);

    /// <summary>A stored source ("KPI: November account reviews") as the form's choice and detail, to edit it.</summary>
    public static (string Choice, string? Detail) SplitSource(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        foreach (var choice in Sources)
        {
            if (source == choice.Title)
                return (choice.Value, null);
            if (source.StartsWith(choice.Title + ": ", StringComparison.Ordinal))
                return (choice.Value, source[(choice.Title.Length + 2)..]);
        }

        return ("other", CardText.Plain(source, MaxSourceDetail));
    }

    // Title, text, source, KPI and link: the fields both the new and the edit form have. Null when one is missing.
    private static InsightDraft? ReadText(FormValues form)
    {
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
        if (title is null || body is null || source is null)
            return null;
        var sourceTitle = Sources.First(s => s.Value == source).Title;
        return new InsightDraft
        {
            Title = title,
            Body = body,
            Source = detail is null ? sourceTitle : $"{sourceTitle}: {detail}",
            KpiName = kpiName,
            KpiValue = kpiValue,
            KpiTrend = kpiTrend,
            Link = link,
        };
    }

    private static IReadOnlyList<string> Values(FormValues form, string id) => form.Values(id);

    private static List<ConversationRecord> ReadChannels(FormValues form, IReadOnlyList<ConversationRecord> channels)
    {
        var chosen = new List<ConversationRecord>();
        foreach (var value in Values(form, ChannelId))
        {
            if (channels.FirstOrDefault(c => c.ConversationId == value) is { } channel)
                chosen.Add(channel);
            else
                form.Problem("FocusBot is not installed in that team channel (any more). Choose channels from the list, or send to teams or everyone instead.");
        }

        return chosen;
    }

    private static List<string> ReadTeams(FormValues form, IReadOnlyList<ConversationRecord> channels)
    {
        var chosen = new List<string>();
        foreach (var value in Values(form, TeamsId))
        {
            if (channels.Any(c => c.TeamId == value))
                chosen.Add(value);
            else
                form.Problem("FocusBot is not installed in that team (any more), so it cannot reach its members. Choose teams from the list, or send to everyone.");
        }

        return chosen;
    }

    private static DateTimeOffset? ReadSendAt(FormValues form, TimeZoneInfo zone, DateTimeOffset now)
    {
        var dateRaw = CardText.Clean(form.Raw(SendDateId));
        var timeRaw = CardText.Clean(form.Raw(SendTimeId));
        if (dateRaw.Length == 0 && timeRaw.Length == 0)
            return null;
        if (dateRaw.Length == 0 || timeRaw.Length == 0)
        {
            form.Problem("To send it later, give both the date and the time; leave both empty to send it now.");
            return null;
        }

        var dateOk = DateOnly.TryParseExact(dateRaw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        var timeOk = TimeOnly.TryParseExact(timeRaw, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time);
        if (!dateOk)
            form.Problem("Send date: please pick a date from the calendar (for example 2027-01-31).");
        if (!timeOk)
            form.Problem("Send time: please pick a time of day (for example 09:00).");
        if (!dateOk || !timeOk)
            return null;

        var local = date.ToDateTime(time);
        if (zone.IsInvalidTime(local))
        {
            form.Problem($"{local:HH:mm} on {local:d MMMM} does not happen in {InsightTimes.NameOf(zone)}: the clocks go forward then. Choose another time.");
            return null;
        }

        var sendAt = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
        if (sendAt <= now)
        {
            form.Problem($"That time has passed: it is {InsightTimes.Show(now, zone)} now. Choose a later time, or leave the date and time empty to send it now.");
            return null;
        }

        if (sendAt > now + MaxAhead)
        {
            form.Problem("Insights can be scheduled up to a year ahead: choose an earlier date.");
            return null;
        }

        return sendAt;
    }
}
