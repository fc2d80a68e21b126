using FocusBot.Domain.Conversations;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Storage;
using FocusBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace FocusBot.Proactive;

/// <summary>
/// Sends one ledger row. The row is claimed (Pending → Sending) before the message leaves and marked Sent with the
/// activity id after, so a crash or a second instance can never send it twice: Teams' create-conversation is idempotent,
/// sending is not.
/// </summary>
public sealed partial class DeliverySender(
    IDeliveryStore deliveries,
    IConversationStore conversations,
    ConnectorClient connector,
    IOptions<DeliveryOptions> options,
    TimeProvider timeProvider,
    ILogger<DeliverySender> logger)
{
    public async Task<DeliveryStatus> SendAsync(Delivery pending, IDeliveryContent content, CancellationToken cancellationToken)
    {
        Delivery claimed;
        try
        {
            claimed = await deliveries.UpdateAsync(pending with
            {
                Status = DeliveryStatus.Sending,
                Attempts = pending.Attempts + 1,
                UpdatedAt = timeProvider.GetUtcNow(),
            }, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            return DeliveryStatus.Sending; // another sender has it
        }

        var activity = await content.CreateAsync(claimed, cancellationToken);
        if (activity is null)
            return await FinishAsync(claimed, DeliveryStatus.Failed, "skipped", null, cancellationToken);

        try
        {
            var target = await EnsureConversationAsync(claimed, cancellationToken);
            claimed = target.ConversationId == claimed.ConversationId ? claimed : await deliveries.UpdateAsync(claimed with { ConversationId = target.ConversationId }, cancellationToken);
            var sent = await connector.SendToConversationAsync(target, activity, CancellationToken.None);
            var done = await FinishAsync(claimed, DeliveryStatus.Sent, null, sent.Id, CancellationToken.None);
            await content.OnSentAsync(claimed with { Status = DeliveryStatus.Sent, ActivityId = sent.Id }, CancellationToken.None);
            return done;
        }
        catch (ConnectorException ex) when (ex.RecipientUnreachable)
        {
            LogUnreachable(logger, (int)ex.StatusCode);
            return await FinishAsync(claimed, DeliveryStatus.Blocked, $"Teams answered {(int)ex.StatusCode}", null, CancellationToken.None);
        }
        catch (DeliveryUncertainException)
        {
            // It may be in their chat already; sending again could duplicate it, so we stop here and say so.
            return await FinishAsync(claimed, DeliveryStatus.Failed, "outcome unknown (timeout or gateway error after sending)", null, CancellationToken.None);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            var retry = claimed.Attempts < options.Value.MaxAttempts;
            LogFailed(logger, ex.GetType().Name, retry);
            return await FinishAsync(claimed, retry ? DeliveryStatus.Pending : DeliveryStatus.Failed, ex.Message, null, CancellationToken.None);
        }
    }

    private async Task<DeliveryStatus> FinishAsync(Delivery claimed, DeliveryStatus status, string? reason, string? activityId, CancellationToken cancellationToken)
    {
        await deliveries.UpdateAsync(claimed with
        {
            Status = status,
            FailureReason = reason,
            ActivityId = activityId ?? claimed.ActivityId,
            UpdatedAt = timeProvider.GetUtcNow(),
        }, cancellationToken);
        return status;
    }

    private async Task<ConversationTarget> EnsureConversationAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var personal = await conversations.GetPersonalForUserAsync(delivery.TenantId, delivery.UserId, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Recipient unreachable (Teams {Status}); marked blocked")]
    private static partial void LogUnreachable(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proactive send failed ({Error}); will retry: {Retry}")]
    private static partial void LogFailed(ILogger logger, string error, bool retry);
}
