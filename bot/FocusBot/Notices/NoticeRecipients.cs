using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using FocusBot.Roles;
using Microsoft.Extensions.Options;

namespace FocusBot.Notices;

/// <summary>
/// The personal chats of the people told about notices: Admins (from configuration, granted, or by team) and HR people.
/// One pass over the tenant's personal chats, with the role lists read once, rather than a role lookup per person.
/// </summary>
public sealed class NoticeRecipients(IConversationStore conversations, IRoleStore roles, IRosterStore roster, IOptionsMonitor<RolesOptions> options)
{
    private static readonly Role[] s_told = [Role.Admin, Role.HR];

    /// <summary>Their chats in the tenant, or in every tenant when <paramref name="tenantId"/> is null.</summary>
    public async Task<IReadOnlyList<ConversationRecord>> ListAsync(string? tenantId, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var configuredAdmins = settings.Admins;
        var byTenant = new Dictionary<string, (HashSet<string> ObjectIds, HashSet<string> UserIds)>(StringComparer.Ordinal);
        var chats = new List<ConversationRecord>();
        await foreach (var chat in conversations.ListPersonalAsync(tenantId, cancellationToken))
        {
            if (!byTenant.TryGetValue(chat.TenantId, out var holders))
            {
                holders = await HoldersAsync(chat.TenantId, settings, cancellationToken);
                byTenant[chat.TenantId] = holders;
            }

            var told = chat.UserAadObjectId is { } aad && (configuredAdmins.Contains(aad) || holders.ObjectIds.Contains(aad))
                || chat.UserId is { } userId && holders.UserIds.Contains(userId);
            if (told)
                chats.Add(chat);
        }

        return chats;
    }

    private async Task<(HashSet<string> ObjectIds, HashSet<string> UserIds)> HoldersAsync(string tenantId, RolesOptions settings, CancellationToken cancellationToken)
    {
        var objectIds = (await roles.ListAsync(tenantId, cancellationToken)).Where(a => s_told.Contains(a.Role)).Select(a => a.AadObjectId)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var userIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (role, teamId) in settings.RoleTeams)
        {
            if (!s_told.Contains(role))
                continue;
            await foreach (var member in roster.ListTeamMembersAsync(tenantId, teamId.Trim(), cancellationToken))
                userIds.Add(member.UserId);
        }

        return (objectIds, userIds);
    }
}
