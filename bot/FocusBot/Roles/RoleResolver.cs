using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using Microsoft.Extensions.Options;

namespace FocusBot.Roles;

/// <summary>
/// Decides which roles a person holds: Admins from configuration, grants made with the `roles` command, and membership
/// of a team configured to confer a role. Everyone is Staff, which needs no grant.
/// </summary>
public sealed class RoleResolver(IOptionsMonitor<RolesOptions> options, IRoleStore roles, IRosterStore roster, IConversationStore conversations)
{
    public async Task<IReadOnlySet<Role>> GetRolesAsync(string tenantId, string? aadObjectId, string? userId, CancellationToken cancellationToken)
    {
        var held = new HashSet<Role>();
        if (string.IsNullOrEmpty(aadObjectId))
            return held;
        var settings = options.CurrentValue;
        if (settings.Admins.Contains(aadObjectId))
            held.Add(Role.Admin);
        held.UnionWith(await roles.GetRolesAsync(tenantId, aadObjectId, cancellationToken));

        if (settings.RoleTeams.Count > 0 && !string.IsNullOrEmpty(userId))
        {
            var teamNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var memberOf = (await roster.ListTeamsForUserAsync(tenantId, userId, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            await foreach (var team in conversations.ListTeamsAsync(cancellationToken))
            {
                if (team.TenantId == tenantId && team.TeamId is { } teamId && memberOf.Contains(teamId) && team.TeamName is { } name)
                    teamNames.Add(name);
            }

            foreach (var (role, teamName) in settings.RoleTeams)
            {
                if (teamNames.Contains(teamName))
                    held.Add(role);
            }
        }

        return held;
    }
}
