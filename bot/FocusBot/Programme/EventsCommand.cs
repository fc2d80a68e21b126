using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Conversations;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using Microsoft.Extensions.Options;

namespace FocusBot.Programme;

/// <summary>
/// `events`: the list, its paging and each event's "Before and after" (HR, Executive: the comparison shows the
/// organisation's and every team's figures, which a Manager does not see). The router checks the role before each.
/// </summary>
public sealed class EventsCommand(
    TeamChannels channels,
    IProgrammeEventStore events,
    PrivacyGate gate,
    IOptions<ProgrammeOptions> options) : ICommandHandler, ICardActionHandler
{
    public const string PageVerb = "events.page";
    public const string CompareVerb = "events.compare";
    public const string NoSuchEvent = "That event no longer exists.";

    public BotCommand Command => CommandCatalog.Events;

    public IReadOnlyCollection<string> Verbs { get; } = [PageVerb, CompareVerb];

    public BotCommand? CommandFor(string verb) => CommandCatalog.Events;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var card = await ListCardAsync(turn.TenantId, 0, cancellationToken);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), EventListCard.Title), cancellationToken);
    }

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        var form = new FormValues(data);
        if (verb == PageVerb)
        {
            var skip = int.TryParse(form.Raw("skip"), out var s) ? Math.Clamp(s, 0, 10_000) : 0;
            return AdaptiveCardInvokeResponse.Card((await ListCardAsync(turn.TenantId, skip, cancellationToken)).ToJsonElement());
        }

        if (form.Raw("eventId") is not { Length: > 0 and <= 64 } id || await events.GetAsync(turn.TenantId, id, cancellationToken) is not { } programmeEvent)
            return AdaptiveCardInvokeResponse.Message(NoSuchEvent);
        var window = options.Value.EventWindowWeeks;
        var report = await gate.PublishAsync(BeforeAfter.RequestFor(programmeEvent, window), cancellationToken);
        var comparison = BeforeAfter.Compare(programmeEvent, report, window);
        var teams = await channels.TeamNamesAsync(turn.TenantId, cancellationToken);
        return AdaptiveCardInvokeResponse.Card(BeforeAfterCard.Create(comparison, teams).ToJsonElement());
    }

    private async Task<AdaptiveCard> ListCardAsync(string tenantId, int skip, CancellationToken cancellationToken)
    {
        var page = await events.ListLatestAsync(tenantId, skip, EventListCard.PageSize + 1, cancellationToken);
        var teams = await channels.TeamNamesAsync(tenantId, cancellationToken);
        return EventListCard.Create([.. page.Take(EventListCard.PageSize)], skip, page.Count > EventListCard.PageSize, teams);
    }
}
