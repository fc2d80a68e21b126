using FocusBot.Commands;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using FocusBot.Telemetry;

namespace FocusBot.Trends;

/// <summary>
/// `trends [team] [knowledge|behaviour|attitude] [N weeks|months|quarters]`: the trend card. HR and Executives read the
/// organisation and every team; a Manager their own team alone (<see cref="TrendScopes"/>).
/// </summary>
public sealed partial class TrendsCommand(PrivacyGate gate, ReportUrls urls, TrendScopes scopes, ILogger<TrendsCommand> logger) : ICommandHandler
{
    public BotCommand Command => CommandCatalog.Trends;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var request = TrendsArguments.Parse(arguments);
        if (await scopes.ForAsync(turn, Command, request, cancellationToken) is not { } scope)
            return;

        var report = await gate.PublishTracedAsync(new TrendRequest
        {
            TenantId = turn.TenantId,
            Slice = scope.Slice,
            Kind = request.Kind,
            Count = request.Count,
            TeamPeriods = scope.Slice == TrendSlices.Org ? 2 : 0,
            TeamOnly = scope.TeamOnly,
        }, FocusBotTelemetry.TrendsRoutes.Card, cancellationToken);

        Uri? page = null;
        Uri? csv = null;
        if (turn.Activity.From?.AadObjectId is { Length: > 0 } aadObjectId)
        {
            var link = urls.LinkFor(turn.TenantId, aadObjectId, turn.Activity.From.Id, scope.Slice, request.Kind, request.Count);
            (page, csv) = (urls.Page(link), urls.Csv(link));
        }

        LogTrends(logger, scope.Scope, request.Kind, report.Periods.Count);
        await turn.SendAsync(Activity.CreateCardMessage(TrendCard.Create(report, request.Dimension, page, csv).ToJsonElement(), TrendCard.Title), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trends card for the {Scope} by {Kind}, {Periods} period(s)")]
    private static partial void LogTrends(ILogger logger, string scope, PeriodKind kind, int periods);
}
