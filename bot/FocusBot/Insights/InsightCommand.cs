using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Conversations;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Privacy;
using FocusBot.Protocol.Activities;

namespace FocusBot.Insights;

/// <summary>
/// `insight`: the form and its "Post insight" button; and every reader's "Got it". The router checks the Executive/HR
/// role before the command and the post button; what follows posting is <see cref="InsightManagement"/>.
/// </summary>
public sealed partial class InsightCommand(
    TeamChannels channels,
    InsightPublisher publisher,
    InsightTimes times,
    IInsightStore insights,
    Pseudonyms pseudonyms,
    CommandAccess access,
    PrivacyThresholds privacy,
    TimeProvider timeProvider,
    ILogger<InsightCommand> logger) : ICommandHandler, ICardActionHandler
{
    public const string PostVerb = "insight.post";
    public const string GotItVerb = "insight.gotit";

    public BotCommand Command => CommandCatalog.Insight;

    public IReadOnlyCollection<string> Verbs { get; } = [PostVerb, GotItVerb];

    // "Got it" is for everyone who received the card; posting follows the insight command's roles.
    public BotCommand? CommandFor(string verb) => verb == GotItVerb ? null : CommandCatalog.Insight;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var form = InsightFormCard.Create(await channels.ListAsync(turn.TenantId, cancellationToken), await times.ZoneOfSenderAsync(turn, cancellationToken));
        await turn.SendAsync(Activity.CreateCardMessage(form.ToJsonElement(), InsightFormCard.Title), cancellationToken);
    }

    public Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken) =>
        verb == PostVerb ? PostAsync(turn, data, cancellationToken) : GotItAsync(turn, data, cancellationToken);

    private async Task<AdaptiveCardInvokeResponse> PostAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        var available = await channels.ListAsync(turn.TenantId, cancellationToken);
        var zone = await times.ZoneOfSenderAsync(turn, cancellationToken);
        var draft = InsightForm.Read(data, available, zone, timeProvider.GetUtcNow(), out var problems);
        if (draft is null)
        {
            LogRefusedForm(logger, problems.Count);
            return AdaptiveCardInvokeResponse.Card(InsightFormCard.Create(available, zone, data, problems).ToJsonElement());
        }

        var published = await publisher.PublishAsync(draft, turn.TenantId, turn.Activity.From ?? new ChannelAccount(), cancellationToken);
        return AdaptiveCardInvokeResponse.Card(InsightReachCard.Posted(published, timeProvider.GetUtcNow()).ToJsonElement());
    }

    private async Task<AdaptiveCardInvokeResponse> GotItAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        if (await InsightManagement.FindAsync(insights, turn, data, cancellationToken) is not { Status: InsightStatus.Sent or InsightStatus.Recalled } insight)
            return AdaptiveCardInvokeResponse.Message("That insight no longer exists.");
        if (insight.Status == InsightStatus.Recalled)
            return AdaptiveCardInvokeResponse.Message(InsightCard.RecalledMessage);
        if (turn.Activity.From?.Id is not { Length: > 0 } userId)
            return AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The button press did not say who pressed it.");
        var counted = await insights.AddGotItAsync(insight.Id, pseudonyms.For(turn.TenantId, userId), cancellationToken);
        LogGotIt(logger, counted);
        if (new FormValues(data).Raw("view") == InsightListCard.ListView)
        {
            var list = await ListCardAsync(turn, insights, access, privacy, insight.Id, alreadyGot: !counted, cancellationToken);
            return AdaptiveCardInvokeResponse.Card(list.ToJsonElement());
        }

        var state = counted ? InsightCard.GotItState.JustNow : InsightCard.GotItState.Already;
        return AdaptiveCardInvokeResponse.Card(InsightCard.Create(insight, state).ToJsonElement());
    }

    /// <summary>The list as this reader may see it: scheduled insights and the buttons to manage them only for those who share insights.</summary>
    public static async Task<AdaptiveCard> ListCardAsync(TurnContext turn, IInsightStore insights, CommandAccess access, PrivacyThresholds privacy,
        string? justGotId, bool alreadyGot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(insights);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(privacy);
        // Never in a channel: what waits to go out, and the buttons to change it, are for the people who share insights alone.
        var mayManage = PersonalChatOnly.IsPersonal(turn.Activity)
            && (await access.ForAsync(turn, cancellationToken)).MayUse(CommandCatalog.Insight);
        var latest = await insights.ListLatestAsync(turn.TenantId, InsightContent.Window, cancellationToken);
        var viewer = new InsightListViewer(turn.Activity.From?.AadObjectId, mayManage, privacy.MinimumGroupSize);
        return InsightListCard.Create(InsightListCard.Select(latest, mayManage), viewer, justGotId, alreadyGot);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Insight form refused with {Count} problem(s); nothing stored")]
    private static partial void LogRefusedForm(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Insight got it (counted: {Counted})")]
    private static partial void LogGotIt(ILogger logger, bool counted);
}
