namespace FocusBot.Domain.Insights;

/// <summary>Customer information shared with staff: a finding, a KPI and its trend, a complaint theme.</summary>
public sealed record Insight
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    /// <summary>Where the information comes from, e.g. "Q3 complaints review".</summary>
    public required string Source { get; init; }

    public string? KpiName { get; init; }

    public string? KpiValue { get; init; }

    public string? KpiTrend { get; init; }

    public string? Link { get; init; }

    public required string AuthorAadObjectId { get; init; }

    public required string AuthorName { get; init; }

    /// <summary>The team channels it is posted in (their conversation ids).</summary>
    public IReadOnlyList<string> ChannelIds { get; init; } = [];

    /// <summary>The teams whose members get it in their personal chat (Teams team ids).</summary>
    public IReadOnlyList<string> TeamIds { get; init; } = [];

    /// <summary>Everyone FocusBot can reach gets it in their personal chat.</summary>
    public bool AllStaff { get; init; }

    /// <summary>The quiz question that practises this insight, if any.</summary>
    public string? QuestionId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it goes (or went) out: <see cref="CreatedAt"/> when sent at once. Lists are ordered by it.</summary>
    public required DateTimeOffset SendAt { get; init; }

    /// <summary>The author's IANA time zone when they chose <see cref="SendAt"/>, to show the time back in it; null when sent at once.</summary>
    public string? TimeZone { get; init; }

    public InsightStatus Status { get; init; } = InsightStatus.Sent;

    /// <summary>1 as written; each edit adds one, and each edit of a sent insight updates every message of it.</summary>
    public int Revision { get; init; } = 1;

    /// <summary>When it was last edited, cancelled or recalled; null until then.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>How many people pressed "Got it"; counted by the store, ignored on create.</summary>
    public int GotItCount { get; init; }
}
