using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roles;

namespace FocusBot.Roles;

/// <summary>
/// The personal chats with FocusBot of the people granted a role in a tenant with the `roles` command (not those holding
/// it through configuration or a team): one read of the grants and one pass over the tenant's chats.
/// </summary>
public sealed class GrantedRoleChats(IRoleStore roles, IConversationStore conversations)
{
    /// <summary>One chat per person holding <paramref name="role"/>.</summary>
    public async Task<IReadOnlyList<ConversationRecord>> ListAsync(string tenantId, Role role, CancellationToken cancellationToken) =>
        [.. (await ListGrantsAsync(tenantId, role, cancellationToken)).Select(g => g.Chat).DistinctBy(c => c.ConversationId, StringComparer.Ordinal)];

    /// <summary>Each grant of <paramref name="role"/> whose holder has a chat, with that chat (a Manager: one per team managed).</summary>
    public async Task<IReadOnlyList<(RoleAssignment Grant, ConversationRecord Chat)>> ListGrantsAsync(string tenantId, Role role, CancellationToken cancellationToken)
    {
        var grants = (await roles.ListAsync(tenantId, cancellationToken)).Where(a => a.Role == role)
            .ToLookup(a => a.AadObjectId, StringComparer.OrdinalIgnoreCase);
        var found = new List<(RoleAssignment, ConversationRecord)>();
        if (grants.Count == 0)
            return found;
        await foreach (var chat in conversations.ListPersonalAsync(tenantId, cancellationToken))
        {
            if (chat.UserAadObjectId is { } aad)
                found.AddRange(grants[aad].Select(grant => (grant, chat)));
        }

        return found;
    }
}
