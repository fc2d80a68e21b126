using FocusBot.Cards;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Questions;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;

namespace FocusBot.Insights;

/// <summary>What happened when an insight was posted: sent at once (<see cref="Released"/>), or stored to go at its time.</summary>
public sealed record InsightPublished(Insight Insight, InsightReleased? Released, bool QuestionAdded);

/// <summary>
/// Stores a checked insight (and its knowledge-check question, inactive until the insight goes out) and, unless it is
/// scheduled for later, sends it at once. Every insight is stored as scheduled first, so one whose sending is cut short
/// is finished by <see cref="InsightScheduler"/>.
/// </summary>
public sealed partial class InsightPublisher(
    IInsightStore insights,
    IQuestionStore questions,
    InsightRelease release,
    ContentTenants tenants,
    TimeProvider timeProvider,
    ILogger<InsightPublisher> logger)
{
    /// <summary>Programme level 1 (Basic Customer Knowledge): remembering what was shared.</summary>
    public const int KnowledgeLevel = 1;

    public async Task<InsightPublished> PublishAsync(InsightDraft draft, string tenantId, ChannelAccount author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(author);
        var now = timeProvider.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("N");
        var questionId = draft.Question is null ? null : "k-insight-" + id;
        var insight = new Insight
        {
            Id = id,
            TenantId = tenantId,
            Title = draft.Title,
            Body = draft.Body,
            Source = draft.Source,
            KpiName = draft.KpiName,
            KpiValue = draft.KpiValue,
            KpiTrend = draft.KpiTrend,
            Link = draft.Link,
            AuthorAadObjectId = author.AadObjectId ?? author.Id ?? "unknown",
            AuthorName = CardText.Plain(author.Name, 80) is { Length: > 0 } name ? name : "A colleague",
            ChannelIds = [.. draft.Channels.Select(c => c.ConversationId)],
            TeamIds = draft.TeamIds,
            AllStaff = draft.AllStaff,
            QuestionId = questionId,
            CreatedAt = now,
            SendAt = draft.SendAt ?? now,
            TimeZone = draft.TimeZone,
            Status = InsightStatus.Scheduled,
        };

        // The question first: an insight pointing at a missing question would be worse than an unused question.
        if (questionId is not null)
            await questions.UpsertAsync(QuestionOf(insight, draft, questionId), cancellationToken);
        await tenants.AddAsync(tenantId, cancellationToken);
        await insights.CreateAsync(insight, cancellationToken);
        LogStored(logger, draft.SendAt is not null, questionId is not null);

        var released = draft.SendAt is null ? await release.ReleaseAsync(insight, cancellationToken) : null;
        return new InsightPublished(released?.Insight ?? insight, released, questionId is not null);
    }

    private static Question QuestionOf(Insight insight, InsightDraft draft, string questionId) => new()
    {
        Id = questionId,
        Text = draft.Question!,
        Dimension = QuestionDimension.Knowledge,
        Level = KnowledgeLevel,
        Kind = QuestionKind.Quiz,
        Options = draft.Options,
        CorrectOption = draft.CorrectOption,
        Explanation = CardText.Plain($"From the customer insight \"{insight.Title}\" shared by {insight.AuthorName}.", 300),
        Tags = ["insight"],
        Active = false,
        InsightId = insight.Id,
        CreatedAt = insight.CreatedAt,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Insight stored (scheduled for later: {Scheduled}, knowledge check: {WithQuestion})")]
    private static partial void LogStored(ILogger logger, bool scheduled, bool withQuestion);
}
