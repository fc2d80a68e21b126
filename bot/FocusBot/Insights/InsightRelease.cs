using FocusBot.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Questions;
using FocusBot.Proactive;

namespace FocusBot.Insights;

/// <summary>How a channel post of an insight stands: posted, still to go, or refused.</summary>
public sealed record InsightChannelPost(string Title, DeliveryStatus Status);

/// <summary>What happened when an insight went out.</summary>
/// <param name="People">How many people it is going to, in their personal chat.</param>
/// <param name="ChannelsGone">Chosen channels FocusBot is no longer in, so nothing was posted there.</param>
public sealed record InsightReleased(Insight Insight, IReadOnlyList<InsightChannelPost> Channels, int People, int ChannelsGone);

/// <summary>
/// Sends an insight whose time has come, at once or when its scheduled time comes: one ledger row per channel and per
/// person, then the insight marked sent, which opens its ledgers to the sender. Running it again (a crash, two instances)
/// adds no row and sends nothing twice: the rows exist, and only one change from scheduled to sent is saved.
/// </summary>
public sealed partial class InsightRelease(
    IInsightStore insights,
    IQuestionStore questions,
    IDeliveryStore deliveries,
    TeamChannels teamChannels,
    Announcer announcer,
    FanOut fanOut,
    DeliverySender sender,
    InsightContent content,
    TimeProvider timeProvider,
    ILogger<InsightRelease> logger)
{
    /// <summary>
    /// The channel posts are this release's to make, at once, so whoever sent the insight hears how they went; the sender
    /// takes over any still unposted this much later (this release was cut short).
    /// </summary>
    public static readonly TimeSpan PostHandover = TimeSpan.FromSeconds(30);

    /// <summary>Sends the insight; null when it is no longer waiting (sent by another instance meanwhile, or cancelled).</summary>
    public async Task<InsightReleased?> ReleaseAsync(Insight insight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insight);
        // Rows first: they stay unsent until the insight is marked sent, and written again they add nothing.
        var channels = (await teamChannels.ListAsync(insight.TenantId, cancellationToken)).Where(c => insight.ChannelIds.Contains(c.ConversationId)).ToList();
        await announcer.QueueChannelsAsync(InsightLedgers.Channels(insight.Id), channels, timeProvider.GetUtcNow() + PostHandover, cancellationToken);
        var people = insight.AllStaff
            ? await fanOut.ListStaffAsync(insight.TenantId, cancellationToken)
            : insight.TeamIds.Count > 0 ? await fanOut.ListTeamMembersAsync(insight.TenantId, insight.TeamIds, cancellationToken) : [];
        await announcer.QueueAsync(InsightLedgers.People(insight.Id), people, cancellationToken);
        // The knowledge check joins the pulse once people have had the insight, not while it waits.
        if (insight.QuestionId is { } questionId && await questions.GetAsync(questionId, cancellationToken) is { Active: false } question)
            await questions.UpsertAsync(question with { Active = true }, cancellationToken);

        var sent = await insights.UpdateAsync(insight.Id, i => i.Status == InsightStatus.Scheduled ? i with { Status = InsightStatus.Sent } : null, cancellationToken);
        if (sent is null)
            return null;

        // The channel posts now (the sender leaves them alone for PostHandover); a row another sender took over is reported as it stands.
        var posts = new List<InsightChannelPost>();
        foreach (var channel in channels)
        {
            var row = await deliveries.GetAsync(InsightLedgers.Channels(sent.Id), RecipientKeys.For(sent.TenantId, channel.ConversationId), cancellationToken);
            var status = row is { Status: DeliveryStatus.Pending } ? await sender.SendAsync(row, content, () => true, cancellationToken) : row?.Status ?? DeliveryStatus.Pending;
            posts.Add(new InsightChannelPost(TeamChannels.TitleOf(channel), status));
        }

        fanOut.Wake();
        var posted = posts.Count(p => p.Status == DeliveryStatus.Sent);
        LogReleased(logger, posted, posts.Count, people.Count);
        return new InsightReleased(sent, posts, people.Count, sent.ChannelIds.Count - channels.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Insight sent: posted in {Posted} of {Channels} channels, {People} people queued")]
    private static partial void LogReleased(ILogger logger, int posted, int channels, int people);
}
