using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Conversations;
using FocusBot.Domain.Programme;
using FocusBot.Forms;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;

namespace FocusBot.Programme;

/// <summary>`event`: the form and its "Record event" button; the router checks the Executive/HR role before each.</summary>
public sealed partial class EventCommand(
    TeamChannels channels,
    IProgrammeEventStore events,
    TimeProvider timeProvider,
    ILogger<EventCommand> logger) : ICommandHandler, ICardActionHandler
{
    public const string RecordVerb = "event.record";
    public const string RecordedTitle = "Event recorded";

    public BotCommand Command => CommandCatalog.Event;

    public IReadOnlyCollection<string> Verbs { get; } = [RecordVerb];

    public BotCommand? CommandFor(string verb) => CommandCatalog.Event;

    private DateOnly Today => DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var form = EventFormCard.Create(await channels.TeamNamesAsync(turn.TenantId, cancellationToken), Today);
        await turn.SendAsync(Activity.CreateCardMessage(form.ToJsonElement(), EventFormCard.Title), cancellationToken);
    }

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        var teams = await channels.TeamNamesAsync(turn.TenantId, cancellationToken);
        var draft = EventForm.Read(data, teams, Today, out var problems);
        var from = turn.Activity.From ?? new ChannelAccount();
        var now = timeProvider.GetUtcNow();
        var programmeEvent = draft is null
            ? null
            : new ProgrammeEvent
            {
                Id = Guid.CreateVersion7(now).ToString("N"),
                TenantId = turn.TenantId,
                Kind = draft.Kind,
                Title = draft.Title,
                Date = draft.Date,
                TeamIds = draft.TeamIds,
                RecordedByAadObjectId = from.AadObjectId ?? from.Id ?? "unknown",
                RecordedAt = now,
            };
        if (programmeEvent is not null && programmeEvent.Problems() is { Count: > 0 } more)
            problems = more;
        if (programmeEvent is null || problems.Count > 0)
        {
            LogRefusedForm(logger, problems.Count);
            return AdaptiveCardInvokeResponse.Card(EventFormCard.Create(teams, Today, data, problems).ToJsonElement());
        }

        await events.CreateAsync(programmeEvent, cancellationToken);
        LogRecorded(logger, programmeEvent.Kind, programmeEvent.TeamIds.Count);
        return AdaptiveCardInvokeResponse.Card(Recorded(programmeEvent, teams).ToJsonElement());
    }

    private static AdaptiveCard Recorded(ProgrammeEvent programmeEvent, IReadOnlyDictionary<string, string> teams) => new()
    {
        FallbackText = RecordedTitle,
        Body =
        [
            FormNotice.Done(RecordedTitle + ": it is marked on the report's charts from now on."),
            .. EventListCard.Elements(programmeEvent, teams),
        ],
        Actions =
        [
            EventListCard.CompareButton(programmeEvent),
            ExecuteAction.WithSubmitFallback("All events", EventsCommand.PageVerb, new System.Text.Json.Nodes.JsonObject { ["skip"] = 0 }),
        ],
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Event form refused with {Count} problem(s); nothing stored")]
    private static partial void LogRefusedForm(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Programme event recorded: {Kind}, {Teams} team(s) (0: the whole organisation)")]
    private static partial void LogRecorded(ILogger logger, ProgrammeEventKind kind, int teams);
}
