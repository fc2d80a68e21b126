using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using Microsoft.Extensions.Options;

namespace FocusBot.Development;

/// <summary>
/// With `--seed-demo`, in Development only: the person chatting in the Agents Playground becomes Admin, HR and Executive,
/// and FocusBot knows the Playground's team (its General channel and its six members) as if it had been added to it. In
/// Teams an Admin grants roles and the team's install tells FocusBot its members; in the Playground that took finding an
/// object id in its log, a restart, and opening the team's channel first, before any name could be chosen in a form.
/// Running it again changes nothing.
/// </summary>
public sealed partial class PlaygroundRegistration(
    IRoleStore roles,
    IConversationStore conversations,
    IRosterStore roster,
    IOptions<PlaygroundOptions> playground,
    TimeProvider timeProvider,
    ILogger<PlaygroundRegistration> logger)
{
    public const string GrantedBy = "seed-demo";

    public static readonly IReadOnlyList<Role> UserRoles = [Role.Admin, Role.HR, Role.Executive];

    /// <summary>Grants the roles and stores the team; returns what a developer is told.</summary>
    public async Task<string> RegisterAsync(CancellationToken cancellationToken)
    {
        const string tenant = PlaygroundDefaults.TenantId;
        var user = PlaygroundDefaults.User;
        var now = timeProvider.GetUtcNow();
        var held = await roles.GetRolesAsync(tenant, user.AadObjectId, cancellationToken);
        foreach (var role in UserRoles.Where(r => !held.Contains(r)))
            await roles.GrantAsync(new RoleAssignment { TenantId = tenant, AadObjectId = user.AadObjectId, Role = role, GrantedBy = GrantedBy, GrantedAt = now }, cancellationToken);

        var existing = await conversations.GetAsync(tenant, PlaygroundDefaults.TeamId, cancellationToken);
        await conversations.UpsertAsync(new ConversationRecord
        {
            TenantId = tenant,
            ConversationId = PlaygroundDefaults.TeamId,
            Kind = ConversationKind.Channel,
            // Where the launcher starts the Playground. Should it have fallen back to another port, opening the channel in
            // its page replaces this with the address it really serves.
            ServiceUrl = PlaygroundDefaults.ConnectorUrl(playground.Value.Port),
            BotId = PlaygroundDefaults.BotId,
            TeamId = PlaygroundDefaults.TeamId,
            TeamName = PlaygroundDefaults.TeamName,
            ChannelName = PlaygroundDefaults.GeneralChannelName,
            InstalledAt = existing?.InstalledAt ?? now,
            UpdatedAt = now,
        }, cancellationToken);
        await roster.ReplaceTeamRosterAsync(tenant, PlaygroundDefaults.TeamId,
            [.. PlaygroundDefaults.TeamMembers.Select(p => new TeamMember
            {
                TenantId = tenant,
                TeamId = PlaygroundDefaults.TeamId,
                UserId = p.UserId,
                AadObjectId = p.AadObjectId,
                Name = p.Name,
            })],
            cancellationToken);

        LogRegistered(logger);
        return $"in the Agents Playground {user.Name} is {string.Join(", ", UserRoles.SkipLast(1))} and {UserRoles[^1]}, " +
            $"and FocusBot is in \"{PlaygroundDefaults.TeamName}\" with its {PlaygroundDefaults.TeamMembers.Count} members.";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Playground user given the demo roles; Playground team registered")]
    private static partial void LogRegistered(ILogger logger);
}
