using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roles;

namespace FocusBot.Roles;

/// <summary>
/// The personal chats with FocusBot of the people granted a role in a tenant with the `roles` command (not those holding
/// it through configuration or a team): one read of the grants and one pass over the tenant's chats.
/// </summary>
public sealed class GrantedRoleChats(IRoleStore roles, IConversationStore conversations)
{
    public async Task<IReadOnlyList<ConversationRecord>> ListAsync(string tenantId, Role role, CancellationToken cancellationToken)
    {
        var holders = (await roles.ListAsync(tenantId, cancellationToken)).Where(a => a.Role == role).Select(a => a.AadObjectId)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var chats = new List<ConversationRecord>();
        await foreach (var chat in conversations.ListPersonalAsync(tenantId, cancellationToken))
        {
            if (chat.UserAadObjectId is { } aad && holders.Contains(aad))
                chats.Add(chat);
        }

        return chats;
    }
}
