using System.Security.Cryptography;
using System.Text;
using FocusBot.Domain.Inbound;
using FocusBot.Protocol.Activities;

namespace FocusBot.Messaging;

/// <summary>
/// Lets an inbound activity act once however often Teams delivers it: Teams retries a delivery whose answer was slow or
/// lost, with the same activity id, and without this a recognition or insight would be posted once per delivery.
/// </summary>
public sealed partial class ReplayGuard(IInboundActivityStore marks, ILogger<ReplayGuard> logger)
{
    /// <summary>Teams retries within minutes; two days covers any retry and a clock that is a day off.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);

    public const string AlreadyDone = "FocusBot already has this; nothing more to do.";

    public async Task<TurnResult> RouteOnceAsync(TurnContext turn, Func<TurnContext, CancellationToken, Task<TurnResult>> route,
        CancellationToken cancellationToken)
    {
        // Without an id there is nothing to recognise a retry by: handle it as it comes.
        if (KeyOf(turn.Activity) is not { } key)
            return await route(turn, cancellationToken);

        // Marked before acting, with one atomic insert-if-absent, so two deliveries at the same moment cannot both act;
        // marking after success would let both run while neither had finished.
        if (!await marks.TryMarkAsync(key, Retention, cancellationToken))
        {
            LogReplay(logger, turn.Activity.Type);
            return AnswerToReplay(turn.Activity);
        }

        try
        {
            var result = await route(turn, cancellationToken);
            if (Failed(result))
                await UnmarkAsync(key);
            return result;
        }
        catch
        {
            // A failed attempt must not swallow the retry that could succeed: the mark goes, and the next delivery acts.
            // The price: a handler that stored something before it failed stores it again on the retry. A record kept
            // twice after a failure is the lesser harm than a recognition that is never posted at all.
            await UnmarkAsync(key);
            throw;
        }
    }

    /// <summary>
    /// A hash of tenant, conversation and activity id: enough to tell one delivery from another, and no ids in clear at rest.
    /// </summary>
    internal static string? KeyOf(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.Id) || activity.Conversation?.Id is not { } conversation)
            return null;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{activity.TenantId}\n{conversation}\n{activity.Id}"));
        return Convert.ToHexStringLower(hash);
    }

    // 200 with nothing posted is what Teams expects of a repeated message. A repeated card action gets a short message
    // instead of the card: the card answer was made by the first delivery, and re-running the handler to rebuild it
    // would be acting twice.
    private static TurnResult AnswerToReplay(Activity activity) =>
        activity.Type == ActivityTypes.Invoke && activity.Name == InvokeNames.AdaptiveCardAction
            ? TurnResult.Invoke(AdaptiveCardInvokeResponse.Message(AlreadyDone))
            : TurnResult.Ok;

    // An invoke that ran out of its budget or hit a server error was answered with an error, not an exception: it did
    // not finish either, so a retry may act.
    private static bool Failed(TurnResult result) =>
        result.StatusCode >= StatusCodes.Status500InternalServerError || result.InvokeResponse?.StatusCode >= StatusCodes.Status500InternalServerError;

    private async Task UnmarkAsync(string key)
    {
        try
        {
            // Not the request's token: a caller that hung up is exactly the case whose retry must be let through.
            await marks.UnmarkAsync(key, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogUnmarkFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Repeated {Type} activity ignored: it was delivered before")]
    private static partial void LogReplay(ILogger logger, string? type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clear the mark of a failed activity ({ExceptionType}): its retry will be ignored until the mark expires")]
    private static partial void LogUnmarkFailed(ILogger logger, string exceptionType);
}
