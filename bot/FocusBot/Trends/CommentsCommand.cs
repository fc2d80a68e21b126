using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using FocusBot.Roles;

namespace FocusBot.Trends;

/// <summary>
/// `comments [team name] [N weeks|months|quarters]`: the comments of the organisation or a team, masked, shuffled and
/// undated, for the periods the privacy gate shows (see <see cref="VoiceComments"/>). HR and Executives only.
/// </summary>
public sealed partial class CommentsCommand(CommentsReader comments, ReportUrls urls, RoleResolver roles, IConversationStore conversations,
    ILogger<CommentsCommand> logger) : ICommandHandler
{
    public BotCommand Command => CommandCatalog.Comments;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var request = TrendsArguments.Parse(arguments);
        if (await TrendsCommand.SliceAsync(turn, conversations, request.TeamName, cancellationToken) is not { } slice)
            return;

        var published = await comments.PublishAsync(new TrendRequest { TenantId = turn.TenantId, Slice = slice, Kind = request.Kind, Count = request.Count },
            cancellationToken);
        // The report page is HR's (its links are checked for the HR role); an Executive reads the card.
        Uri? page = null;
        if (published.IsShown && turn.Activity.From?.AadObjectId is { Length: > 0 } aadObjectId
            && (await roles.GetRolesAsync(turn.TenantId, aadObjectId, turn.Activity.From.Id, cancellationToken)).Contains(Role.HR))
            page = urls.Page(urls.LinkFor(turn.TenantId, aadObjectId, turn.Activity.From.Id, slice, request.Kind, request.Count));
        // Counts of groups only: neither the comments nor who asked.
        LogComments(logger, slice == TrendSlices.Org ? "organisation" : "team", request.Kind, published.IsShown);
        await turn.SendAsync(Activity.CreateCardMessage(CommentsCard.Create(published, page).ToJsonElement(), CommentsCard.Title), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comments card for the {Scope} by {Kind}, shown: {Shown}")]
    private static partial void LogComments(ILogger logger, string scope, PeriodKind kind, bool shown);
}
