namespace FocusBot.Domain.Roster;

/// <summary>Members of the teams where FocusBot is installed: who to reach proactively and whose teams an answer counts for.</summary>
public interface IRosterStore
{
    /// <summary>Makes <paramref name="members"/> the whole roster of the team: members not in the list are removed.</summary>
    Task ReplaceTeamRosterAsync(string tenantId, string teamId, IReadOnlyList<TeamMember> members, CancellationToken cancellationToken);

    IAsyncEnumerable<TeamMember> ListTeamMembersAsync(string tenantId, string teamId, CancellationToken cancellationToken);

    /// <summary>Ids of the teams the user belongs to, to record with the user's answers.</summary>
    Task<IReadOnlyList<string>> ListTeamsForUserAsync(string tenantId, string userId, CancellationToken cancellationToken);

    /// <summary>People whose name starts with <paramref name="prefix"/> (case-insensitive), at most <paramref name="max"/>, by name.</summary>
    Task<IReadOnlyList<RosterPerson>> SearchByNameAsync(string tenantId, string prefix, int max, CancellationToken cancellationToken);
}
