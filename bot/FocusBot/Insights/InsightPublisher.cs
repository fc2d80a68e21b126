using FocusBot.Cards;
using FocusBot.Conversations;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Questions;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;

namespace FocusBot.Insights;

/// <summary>What happened when an insight was published.</summary>
public sealed record InsightPublished(Insight Insight, string? ChannelTitle, bool ChannelPosted, int StaffQueued, bool QuestionAdded);

/// <summary>
/// Publishes a checked insight: stores it (and its knowledge-check question), posts it to the chosen channel, and queues
/// it for all staff through the delivery ledger, which sends within Teams' rate limits.
/// </summary>
public sealed partial class InsightPublisher(
    IInsightStore insights,
    IQuestionStore questions,
    FanOut fanOut,
    ContentTenants tenants,
    TimeProvider timeProvider,
    ILogger<InsightPublisher> logger)
{
    /// <summary>Programme level 1 (Basic Customer Knowledge): remembering what was shared.</summary>
    public const int KnowledgeLevel = 1;

    public async Task<InsightPublished> PublishAsync(InsightDraft draft, string tenantId, ChannelAccount author, ConnectorClient connector,
        CancellationToken cancellationToken)
    {
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
            AudienceTeamId = draft.Channel?.TeamId,
            AudienceChannelId = draft.Channel?.ConversationId,
            AllStaff = draft.AllStaff,
            QuestionId = questionId,
            CreatedAt = now,
        };

        // The question first: an insight pointing at a missing question would be worse than an unused question.
        if (questionId is not null)
            await questions.UpsertAsync(QuestionOf(insight, draft, questionId), cancellationToken);
        await insights.CreateAsync(insight, cancellationToken);
        await tenants.AddAsync(tenantId, cancellationToken);

        var posted = false;
        if (draft.Channel is { } channel)
        {
            try
            {
                var card = Activity.CreateCardMessage(InsightCard.Create(insight).ToJsonElement(), InsightCard.Summary(insight)) with
                {
                    From = new ChannelAccount { Id = channel.BotId, Name = channel.BotName },
                    Conversation = new ConversationAccount { Id = channel.ConversationId },
                };
                await connector.SendToConversationAsync(new ConversationTarget(channel.ServiceUrl, tenantId, channel.ConversationId), card, cancellationToken);
                posted = true;
            }
            catch (Exception ex) when (ConnectorFailure.IsFailedCall(ex))
            {
                // The insight is stored and staff still get it; the confirmation says the channel post failed.
                LogChannelFailed(logger, ex.GetType().Name);
            }
        }

        var queued = 0;
        if (draft.AllStaff)
        {
            var staff = await fanOut.ListStaffAsync(tenantId, cancellationToken);
            queued = await fanOut.EnqueueAsync(InsightContent.LedgerOf(id), staff, now, cancellationToken);
        }

        LogPublished(logger, posted, queued, questionId is not null);
        return new InsightPublished(insight, draft.Channel is null ? null : TeamChannels.TitleOf(draft.Channel), posted, queued, questionId is not null);
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
        Active = true,
        InsightId = insight.Id,
        CreatedAt = insight.CreatedAt,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Insight published: channel {ChannelPosted}, {Queued} staff queued, knowledge check {WithQuestion}")]
    private static partial void LogPublished(ILogger logger, bool channelPosted, int queued, bool withQuestion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting an insight to its channel failed ({Error})")]
    private static partial void LogChannelFailed(ILogger logger, string error);
}
