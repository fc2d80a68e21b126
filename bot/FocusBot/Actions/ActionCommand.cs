using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Conversations;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Roles;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using FocusBot.Roles;

namespace FocusBot.Actions;

/// <summary>
/// `action`: the form and its "Record action" button, and "Change status" / "Save status" on an action; the router checks
/// the Executive/HR role before each. "All actions", "Older" and "Newer" page the list, for everyone.
/// </summary>
public sealed partial class ActionCommand(
    TeamChannels channels,
    ActionThemes themes,
    ActionPublisher publisher,
    IActionStore actions,
    RoleResolver roles,
    CommandAccess access,
    TimeProvider timeProvider,
    ILogger<ActionCommand> logger) : ICommandHandler, ICardActionHandler
{
    public const string RecordVerb = "action.record";
    public const string EditVerb = "action.edit";
    public const string StatusVerb = "action.status";
    public const string PageVerb = "actions.page";

    public BotCommand Command => CommandCatalog.Action;

    public IReadOnlyCollection<string> Verbs { get; } = [RecordVerb, EditVerb, StatusVerb, PageVerb];

    public BotCommand? CommandFor(string verb) => verb == PageVerb ? null : CommandCatalog.Action;

    private DateOnly Today => DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var form = ActionFormCard.Create(await channels.ListAsync(turn.TenantId, cancellationToken), await themes.CurrentAsync(turn.TenantId, cancellationToken), Today);
        await turn.SendAsync(Activity.CreateCardMessage(form.ToJsonElement(), ActionFormCard.Title), cancellationToken);
    }

    public Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken) => verb switch
    {
        RecordVerb => RecordAsync(turn, data, cancellationToken),
        EditVerb => EditAsync(turn, data, cancellationToken),
        StatusVerb => ChangeStatusAsync(turn, data, cancellationToken),
        _ => PageAsync(turn, data, cancellationToken),
    };

    private async Task<AdaptiveCardInvokeResponse> RecordAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        var available = await channels.ListAsync(turn.TenantId, cancellationToken);
        var current = await themes.CurrentAsync(turn.TenantId, cancellationToken);
        var draft = ActionForm.Read(data, available, current, Today, out var problems);
        if (draft is null)
        {
            LogRefusedForm(logger, problems.Count);
            return AdaptiveCardInvokeResponse.Card(ActionFormCard.Create(available, current, Today, data, problems).ToJsonElement());
        }

        var from = turn.Activity.From ?? new ChannelAccount();
        var held = await roles.GetRolesAsync(turn.TenantId, from.AadObjectId, from.Id, cancellationToken);
        var sponsor = held.Contains(Role.Executive) ? ActionSponsor.Leadership : ActionSponsor.Hr;
        var published = await publisher.RecordAsync(draft, turn.TenantId, from.AadObjectId ?? from.Id ?? "unknown", sponsor, turn.Connector, cancellationToken);
        return AdaptiveCardInvokeResponse.Card(ActionStatusCard.Recorded(published).ToJsonElement());
    }

    private async Task<AdaptiveCardInvokeResponse> EditAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken) =>
        await FindAsync(turn, data, cancellationToken) is { } action
            ? AdaptiveCardInvokeResponse.Card(ActionStatusCard.Edit(action).ToJsonElement())
            : AdaptiveCardInvokeResponse.Message("That action no longer exists.");

    private async Task<AdaptiveCardInvokeResponse> ChangeStatusAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        if (await FindAsync(turn, data, cancellationToken) is not { } action)
            return AdaptiveCardInvokeResponse.Message("That action no longer exists.");
        var form = new FormValues(data);
        var status = ActionForm.ReadStatus(form, ActionForm.StatusId);
        if (status is null)
            return AdaptiveCardInvokeResponse.Card(ActionStatusCard.Edit(action, form.Problems).ToJsonElement());
        var published = await publisher.ChangeStatusAsync(turn.TenantId, action.Id, status.Value, form.Flag(ActionForm.NotifyId), turn.Connector, cancellationToken);
        return published is null
            ? AdaptiveCardInvokeResponse.Message("That action no longer exists.")
            : AdaptiveCardInvokeResponse.Card(ActionStatusCard.Recorded(published, "Status changed to " + ActionForm.StatusName(status.Value)).ToJsonElement());
    }

    private async Task<AdaptiveCardInvokeResponse> PageAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        var skip = int.TryParse(new FormValues(data).Raw("skip"), out var s) ? Math.Clamp(s, 0, 10_000) : 0;
        return AdaptiveCardInvokeResponse.Card((await ListCardAsync(turn, actions, access, skip, cancellationToken)).ToJsonElement());
    }

    /// <summary>One page of the list; "Change status" buttons only for those who may use them.</summary>
    public static async Task<AdaptiveCard> ListCardAsync(TurnContext turn, IActionStore actions, CommandAccess access, int skip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(access);
        var page = await actions.ListLatestAsync(turn.TenantId, skip, ActionListCard.PageSize + 1, cancellationToken);
        var mayChange = (await access.ForAsync(turn, cancellationToken)).MayUse(CommandCatalog.Action);
        return ActionListCard.Create([.. page.Take(ActionListCard.PageSize)], skip, page.Count > ActionListCard.PageSize, mayChange);
    }

    private async Task<ProgrammeAction?> FindAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken) =>
        new FormValues(data).Raw("actionId") is { Length: > 0 and <= 64 } id ? await actions.GetAsync(turn.TenantId, id, cancellationToken) : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Action form refused with {Count} problem(s); nothing stored")]
    private static partial void LogRefusedForm(ILogger logger, int count);
}
