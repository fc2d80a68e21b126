using FocusBot.Commands;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using FocusBot.Trends;

namespace FocusBot.Programme;

/// <summary>
/// `programme [team]`: each team's programme level and what stands between it and the next. HR and Executives read every
/// team (or one by name); a Manager their own team alone, chosen and refused exactly as for `trends` (<see cref="TrendScopes"/>).
/// </summary>
public sealed partial class ProgrammeCommand(TeamLevelsReader levels, TrendScopes scopes, ILogger<ProgrammeCommand> logger) : ICommandHandler
{
    public BotCommand Command => CommandCatalog.Programme;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (await scopes.ForAsync(turn, Command, TrendsArguments.Parse(arguments), cancellationToken) is not { } scope)
            return;
        var organisation = scope.Slice == TrendSlices.Org;
        var report = await levels.ReadAsync(turn.TenantId, organisation ? null : scope.Slice, cancellationToken);
        LogProgramme(logger, scope.Scope, report.Teams.Count);
        await turn.SendAsync(Activity.CreateCardMessage(ProgrammeLevelsCard.Create(report, organisation).ToJsonElement(), ProgrammeLevelsCard.Title), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Programme levels card for the {Scope}, {Teams} team(s)")]
    private static partial void LogProgramme(ILogger logger, string scope, int teams);
}
