using FocusBot.ConnectorSimulator.Faults;
using FocusBot.ConnectorSimulator.RateLimiting;
using FocusBot.ConnectorSimulator.Wire;
using Microsoft.AspNetCore.Http;

namespace FocusBot.ConnectorSimulator;

internal sealed partial class ConnectorRequestHandler
{
    private async Task<int> GetTeamDetailsAsync(HttpContext context, ConnectorRoute route, InjectedFault? lostResponse)
    {
        if (!directory.TryGetTeam(route.TeamId!, out var known))
        {
            return await WriteTeamNotFoundAsync(context);
        }

        if (Throttle(RateLimitBucket.GetTeam, known.Team.Id, known.TenantId) is { } wait)
        {
            return await WriteThrottledAsync(context, wait);
        }

        var team = known.Team;
        return await WriteSuccessAsync(
            context,
            StatusCodes.Status200OK,
            new TeamDetails(team.Id, team.Name, team.AadGroupId),
            SimulatorJsonContext.Default.TeamDetails,
            lostResponse);
    }

    private async Task<int> GetTeamConversationsAsync(HttpContext context, ConnectorRoute route, InjectedFault? lostResponse)
    {
        if (!directory.TryGetTeam(route.TeamId!, out var known))
        {
            return await WriteTeamNotFoundAsync(context);
        }

        if (Throttle(RateLimitBucket.GetTeam, known.Team.Id, known.TenantId) is { } wait)
        {
            return await WriteThrottledAsync(context, wait);
        }

        return await WriteSuccessAsync(
            context,
            StatusCodes.Status200OK,
            new ConversationList(known.Team.Channels),
            SimulatorJsonContext.Default.ConversationList,
            lostResponse);
    }

    private static Task<int> WriteTeamNotFoundAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status404NotFound, "NotFound", "Team not found.");
}
