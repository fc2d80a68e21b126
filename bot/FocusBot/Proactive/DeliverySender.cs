using System.Net;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Storage;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;
using FocusBot.Telemetry;
using Microsoft.Extensions.Options;

namespace FocusBot.Proactive;

/// <summary>
/// Sends one ledger row, at least once. The row is claimed (Pending → Sending) only when its request is about to leave,
/// after pacing, so a crash leaves in Sending only what may really have reached the person, and the next sender puts
/// those back to Pending (<see cref="DeliveryWorker"/>). The claim is a compare-and-swap: two senders never both send a
/// row. Teams' create-conversation is idempotent, so it happens before the claim. A row's request posts a message, or
/// replaces or deletes the one the row names (<see cref="IDeliveryContent.OperationOf"/>), under the same rules.
/// </summary>
public sealed partial class DeliverySender(
    IDeliveryStore deliveries,
    IConversationStore conversations,
    DeliveryChats chats,
    ConnectorClient connector,
    IOptions<DeliveryOptions> options,
    TimeProvider timeProvider,
    ILogger<DeliverySender> logger)
{
    /// <summary>
    /// Sends <paramref name="pending"/> unless <paramref name="mayClaim"/> says no when its turn comes (the sender is
    /// stopping or lost its lease): the row is then left Pending for whoever sends next.
    /// </summary>
    public async Task<DeliveryStatus> SendAsync(Delivery pending, IDeliveryContent content, Func<bool> mayClaim, CancellationToken cancellationToken)
    {
        var send = new InFlightSend(pending);
        using var span = FocusBotTelemetry.StartSend(pending.LedgerId);
        try
        {
            var operation = content.OperationOf(pending.LedgerId);
            var activity = operation == DeliveryOperation.Delete ? null : await content.CreateAsync(pending, cancellationToken);
            if (activity is null && operation != DeliveryOperation.Delete)
            {
                send.Outcome = FocusBotTelemetry.SendOutcomes.Skipped;
                return await FinishAsync(send, DeliveryStatus.Failed, "skipped");
            }

            var target = operation == DeliveryOperation.Send ? await EnsureConversationAsync(pending, cancellationToken) : await ChatOfMessageAsync(pending, cancellationToken);
            if (target is null)
            {
                send.Outcome = FocusBotTelemetry.SendOutcomes.Blocked;
                return await FinishAsync(send, DeliveryStatus.Blocked, "FocusBot no longer has this conversation or message");
            }

            Func<SendDeparture, CancellationToken, ValueTask> claim = (departure, token) => ClaimOnDepartureAsync(send, departure, target, mayClaim, token);
            var activityId = operation switch
            {
                DeliveryOperation.Send => (await connector.SendToConversationAsync(target, activity!, claim, CancellationToken.None)).Id,
                DeliveryOperation.Update => (await connector.UpdateActivityAsync(target, pending.ActivityId!, activity!, claim, CancellationToken.None)).Id ?? pending.ActivityId,
                _ => await DeleteAsync(target, pending.ActivityId!, claim),
            };
            send.Outcome = FocusBotTelemetry.SendOutcomes.Delivered;
            var done = await FinishAsync(send, DeliveryStatus.Sent, null, activityId);
            // When another sender has taken the row over, it sends again and reports the delivery itself: report it once.
            if (!send.Overtaken)
                await content.OnSentAsync(send.Row with { Status = DeliveryStatus.Sent, ActivityId = activityId }, CancellationToken.None);
            return done;
        }
        catch (ConcurrencyException) when (!send.Claimed)
        {
            return DeliveryStatus.Sending; // another sender has it
        }
        catch (OperationCanceledException) when (!send.Claimed)
        {
            return DeliveryStatus.Pending; // not our turn any more: left for the next sender, untouched
        }
        catch (ConnectorException ex) when (ex.RecipientUnreachable)
        {
            LogUnreachable(logger, (int)ex.StatusCode);
            send.Outcome = FocusBotTelemetry.SendOutcomes.Blocked;
            return await FinishAsync(send, DeliveryStatus.Blocked, $"Teams answered {(int)ex.StatusCode}");
        }
        catch (ConnectorException ex) when (IsFinal(ex.StatusCode))
        {
            LogRefused(logger, (int)ex.StatusCode);
            send.Outcome = FocusBotTelemetry.SendOutcomes.Refused;
            return await FinishAsync(send, DeliveryStatus.Failed, ex.Message);
        }
        catch (Exception ex) when (ConnectorFailure.IsFailedCall(ex))
        {
            // Still failing after the client's own retries: the next pass tries again, up to MaxAttempts in all.
            if (ex is DeliveryUncertainException or ConnectorException { StatusCode: HttpStatusCode.InternalServerError })
                send.UnknownOutcomes++;
            var retry = send.Row.Attempts + (send.Claimed ? 0 : 1) < options.Value.MaxAttempts;
            LogFailed(logger, ex.GetType().Name, retry);
            send.Outcome = ex is ConnectorException { StatusCode: HttpStatusCode.TooManyRequests }
                ? FocusBotTelemetry.SendOutcomes.Throttled
                : FocusBotTelemetry.SendOutcomes.Failed;
            send.WillRetry = retry;
            return await FinishAsync(send, retry ? DeliveryStatus.Pending : DeliveryStatus.Failed, ex.Message);
        }
        finally
        {
            FocusBotTelemetry.RecordSend(span, pending.LedgerId, send.Outcome, send.WillRetry);
        }
    }

    // Other 4xx mean Teams refused the message itself (bad request, too large): sending it again changes nothing.
    private static bool IsFinal(HttpStatusCode status) =>
        status is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError
            and not (HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestTimeout);

    private async ValueTask ClaimOnDepartureAsync(InFlightSend send, SendDeparture departure, ConversationTarget target, Func<bool> mayClaim,
        CancellationToken cancellationToken)
    {
        if (send.Claimed)
        {
            if (departure.RepeatsUnknownOutcome)
                send.UnknownOutcomes++;
            return;
        }

        if (!mayClaim())
            throw new OperationCanceledException("The sender stopped before this message's turn.");
        send.Row = await deliveries.UpdateAsync(send.Row with
        {
            Status = DeliveryStatus.Sending,
            Attempts = send.Row.Attempts + 1,
            ConversationId = target.ConversationId,
            UpdatedAt = timeProvider.GetUtcNow(),
        }, cancellationToken);
        send.Claimed = true;
    }

    private async Task<DeliveryStatus> FinishAsync(InFlightSend send, DeliveryStatus status, string? reason, string? activityId = null)
    {
        var now = timeProvider.GetUtcNow();
        try
        {
            await deliveries.UpdateAsync(send.Row with
            {
                Status = status,
                FailureReason = reason,
                ActivityId = activityId ?? send.Row.ActivityId,
                SentAt = status == DeliveryStatus.Sent ? now : send.Row.SentAt,
                Attempts = send.Claimed ? send.Row.Attempts : send.Row.Attempts + 1,
                UncertainSends = send.Row.UncertainSends + send.UnknownOutcomes,
                UpdatedAt = now,
            }, CancellationToken.None);
        }
        catch (ConcurrencyException)
        {
            // A sender that took over thought ours had died and put the row back; it sends again, and counts the repeat.
            send.Overtaken = true;
            LogOvertaken(logger);
        }

        return status;
    }

    private async Task<string?> DeleteAsync(ConversationTarget target, string activityId, Func<SendDeparture, CancellationToken, ValueTask> claim)
    {
        await connector.DeleteActivityAsync(target, activityId, claim, CancellationToken.None);
        return activityId;
    }

    // A change needs the message's id and the chat it is in; without them there is nothing FocusBot can change.
    private async Task<ConversationTarget?> ChatOfMessageAsync(Delivery delivery, CancellationToken cancellationToken) =>
        delivery.ActivityId is null || delivery.ConversationId is null ? null : await chats.FindAsync(delivery, cancellationToken);

    // The row's own conversation (a team channel, or the person's chat it was addressed to), else the person's chat, else a
    // new one; null for a conversation FocusBot is no longer in.
    private async Task<ConversationTarget?> EnsureConversationAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (await chats.FindAsync(delivery, cancellationToken) is { } known)
            return known;
        if (delivery.IsToConversation)
            return null;
        // The chat the row named is gone: the person's chat as FocusBot knows it now (FindAsync looked for it already otherwise).
        var personal = delivery.ConversationId is null ? null : await conversations.GetPersonalForUserAsync(delivery.TenantId, delivery.UserId, cancellationToken);
        if (personal is not null)
            return new ConversationTarget(personal.ServiceUrl, delivery.TenantId, personal.ConversationId);

        // A team member who never opened FocusBot's chat: Teams creates (or finds) the 1:1 for us, and we keep it.
        var install = await TeamInstallAsync(delivery.TenantId, cancellationToken)
            ?? throw new InvalidOperationException("No installation in this tenant to reach the recipient through.");
        var created = await connector.CreatePersonalConversationAsync(install.ServiceUrl, delivery.TenantId, delivery.UserId, install.BotId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        await conversations.UpsertAsync(new ConversationRecord
        {
            TenantId = delivery.TenantId,
            ConversationId = created.Id!,
            Kind = ConversationKind.Personal,
            ServiceUrl = install.ServiceUrl,
            BotId = install.BotId,
            UserId = delivery.UserId,
            InstalledAt = now,
            UpdatedAt = now,
        }, cancellationToken);
        return new ConversationTarget(install.ServiceUrl, delivery.TenantId, created.Id!);
    }

    private async Task<ConversationRecord?> TeamInstallAsync(string tenantId, CancellationToken cancellationToken)
    {
        await foreach (var team in conversations.ListTeamsAsync(cancellationToken))
        {
            if (team.TenantId == tenantId)
                return team;
        }

        return null;
    }

    /// <summary>
    /// The row as last stored, whether this sender has claimed it, the repeats after unknown outcomes so far, whether
    /// another sender took the row over meanwhile, and how the send ended.
    /// </summary>
    private sealed class InFlightSend(Delivery row)
    {
        public Delivery Row { get; set; } = row;

        public bool Claimed { get; set; }

        public int UnknownOutcomes { get; set; }

        public bool Overtaken { get; set; }

        /// <summary>How the send ended, for telemetry; deferred until something was sent or refused.</summary>
        public string Outcome { get; set; } = FocusBotTelemetry.SendOutcomes.Deferred;

        public bool WillRetry { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recipient unreachable (Teams {Status}); marked blocked")]
    private static partial void LogUnreachable(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams refused the message ({Status}); not retried")]
    private static partial void LogRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proactive send failed ({Error}); will retry: {Retry}")]
    private static partial void LogFailed(ILogger logger, string error, bool retry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sender that took over had already put this message back in the queue; it will be sent again")]
    private static partial void LogOvertaken(ILogger logger);
}
