using FocusBot.Cards;
using FocusBot.Domain.Recognitions;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;

namespace FocusBot.Recognitions;

/// <summary>
/// Posts a checked recognition to its channel, stores it with the posted message's id (so applause can update the card
/// for everyone), and queues the personal message to the person through the delivery ledger.
/// </summary>
public sealed partial class RecognitionPublisher(
    IRecognitionStore recognitions,
    FanOut fanOut,
    ContentTenants tenants,
    TimeProvider timeProvider,
    ILogger<RecognitionPublisher> logger)
{
    /// <returns>The stored recognition, or null when Teams refused the channel post (then nothing is stored).</returns>
    public async Task<Recognition?> PublishAsync(RecognitionDraft draft, RecognitionKind kind, string tenantId, ChannelAccount author, ConnectorClient connector,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var recognition = new Recognition
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            Kind = kind,
            TenantId = tenantId,
            RecipientUserId = draft.Person.UserId,
            RecipientAadObjectId = draft.Person.AadObjectId,
            RecipientName = CardText.Plain(draft.Person.Name, 80),
            AuthorAadObjectId = AuthorKey(author),
            AuthorName = CardText.Plain(author.Name, 80) is { Length: > 0 } name ? name : kind == RecognitionKind.Executive ? "An executive" : "A colleague",
            Behaviour = draft.Behaviour,
            Story = draft.Story,
            TeamId = draft.Channel.TeamId!,
            ChannelId = draft.Channel.ConversationId,
            CreatedAt = now,
        };

        var channel = new ConversationTarget(draft.Channel.ServiceUrl, tenantId, draft.Channel.ConversationId);
        string? activityId;
        try
        {
            var post = Activity.CreateCardMessage(RecognitionCard.Channel(recognition).ToJsonElement(), RecognitionCard.Summary(recognition)) with
            {
                From = new ChannelAccount { Id = draft.Channel.BotId, Name = draft.Channel.BotName },
                Conversation = new ConversationAccount { Id = draft.Channel.ConversationId },
            };
            activityId = (await connector.SendToConversationAsync(channel, post, cancellationToken)).Id;
        }
        catch (Exception ex) when (ConnectorFailure.IsFailedCall(ex))
        {
            LogChannelFailed(logger, ex.GetType().Name);
            return null;
        }

        recognition = recognition with { ActivityId = activityId };
        await recognitions.CreateAsync(recognition, cancellationToken);
        await tenants.AddAsync(tenantId, cancellationToken);
        var recipient = new Recipient(tenantId, draft.Person.UserId, draft.Person.AadObjectId, draft.Channel.ServiceUrl, null, draft.Person.TimeZone);
        await fanOut.EnqueueAsync(RecognitionContent.LedgerOf(recognition.Id), [recipient], now, cancellationToken);
        LogPublished(logger, kind);
        return recognition;
    }

    // What a recognition's author is filed under (IRecognitionStore.ListGivenAsync finds them by either id).
    private static string AuthorKey(ChannelAccount author) => author.AadObjectId ?? author.Id ?? "unknown";

    [LoggerMessage(Level = LogLevel.Information, Message = "Recognition ({Kind}) posted and the personal message queued")]
    private static partial void LogPublished(ILogger logger, RecognitionKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting a recognition to its channel failed ({Error}); nothing stored")]
    private static partial void LogChannelFailed(ILogger logger, string error);
}
