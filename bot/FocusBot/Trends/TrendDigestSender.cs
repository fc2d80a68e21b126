using FocusBot.Domain.Conversations;
using FocusBot.Domain.Trends;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;

namespace FocusBot.Trends;

/// <summary>
/// Puts a digest card in each reader's chat, each with a report link signed for that person and the report's group.
/// One chat Teams cannot take holds up no other; what Teams said about it is handed back for the notice.
/// </summary>
public sealed partial class TrendDigestSender(ConnectorClient connector, ReportUrls urls, ILogger<TrendDigestSender> logger)
{
    /// <summary>Under every digest: where it comes from and how to stop it.</summary>
    public const string Footnote = "You get this digest after each pulse. Type digest off in this chat to stop it.";

    /// <returns>How many chats got it, and why each of the others did not.</returns>
    public async Task<(int Sent, IReadOnlyList<string> Refusals)> SendAsync(string tenantId, TrendReport report, string heading,
        IReadOnlyList<ConversationRecord> chats, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(chats);
        var sent = 0;
        var refusals = new List<string>();
        foreach (var reader in chats)
        {
            var link = urls.LinkFor(tenantId, reader.UserAadObjectId!, reader.UserId, report.Focus.Slice, PeriodKind.Week, TrendSpans.DefaultWeeks);
            var card = TrendCard.Create(report, null, urls.Page(link), urls.Csv(link), heading, Footnote);
            try
            {
                await connector.SendToConversationAsync(new ConversationTarget(reader.ServiceUrl, tenantId, reader.ConversationId),
                    Activity.CreateCardMessage(card.ToJsonElement(), TrendDigest.Title) with { From = new ChannelAccount { Id = reader.BotId, Name = reader.BotName } },
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest could not be delivered ({Error})")]
    private static partial void LogSendFailed(ILogger logger, string error);
}
