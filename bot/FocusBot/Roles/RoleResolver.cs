using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using Microsoft.Extensions.Options;

namespace FocusBot.Roles;

/// <summary>
/// Decides which roles a person holds: Admins from configuration, grants made with the `roles` command, and membership
/// of a team configured to confer a role. Everyone is Staff, which needs no grant. A Manager holds the role through
/// grants only, one per team managed (<see cref="ManagedTeamsAsync"/>).
/// </summary>
public sealed class RoleResolver(IOptionsMonitor<RolesOptions> options, IRoleStore roles, IRosterStore roster)
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
            // By team id only, as Teams reports it in the roster: a team's name is chosen by whoever created the team.
            var memberOf = (await roster.ListTeamsForUserAsync(tenantId, userId, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var (role, teamId) in settings.RoleTeams)
            {
                if (memberOf.Contains(teamId.Trim()))
                    held.Add(role);
            }
        }

        return held;
    }

    /// <summary>
    /// Whether these roles read the organisation's figures and every team's (HR and Executives); a Manager reads only the
    /// teams they manage. The one rule the trends command, the report link and the results card's report link follow.
    /// </summary>
    public static bool ReadsEveryTeam(IReadOnlySet<Role> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        return held.Contains(Role.HR) || held.Contains(Role.Executive);
    }

    /// <summary>The Teams team ids the person was granted the Manager role for (none for someone who manages no team).</summary>
    public async Task<IReadOnlySet<string>> ManagedTeamsAsync(string tenantId, string? aadObjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(aadObjectId))
            return new HashSet<string>(StringComparer.Ordinal);
        return (await roles.ListForPersonAsync(tenantId, aadObjectId, cancellationToken))
            .Where(a => a.Role == Role.Manager && a.TeamId is not null)
            .Select(a => a.TeamId!)
            .ToHashSet(StringComparer.Ordinal);
    }
}
