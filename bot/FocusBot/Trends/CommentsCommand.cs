using FocusBot.Commands;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;

namespace FocusBot.Trends;

/// <summary>
/// `comments [team name] [N weeks|months|quarters]`: the comments of the organisation or a team, masked, shuffled and
/// undated, for the periods the privacy gate shows (see <see cref="VoiceComments"/>). HR and Executives read any group; a
/// Manager their own team alone (<see cref="TrendScopes"/>).
/// </summary>
public sealed partial class CommentsCommand(CommentsReader comments, ReportUrls urls, TrendScopes scopes, ILogger<CommentsCommand> logger) : ICommandHandler
{
    public BotCommand Command => CommandCatalog.Comments;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var request = TrendsArguments.Parse(arguments);
        if (await scopes.ForAsync(turn, Command, request, cancellationToken) is not { } scope)
            return;

        var published = await comments.PublishAsync(
            new TrendRequest { TenantId = turn.TenantId, Slice = scope.Slice, Kind = request.Kind, Count = request.Count, TeamOnly = scope.TeamOnly }, cancellationToken);
        // The page is checked again when opened (ReportAccess): the link is for this reader and this group only.
        Uri? page = null;
        if (published.IsShown && turn.Activity.From?.AadObjectId is { Length: > 0 } aadObjectId)
            page = urls.Page(urls.LinkFor(turn.TenantId, aadObjectId, turn.Activity.From.Id, scope.Slice, request.Kind, request.Count));
        // Counts of groups only: neither the comments nor who asked.
        LogComments(logger, scope.Scope, request.Kind, published.IsShown);
        await turn.SendAsync(Activity.CreateCardMessage(CommentsCard.Create(published, page).ToJsonElement(), CommentsCard.Title), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comments card for the {Scope} by {Kind}, shown: {Shown}")]
    private static partial void LogComments(ILogger logger, string scope, PeriodKind kind, bool shown);
}
