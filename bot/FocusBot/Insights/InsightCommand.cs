using System.Text.Json;
using FocusBot.Commands;
using FocusBot.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Messaging;
using FocusBot.Privacy;
using FocusBot.Protocol.Activities;

namespace FocusBot.Insights;

/// <summary>
/// `insight`: the form, its "Post insight" button and the author's "Check reach"; and every reader's "Got it".
/// The router checks the Executive/HR role before the command and before the post and reach buttons.
/// </summary>
public sealed partial class InsightCommand(
    TeamChannels channels,
    InsightPublisher publisher,
    IInsightStore insights,
    IDeliveryStore deliveries,
    Pseudonyms pseudonyms,
    ILogger<InsightCommand> logger) : ICommandHandler, ICardActionHandler
{
    public const string PostVerb = "insight.post";
    public const string ReachVerb = "insight.reach";
    public const string GotItVerb = "insight.gotit";

    public BotCommand Command => CommandCatalog.Insight;

    public IReadOnlyCollection<string> Verbs { get; } = [PostVerb, ReachVerb, GotItVerb];

    // "Got it" is for everyone who received the card; posting and reach follow the insight command's roles.
    public BotCommand? CommandFor(string verb) => verb == GotItVerb ? null : CommandCatalog.Insight;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (turn.Activity.Conversation?.ConversationType != ConversationTypes.Personal)
        {
            await turn.SendAsync(Activity.CreateTextMessage("Customer insights are written in your personal chat with FocusBot: open it and type insight."),
                cancellationToken);
            return;
        }

        var form = InsightFormCard.Create(await channels.ListAsync(turn.TenantId, cancellationToken));
        await turn.SendAsync(Activity.CreateCardMessage(form.ToJsonElement(), InsightFormCard.Title), cancellationToken);
    }

    public Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken) => verb switch
    {
        PostVerb => PostAsync(turn, data, cancellationToken),
        ReachVerb => ReachAsync(data, cancellationToken),
        _ => GotItAsync(turn, data, cancellationToken),
    };

    private async Task<AdaptiveCardInvokeResponse> PostAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        var available = await channels.ListAsync(turn.TenantId, cancellationToken);
        var draft = InsightForm.Read(data, available, out var problems);
        if (draft is null)
        {
            LogRefusedForm(logger, problems.Count);
            return AdaptiveCardInvokeResponse.Card(InsightFormCard.Create(available, data, problems).ToJsonElement());
        }

        var author = turn.Activity.From ?? new ChannelAccount();
        var published = await publisher.PublishAsync(draft, turn.TenantId, author, turn.Connector, cancellationToken);
        return AdaptiveCardInvokeResponse.Card(InsightReachCard.Posted(published).ToJsonElement());
    }

    private async Task<AdaptiveCardInvokeResponse> ReachAsync(JsonElement data, CancellationToken cancellationToken)
    {
        if (await FindAsync(data, cancellationToken) is not { } insight)
            return AdaptiveCardInvokeResponse.Message("That insight no longer exists.");
        var counts = insight.AllStaff ? await deliveries.CountByStatusAsync(InsightContent.LedgerOf(insight.Id), cancellationToken) : null;
        return AdaptiveCardInvokeResponse.Card(InsightReachCard.Reach(insight, counts).ToJsonElement());
    }

    private async Task<AdaptiveCardInvokeResponse> GotItAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        if (await FindAsync(data, cancellationToken) is not { } insight || insight.TenantId != turn.TenantId)
            return AdaptiveCardInvokeResponse.Message("That insight no longer exists.");
        if (turn.Activity.From?.Id is not { Length: > 0 } userId)
            return AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The button press did not say who pressed it.");
        var counted = await insights.AddGotItAsync(insight.Id, pseudonyms.For(turn.TenantId, userId), cancellationToken);
        LogGotIt(logger, counted);
        if (new Cards.FormValues(data).Raw("view") == InsightListCard.ListView)
        {
            var latest = await insights.ListLatestAsync(turn.TenantId, InsightListCard.Count, cancellationToken);
            var list = InsightListCard.Create(latest, turn.Activity.From?.AadObjectId, insight.Id, alreadyGot: !counted);
            return AdaptiveCardInvokeResponse.Card(list.ToJsonElement());
        }

        var state = counted ? InsightCard.GotItState.JustNow : InsightCard.GotItState.Already;
        return AdaptiveCardInvokeResponse.Card(InsightCard.Create(insight, state).ToJsonElement());
    }

    private async Task<Insight?> FindAsync(JsonElement data, CancellationToken cancellationToken) =>
        new Cards.FormValues(data).Raw("insightId") is { Length: > 0 and <= 64 } id ? await insights.GetAsync(id, cancellationToken) : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Insight form refused with {Count} problem(s); nothing stored")]
    private static partial void LogRefusedForm(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Insight got it (counted: {Counted})")]
    private static partial void LogGotIt(ILogger logger, bool counted);
}
