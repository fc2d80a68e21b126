using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roster;
using FocusBot.Protocol.Connector;

namespace FocusBot.People;

/// <summary>
/// Reads a team's members from Teams into its stored roster: one policy for the weekly refresh and for a team the people
/// picker meets for the first time. What Teams could not tell (an error, an unreachable Connector, an empty list: a team
/// always has an owner) never replaces the roster FocusBot already has.
/// </summary>
public sealed partial class TeamRosterSync(ConnectorClient connector, IRosterStore roster, IConversationStore conversations, ILogger<TeamRosterSync> logger)
{
    /// <summary>Refreshes every team of the tenant FocusBot is in (the weekly pulse does, before it opens).</summary>
    public async Task RefreshTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        // A team Teams cannot list keeps its stored roster and holds up nobody else's.
        foreach (var install in await TeamsOfAsync(tenantId, cancellationToken))
            _ = await RefreshAsync(install, cancellationToken);
    }

    /// <summary>The tenant's teams FocusBot is in, one installation each, whichever of its channels FocusBot met first.</summary>
    public async Task<IReadOnlyCollection<ConversationRecord>> TeamsOfAsync(string tenantId, CancellationToken cancellationToken)
    {
        var teams = new Dictionary<string, ConversationRecord>(StringComparer.Ordinal);
        await foreach (var install in conversations.ListTeamsAsync(cancellationToken))
        {
            if (install.TenantId == tenantId && install.TeamId is { } teamId)
                teams.TryAdd(teamId, install);
        }

        return teams.Values;
    }

    /// <summary>The members Teams lists now, stored as the team's roster; empty when Teams could not be asked, and then the stored roster is kept.</summary>
    public async Task<IReadOnlyList<TeamMember>> RefreshAsync(ConversationRecord teamInstall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teamInstall);
        var teamId = teamInstall.TeamId ?? throw new ArgumentException("Not a team's conversation.", nameof(teamInstall));
        var members = new List<TeamMember>();
        try
        {
            var target = new ConversationTarget(teamInstall.ServiceUrl, teamInstall.TenantId, teamId);
            await foreach (var member in connector.GetAllMembersAsync(target, cancellationToken))
            {
                if (member.Id is { Length: > 0 } userId)
                    members.Add(new TeamMember { TenantId = teamInstall.TenantId, TeamId = teamId, UserId = userId, AadObjectId = member.AadObjectId, Name = member.Name });
            }
        }
        catch (Exception ex) when (ConnectorFailure.IsFailedCall(ex))
        {
            LogUnreadable(logger, ConnectorFailure.Describe(ex));
            return [];
        }

        if (members.Count == 0)
        {
            LogListedNobody(logger);
            return [];
        }

        await roster.ReplaceTeamRosterAsync(teamInstall.TenantId, teamId, members, cancellationToken);
        return members;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A team's roster could not be read from Teams ({Error}); the stored roster is kept")]
    private static partial void LogUnreadable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams listed no members for a team; the stored roster is kept")]
    private static partial void LogListedNobody(ILogger logger);
}
