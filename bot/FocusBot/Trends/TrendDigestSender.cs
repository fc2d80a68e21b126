using FocusBot.Domain.Conversations;
using FocusBot.Domain.Trends;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;

namespace FocusBot.Trends;

/// <summary>
/// Puts the digest card in each HR person's chat, each with a report link signed for that person. One chat Teams cannot
/// take holds up no other; what Teams said about it is handed back for the notice.
/// </summary>
public sealed partial class TrendDigestSender(ConnectorClient connector, ReportUrls urls, ILogger<TrendDigestSender> logger)
{
    /// <returns>How many chats got it, and why each of the others did not.</returns>
    public async Task<(int Sent, IReadOnlyList<string> Refusals)> SendAsync(string tenantId, TrendReport report, TrendPeriod published,
        IReadOnlyList<ConversationRecord> chats, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(chats);
        var sent = 0;
        var refusals = new List<string>();
        foreach (var hr in chats)
        {
            var link = urls.LinkFor(tenantId, hr.UserAadObjectId!, hr.UserId, TrendSlices.Org, PeriodKind.Week, TrendSpans.DefaultWeeks);
            var card = TrendCard.Create(report, null, urls.Page(link), urls.Csv(link), $"{TrendDigest.Title}: {published.Label}");
            try
            {
                await connector.SendToConversationAsync(new ConversationTarget(hr.ServiceUrl, tenantId, hr.ConversationId),
                    Activity.CreateCardMessage(card.ToJsonElement(), TrendDigest.Title) with { From = new ChannelAccount { Id = hr.BotId, Name = hr.BotName } },
                    cancellationToken);
                sent++;
            }
            catch (Exception ex) when (ConnectorFailure.IsFailedCall(ex))
            {
                var why = ConnectorFailure.Describe(ex);
                LogSendFailed(logger, why);
                refusals.Add(why);
            }
        }

        return (sent, refusals);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "HR digest could not be delivered ({Error})")]
    private static partial void LogSendFailed(ILogger logger, string error);
}
