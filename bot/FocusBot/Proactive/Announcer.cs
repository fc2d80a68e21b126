using FocusBot.Domain.Conversations;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;

namespace FocusBot.Proactive;

/// <summary>
/// Puts an announcement's card (an action, an insight) in front of people: a post in a team channel, and one ledger row
/// per person for their personal chat, which the sender works through within Teams' rate limits.
/// </summary>
public sealed partial class Announcer(FanOut fanOut, TimeProvider timeProvider, ILogger<Announcer> logger)
{
    /// <summary>
    /// Posts the message in the channel now; returns the posted message's id, or null when Teams did not take it. The
    /// failure is logged and not thrown: the announcement is stored and still reaches personal chats.
    /// </summary>
    public async Task<string?> PostAsync(ConversationRecord channel, Activity message, ConnectorClient connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(connector);
        try
        {
            var post = message with
            {
                From = new ChannelAccount { Id = channel.BotId, Name = channel.BotName },
                Conversation = new ConversationAccount { Id = channel.ConversationId },
            };
            var sent = await connector.SendToConversationAsync(new ConversationTarget(channel.ServiceUrl, channel.TenantId, channel.ConversationId), post, cancellationToken);
            return sent.Id ?? string.Empty;
        }
        catch (Exception ex) when (ConnectorFailure.IsFailedCall(ex))
        {
            LogChannelFailed(logger, ex.GetType().Name);
            return null;
        }
    }

    /// <summary>Queues the ledger for everyone FocusBot can reach in the tenant; returns how many were new.</summary>
    public async Task<int> QueueForStaffAsync(string ledgerId, string tenantId, CancellationToken cancellationToken) =>
        await QueueAsync(ledgerId, await fanOut.ListStaffAsync(tenantId, cancellationToken), cancellationToken);

    /// <summary>Queues the ledger for <paramref name="recipients"/>, to go now; returns how many were new.</summary>
    public Task<int> QueueAsync(string ledgerId, IReadOnlyList<Recipient> recipients, CancellationToken cancellationToken) =>
        fanOut.EnqueueAsync(ledgerId, recipients, timeProvider.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Queues the ledger for posts in <paramref name="channels"/>, rows addressed to each channel itself, that the sender
    /// takes from <paramref name="sendAfter"/>; until then they are left to whoever posts them at once.
    /// </summary>
    public Task<int> QueueChannelsAsync(string ledgerId, IReadOnlyList<ConversationRecord> channels, DateTimeOffset sendAfter, CancellationToken cancellationToken) =>
        fanOut.EnqueueAsync(ledgerId, [.. channels.Select(c => new Recipient(c.TenantId, c.ConversationId, null, c.ServiceUrl, c.ConversationId, null))], sendAfter,
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting an announcement in its channel failed ({Error})")]
    private static partial void LogChannelFailed(ILogger logger, string error);
}
