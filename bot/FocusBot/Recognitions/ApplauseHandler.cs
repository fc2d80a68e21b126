using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Recognitions;
using FocusBot.Messaging;
using FocusBot.Privacy;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;

namespace FocusBot.Recognitions;

/// <summary>
/// "Applaud" on a recognition: anyone may, once. The channel card is updated for everyone with the new count; the person
/// who pressed sees that they applauded.
/// </summary>
public sealed partial class ApplauseHandler(
    IRecognitionStore recognitions,
    IConversationStore conversations,
    Pseudonyms pseudonyms,
    RecognitionsCommand list,
    ILogger<ApplauseHandler> logger) : ICardActionHandler
{
    public const string ApplaudVerb = "recognition.applaud";
    public const string OwnRecognition = "This recognition is yours: enjoy it! Applause is for your colleagues to give.";

    public IReadOnlyCollection<string> Verbs { get; } = [ApplaudVerb];

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        var form = new FormValues(data);
        var id = form.Raw("recognitionId");
        var recognition = id is { Length: > 0 and <= 64 } ? await recognitions.GetAsync(id, cancellationToken) : null;
        if (recognition is null || recognition.TenantId != turn.TenantId)
            return AdaptiveCardInvokeResponse.Message("That recognition no longer exists.");
        var from = turn.Activity.From;
        if (from?.Id is not { Length: > 0 } userId)
            return AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The button press did not say who pressed it.");
        if (userId == recognition.RecipientUserId
            || (from.AadObjectId is not null && string.Equals(from.AadObjectId, recognition.RecipientAadObjectId, StringComparison.OrdinalIgnoreCase)))
            return AdaptiveCardInvokeResponse.Message(OwnRecognition);

        var counted = await recognitions.AddApplauseAsync(recognition.Id, pseudonyms.For(turn.TenantId, userId), cancellationToken);
        LogApplause(logger, counted);
        var current = await recognitions.GetAsync(recognition.Id, cancellationToken) ?? recognition;
        if (counted)
            await UpdateChannelCardAsync(turn.Connector, current, cancellationToken);

        if (form.Raw(RecognitionHistoryView.ViewId) == RecognitionHistoryView.ViewValue)
        {
            var view = await list.ViewFromAsync(turn.TenantId, data, cancellationToken);
            return AdaptiveCardInvokeResponse.Card((await list.CreateCardAsync(turn, view, current.Id, !counted, cancellationToken)).ToJsonElement());
        }

        var state = counted ? RecognitionCard.ApplauseState.JustNow : RecognitionCard.ApplauseState.Already;
        return AdaptiveCardInvokeResponse.Card(RecognitionCard.Channel(current, state).ToJsonElement());
    }

    // Teams replaces a card only for the person who pressed; everyone else sees the new count once the message is updated.
    private async Task UpdateChannelCardAsync(ConnectorClient connector, Recognition recognition, CancellationToken cancellationToken)
    {
        if (recognition.ActivityId is not { } activityId
            || await conversations.GetAsync(recognition.TenantId, recognition.ChannelId, cancellationToken) is not { } channel)
            return;
        try
        {
            var card = Activity.CreateCardMessage(RecognitionCard.Channel(recognition).ToJsonElement(), RecognitionCard.Summary(recognition));
            await connector.UpdateActivityAsync(new ConversationTarget(channel.ServiceUrl, recognition.TenantId, channel.ConversationId), activityId,
                card with { Conversation = new ConversationAccount { Id = channel.ConversationId } }, cancellationToken);
        }
        catch (Exception ex) when (ConnectorFailure.IsFailedCall(ex))
        {
            // The applause is counted; the channel shows it at the next update.
            LogUpdateFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applause (counted: {Counted})")]
    private static partial void LogApplause(ILogger logger, bool counted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating a recognition card with its applause failed ({Error})")]
    private static partial void LogUpdateFailed(ILogger logger, string error);
}
