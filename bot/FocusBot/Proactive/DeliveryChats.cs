using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Protocol.Connector;

namespace FocusBot.Proactive;

/// <summary>
/// The chat a delivered message went to, for what follows it there (a reminder, the card turned to "closed"): the row's
/// own conversation, or else the person's personal chat; null when FocusBot no longer has it.
/// </summary>
public sealed class DeliveryChats(IConversationStore conversations)
{
    public async Task<ConversationTarget?> FindAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var chat = delivery.ConversationId is { } id
            ? await conversations.GetAsync(delivery.TenantId, id, cancellationToken)
            : await conversations.GetPersonalForUserAsync(delivery.TenantId, delivery.UserId, cancellationToken);
        return chat is null ? null : new ConversationTarget(chat.ServiceUrl, chat.TenantId, chat.ConversationId);
    }
}
