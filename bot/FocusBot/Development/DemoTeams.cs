using System.Globalization;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Settings;
using Microsoft.Extensions.Options;

namespace FocusBot.Development;

/// <summary>The demo's five teams, installed in the Playground's tenant, with <see cref="PeoplePerTeam"/> made-up people each.</summary>
public sealed class DemoTeams(IConversationStore conversations, IRosterStore roster, ISettingsStore settings, IOptions<PlaygroundOptions> playground)
{
    public const int PeoplePerTeam = 12;

    public async Task<IReadOnlyList<DemoPerson>> SeedAsync(string tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = new List<DemoPerson>();
        var number = 0;
        foreach (var (teamId, name, participation, drift) in DemoBank.Teams)
        {
            await conversations.UpsertAsync(new ConversationRecord
            {
                TenantId = tenant,
                ConversationId = teamId,
                Kind = ConversationKind.Channel,
                // The Playground's Connector: it accepts any team and person, so a pulse or insight that reaches the demo
                // people goes nowhere visible, instead of failing against an address nobody serves (retried for minutes).
                ServiceUrl = PlaygroundDefaults.ConnectorUrl(playground.Value.Port),
                BotId = PlaygroundDefaults.BotId,
                TeamId = teamId,
                TeamName = name,
                ChannelName = "General",
                InstalledAt = now,
                UpdatedAt = now,
            }, cancellationToken);
            var members = new List<TeamMember>();
            for (var i = 0; i < PeoplePerTeam; i++)
            {
                var userId = UserId(++number);
                members.Add(new TeamMember { TenantId = tenant, TeamId = teamId, UserId = userId, Name = Name(number) });
                // Made-up people have no chat to show a pulse in: paused, a pulse opened later skips them rather than
                // sending cards the Playground refuses (and FocusBot retries) for each of them.
                await settings.SetPausedAsync(tenant, userId, true, cancellationToken);
                people.Add(new DemoPerson(userId, teamId, participation, drift));
            }

            await roster.ReplaceTeamRosterAsync(tenant, teamId, members, cancellationToken);
        }

        return people;
    }

    /// <summary>The Teams user id of the demo's person <paramref name="number"/> (1 to 60, twelve a team in <see cref="DemoBank.Teams"/>' order).</summary>
    public static string UserId(int number) => string.Create(CultureInfo.InvariantCulture, $"29:demo-person-{number:D2}");

    public static string Name(int number) => string.Create(CultureInfo.InvariantCulture, $"Demo Person {number:D2}");
}
