using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Privacy;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Storage;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;

namespace FocusBot.Privacy;

/// <summary>
/// `erase &lt;person&gt;` (Admins only; the router checks the role before the command and before each of its buttons):
/// shows what FocusBot keeps about the person, as counts, and erases only when the Admin presses Erase. The button
/// carries the person's ids, so pressing it again later finds nothing left and says so. Logs say how much went, never
/// whose data it was.
/// </summary>
public sealed partial class EraseCommand(
    ErasureTargets targets,
    IPersonalDataEraser eraser,
    IRecognitionStore recognitions,
    IConversationStore conversations,
    Pseudonyms pseudonyms,
    IPulseStore pulses,
    TrendRetraction retraction,
    ErasureReply reply,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<EraseCommand> logger) : ICommandHandler, ICardActionHandler
{
    public const string ConfirmVerb = "privacy.erase";
    public const string ChooseVerb = "privacy.erase.choose";
    public const string CancelVerb = "privacy.erase.cancel";

    public BotCommand Command => CommandCatalog.Erase;

    public IReadOnlyCollection<string> Verbs { get; } = [ConfirmVerb, ChooseVerb, CancelVerb];

    public BotCommand? CommandFor(string verb) => CommandCatalog.Erase;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var lookup = await targets.FindAsync(turn.TenantId, arguments, cancellationToken);
        if (lookup.Problem is { } problem)
        {
            LogNotFound(logger);
            await turn.SendAsync(Activity.CreateTextMessage(problem), cancellationToken);
        }
        else if (lookup.Target is { } target)
        {
            await turn.SendAsync(Activity.CreateCardMessage((await ConfirmCardAsync(turn.TenantId, target, cancellationToken)).ToJsonElement(), ErasureCard.ConfirmTitle),
                cancellationToken);
        }
        else
        {
            LogAmbiguous(logger, lookup.Candidates.Count);
            await turn.SendAsync(Activity.CreateCardMessage(ErasureCard.Candidates(arguments, lookup.Candidates).ToJsonElement(), ErasureCard.CandidatesTitle),
                cancellationToken);
        }
    }

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        if (verb == CancelVerb)
            return AdaptiveCardInvokeResponse.Card(ErasureCard.Cancelled().ToJsonElement());
        if (ErasureTarget.FromData(data) is not { } target)
            return AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The button did not say whose data to erase. " + ErasureCard.NothingErased);
        if (verb == ChooseVerb)
            return AdaptiveCardInvokeResponse.Card((await ConfirmCardAsync(turn.TenantId, target, cancellationToken)).ToJsonElement());

        // The erasure must not stop when Teams stops waiting for this answer: it runs until done, or until shutdown.
        var run = EraseAsync(turn, target, lifetime.ApplicationStopping);
        var answered = await Task.WhenAny(run, Task.Delay(reply.Within, timeProvider, CancellationToken.None));
        if (answered != run)
        {
            _ = ReportLaterAsync(turn, target, run);
            return AdaptiveCardInvokeResponse.Card(ErasureCard.InProgress(target).ToJsonElement());
        }

        return AdaptiveCardInvokeResponse.Card((await OutcomeAsync(target, run)).ToJsonElement());
    }

    private async Task<AdaptiveCard> ConfirmCardAsync(string tenantId, ErasureTarget target, CancellationToken cancellationToken)
    {
        var found = await eraser.CountAsync(target.ToSubject(tenantId, pseudonyms, await PulseIdsAsync(tenantId, cancellationToken)), cancellationToken);
        LogPreview(logger, found.Total);
        return ErasureCard.Confirm(target, found);
    }

    private async Task<(ErasureResult Removed, int PostsDeleted)> EraseAsync(TurnContext turn, ErasureTarget target, CancellationToken cancellationToken)
    {
        // Found before the erasure, which deletes them: their channel posts name the person too, as recipient or as the colleague who gave them.
        var received = recognitions.ListForRecipientAsync(turn.TenantId, target.UserId, target.AadObjectId, cancellationToken);
        var given = recognitions.ListGivenAsync(turn.TenantId, target.UserId, target.AadObjectId, since: null, cancellationToken);
        await Task.WhenAll(received, given);
        var posted = (await received).Concat(await given).DistinctBy(r => r.Id).ToList();
        var subject = target.ToSubject(turn.TenantId, pseudonyms, await PulseIdsAsync(turn.TenantId, cancellationToken));
        // Out of the figures not yet sealed first (their answers are needed to know what to take out), then deleted.
        await retraction.RetractAsync(turn.TenantId, subject.UserId, subject.Pseudonyms, cancellationToken);
        var removed = await eraser.EraseAsync(subject, cancellationToken);
        var postsDeleted = await DeletePostsAsync(turn.Connector, posted, cancellationToken);
        LogErased(logger, removed.Total, postsDeleted);
        return (removed, postsDeleted);
    }

    // Side by side: an erasure answers within seconds when it can, and the posts are few.
    private async Task<int> DeletePostsAsync(ConnectorClient connector, IReadOnlyList<Recognition> posted, CancellationToken cancellationToken) =>
        (await Task.WhenAll(posted.Select(recognition => DeletePostAsync(connector, recognition, cancellationToken)))).Count(deleted => deleted);

    private async Task<bool> DeletePostAsync(ConnectorClient connector, Recognition recognition, CancellationToken cancellationToken)
    {
        if (recognition.ActivityId is not { } activityId
            || await conversations.GetAsync(recognition.TenantId, recognition.ChannelId, cancellationToken) is not { } channel)
            return false;
        try
        {
            await connector.DeleteActivityAsync(new ConversationTarget(channel.ServiceUrl, recognition.TenantId, channel.ConversationId), activityId, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ConnectorFailure.IsFailedCall(ex))
        {
            // The recognition is erased from FocusBot; a post Teams would not delete (FocusBot removed from the team) stays there.
            LogPostNotDeleted(logger, ex.GetType().Name);
            return false;
        }
    }

    private async Task<AdaptiveCard> OutcomeAsync(ErasureTarget target, Task<(ErasureResult Removed, int PostsDeleted)> run)
    {
        try
        {
            var (removed, postsDeleted) = await run;
            return ErasureCard.Done(target, removed, postsDeleted);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or ConcurrencyException)
        {
            LogFailed(logger, ex.GetType().Name);
            return ErasureCard.Failed(target);
        }
    }

    private async Task ReportLaterAsync(TurnContext turn, ErasureTarget target, Task<(ErasureResult Removed, int PostsDeleted)> run)
    {
        try
        {
            var card = await OutcomeAsync(target, run);
            await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), ErasureCard.DoneTitle), lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the erasure stopped part way; the Admin sees no outcome and runs it again.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Nobody awaits this task, so whatever went wrong is logged here or not at all.
            LogReportFailed(logger, ex.GetType().Name);
        }
    }

    // Every pulse of the tenant, for the person's "answered" markers (a bound is needed; TrendRebuilder uses the same).
    private async Task<IEnumerable<string>> PulseIdsAsync(string tenantId, CancellationToken cancellationToken) =>
        (await pulses.ListRecentAsync(TrendRebuilder.MaxPulses, cancellationToken)).Where(p => p.TenantId == tenantId).Select(p => p.Id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure preview: {Rows} rows found")]
    private static partial void LogPreview(ILogger logger, int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure done: {Rows} rows removed, {Posts} channel post(s) deleted")]
    private static partial void LogErased(ILogger logger, int rows, int posts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure request named nobody FocusBot knows; nothing erased")]
    private static partial void LogNotFound(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure request fits {Count} people; nothing erased")]
    private static partial void LogAmbiguous(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A recognition post could not be deleted from its channel ({Error})")]
    private static partial void LogPostNotDeleted(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Erasure did not finish ({Error}); running it again finishes it")]
    private static partial void LogFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The erasure outcome could not be posted ({Error})")]
    private static partial void LogReportFailed(ILogger logger, string error);
}
