using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Questions;
using FocusBot.Proactive;

namespace FocusBot.Insights;

/// <summary>What an edit or recall changed: the insight as saved, and how many sent messages are being changed with it.</summary>
public sealed record InsightChanged(Insight Insight, int Messages);

/// <summary>
/// Changes an insight after it was written: its text edited (every sent message replaced with the new card), recalled
/// (every sent message deleted, its knowledge check retired) or, before its time, cancelled. Each change of sent
/// messages is a ledger of its own that the sender works through like any other, paced and retried; a change that is
/// repeated writes no row twice, and replacing or deleting a message again changes nothing more.
/// </summary>
public sealed partial class InsightChanges(
    IInsightStore insights,
    IDeliveryStore deliveries,
    IQuestionStore questions,
    FanOut fanOut,
    TimeProvider timeProvider,
    ILogger<InsightChanges> logger)
{
    /// <summary>
    /// How long after it went out an insight can be edited or recalled. Its messages are recent news till then, and
    /// <see cref="InsightContent"/> looks at a tenant's latest insights only.
    /// </summary>
    public static readonly TimeSpan ChangeableFor = TimeSpan.FromDays(14);

    /// <summary>Whether the insight's text can still be edited: while it waits, and for a while after it went out.</summary>
    public static bool MayEdit(Insight insight, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(insight);
        return insight.Status == InsightStatus.Scheduled || MayRecall(insight, now);
    }

    /// <summary>Whether the insight can be recalled: once it went out, for <see cref="ChangeableFor"/>.</summary>
    public static bool MayRecall(Insight insight, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(insight);
        return insight.Status == InsightStatus.Sent && now - insight.SendAt <= ChangeableFor;
    }

    /// <summary>Saves the new text; null when the insight can no longer be edited.</summary>
    public async Task<InsightChanged?> EditAsync(string insightId, InsightDraft text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var now = timeProvider.GetUtcNow();
        var edited = await insights.UpdateAsync(insightId, i => MayEdit(i, now)
            ? i with
            {
                Title = text.Title,
                Body = text.Body,
                Source = text.Source,
                KpiName = text.KpiName,
                KpiValue = text.KpiValue,
                KpiTrend = text.KpiTrend,
                Link = text.Link,
                Revision = i.Revision + 1,
                ChangedAt = now,
            }
            : null, cancellationToken);
        if (edited is null)
            return null;
        var messages = edited.Status == InsightStatus.Sent ? await QueueAsync(InsightLedgers.Edit(edited.Id, edited.Revision), edited, cancellationToken) : 0;
        LogChanged(logger, "edited", messages);
        return new InsightChanged(edited, messages);
    }

    /// <summary>Takes the insight back; null when it cannot be recalled (not sent, already recalled, or too long ago).</summary>
    public async Task<InsightChanged?> RecallAsync(string insightId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var recalled = await insights.UpdateAsync(insightId, i => MayRecall(i, now) ? i with { Status = InsightStatus.Recalled, ChangedAt = now } : null, cancellationToken);
        if (recalled is null)
            return null;
        if (recalled.QuestionId is { } questionId && await questions.GetAsync(questionId, cancellationToken) is { Active: true } question)
            await questions.UpsertAsync(question with { Active = false }, cancellationToken);
        var messages = await QueueAsync(InsightLedgers.Recall(recalled.Id), recalled, cancellationToken);
        LogChanged(logger, "recalled", messages);
        return new InsightChanged(recalled, messages);
    }

    /// <summary>Stops a scheduled insight from going out; null when it is no longer waiting.</summary>
    public async Task<Insight?> CancelAsync(string insightId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var cancelled = await insights.UpdateAsync(insightId, i => i.Status == InsightStatus.Scheduled ? i with { Status = InsightStatus.Cancelled, ChangedAt = now } : null,
            cancellationToken);
        if (cancelled is not null)
            LogChanged(logger, "cancelled", 0);
        return cancelled;
    }

    // Every message of the insight that went out, in personal chats and channels; one still on its way is added by
    // InsightContent once Teams has taken it.
    private async Task<int> QueueAsync(string ledgerId, Insight insight, CancellationToken cancellationToken)
    {
        var sent = new List<Delivery>();
        foreach (var ledger in (string[])[InsightLedgers.People(insight.Id), InsightLedgers.Channels(insight.Id)])
        {
            await foreach (var row in deliveries.ListAsync(ledger, DeliveryStatus.Sent, cancellationToken))
                sent.Add(row);
        }

        if (sent.Count > 0)
            await fanOut.EnqueueChangesAsync(ledgerId, sent, cancellationToken);
        return sent.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Insight {Change}: {Messages} sent message(s) to change")]
    private static partial void LogChanged(ILogger logger, string change, int messages);
}
