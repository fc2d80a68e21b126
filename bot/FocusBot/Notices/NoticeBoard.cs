using FocusBot.Domain.Notices;
using FocusBot.Domain.Storage;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;

namespace FocusBot.Notices;

/// <summary>
/// Records a failure as a notice and tells the tenant's Admins and HR people in their personal chat, once per kind per
/// day. Never throws into the caller: a notice is told about a failure, and must not become one (a digest that could
/// not be recorded as undelivered must still be marked sent).
/// </summary>
public sealed partial class NoticeBoard(INoticeStore notices, NoticeRecipients recipients, ConnectorClient connector, TimeProvider timeProvider,
    ILogger<NoticeBoard> logger)
{
    /// <param name="tenantId">The tenant concerned, or <see cref="Notice.AllTenants"/> to tell every tenant's Admins and HR.</param>
    /// <param name="occurrence">Names the occurrence, so recording it again (a check that runs every minute) changes nothing.</param>
    /// <param name="text">Shown as it is: counts, weeks and times only, never a name, an id of a person or an answer.</param>
    public async Task RecordAsync(string tenantId, NoticeKind kind, string occurrence, string text, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var notice = new Notice { Id = $"{kind}:{occurrence}", TenantId = tenantId, Kind = kind, Text = text, At = now };
        try
        {
            if (!await notices.AddAsync(notice, cancellationToken))
                return;
            LogRecorded(logger, kind);
            if (!await notices.TryMarkAnnouncedAsync(tenantId, kind, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken))
                return;
            var told = 0;
            foreach (var chat in await recipients.ListAsync(tenantId == Notice.AllTenants ? null : tenantId, cancellationToken))
            {
                try
                {
                    var message = Activity.CreateCardMessage(NoticeCard.Create(notice).ToJsonElement(), NoticeCard.Title)
                        with
                    { From = new ChannelAccount { Id = chat.BotId, Name = chat.BotName } };
                    await connector.SendToConversationAsync(new ConversationTarget(chat.ServiceUrl, chat.TenantId, chat.ConversationId), message, cancellationToken);
                    told++;
                }
                catch (Exception ex) when (ConnectorFailure.IsFailedCall(ex))
                {
                    LogTellFailed(logger, kind, (ex as ConnectorException)?.StatusCode is { } status ? (int)status : null);
                }
            }

            LogTold(logger, kind, told);
        }
        catch (StorageUnavailableException)
        {
            LogNotRecorded(logger, kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice recorded: {Kind}")]
    private static partial void LogRecorded(ILogger logger, NoticeKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {Kind} told to {Count} Admin or HR person(s)")]
    private static partial void LogTold(ILogger logger, NoticeKind kind, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notice {Kind} could not be told to one Admin or HR person (Teams {Status})")]
    private static partial void LogTellFailed(ILogger logger, NoticeKind kind, int? status);

    [LoggerMessage(Level = LogLevel.Error, Message = "A notice {Kind} could not be recorded: the store is unavailable")]
    private static partial void LogNotRecorded(ILogger logger, NoticeKind kind);
}
