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

    public string? AudienceTeamId { get; init; }

    public string? AudienceChannelId { get; init; }

    public bool AllStaff { get; init; }

    /// <summary>The quiz question that practises this insight, if any.</summary>
    public string? QuestionId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>How many people pressed "Got it"; counted by the store, ignored on create.</summary>
    public int GotItCount { get; init; }
}
