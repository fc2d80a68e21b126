namespace FocusBot.Domain.Roster;

/// <summary>Members of the teams where FocusBot is installed: who to reach proactively and whose teams an answer counts for.</summary>
public interface IRosterStore
{
    /// <summary>Makes <paramref name="members"/> the whole roster of the team: members not in the list are removed.</summary>
    Task ReplaceTeamRosterAsync(string tenantId, string teamId, IReadOnlyList<TeamMember> members, CancellationToken cancellationToken);

    IAsyncEnumerable<TeamMember> ListTeamMembersAsync(string tenantId, string teamId, CancellationToken cancellationToken);

    /// <summary>Whether the team's roster has been stored (it has at least one member), without reading it.</summary>
    Task<bool> HasTeamRosterAsync(string tenantId, string teamId, CancellationToken cancellationToken);

    /// <summary>Ids of the teams the user belongs to, to record with the user's answers.</summary>
    Task<IReadOnlyList<string>> ListTeamsForUserAsync(string tenantId, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// People whose name, or any word of it, starts with <paramref name="prefix"/> (case-insensitive), each once, at most
    /// <paramref name="max"/>, ordered by name. An empty prefix lists the first <paramref name="max"/> people by name.
    /// Served by an index: it reads about as many rows as it returns, however large the tenant.
    /// </summary>
    Task<IReadOnlyList<RosterPerson>> SearchByNameAsync(string tenantId, string prefix, int max, CancellationToken cancellationToken);

    /// <summary>The roster member with this Microsoft Entra object id, or null. Their name may be empty when Teams gave none.</summary>
    Task<RosterPerson?> FindByAadObjectIdAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken);

    /// <summary>The roster member with this Teams user id ("29:..."), or null. Their name may be empty when Teams gave none.</summary>
    Task<RosterPerson?> FindByUserIdAsync(string tenantId, string userId, CancellationToken cancellationToken);
}
