using FocusBot.Cards;
using FocusBot.Conversations;
using FocusBot.Domain.Actions;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;

namespace FocusBot.Actions;

/// <summary>What happened when an action was recorded or its status change announced.</summary>
public sealed record ActionPublished(ProgrammeAction Action, bool IsUpdate, bool Notified, string? ChannelTitle, bool ChannelPosted, int StaffQueued);

/// <summary>
/// Records a checked action and announces it: posted to the chosen channel, and queued for everyone through the delivery
/// ledger (one ledger per announced revision), which sends within Teams' rate limits.
/// </summary>
public sealed partial class ActionPublisher(
    IActionStore actions,
    TeamChannels channels,
    Announcer announcer,
    ContentTenants tenants,
    TimeProvider timeProvider,
    ILogger<ActionPublisher> logger)
{
    public async Task<ActionPublished> RecordAsync(ActionDraft draft, string tenantId, string recorderAadObjectId, ActionSponsor sponsor, ConnectorClient connector,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var action = new ProgrammeAction
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            TenantId = tenantId,
            Change = draft.Change,
            Owner = draft.Owner,
            DueDate = draft.DueDate,
            Status = draft.Status,
            Theme = draft.Theme,
            RecordedByAadObjectId = recorderAadObjectId,
            Sponsor = sponsor,
            AudienceTeamId = draft.Channel?.TeamId,
            AudienceChannelId = draft.Channel?.ConversationId,
            AllStaff = draft.AllStaff,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await actions.CreateAsync(action, cancellationToken);
        await tenants.AddAsync(tenantId, cancellationToken);
        return await AnnounceAsync(action, isUpdate: false, connector, cancellationToken);
    }

    /// <summary>Sets the status; tells staff again when <paramref name="notify"/>. Null when the action does not exist.</summary>
    public async Task<ActionPublished?> ChangeStatusAsync(string tenantId, string actionId, ActionStatus status, bool notify, ConnectorClient connector,
        CancellationToken cancellationToken)
    {
        var updated = await actions.UpdateStatusAsync(tenantId, actionId, status, timeProvider.GetUtcNow(), cancellationToken);
        if (updated is null)
            return null;
        if (!notify)
            return new ActionPublished(updated, IsUpdate: true, Notified: false, null, false, 0);
        await tenants.AddAsync(tenantId, cancellationToken);
        return await AnnounceAsync(updated, isUpdate: true, connector, cancellationToken);
    }

    private async Task<ActionPublished> AnnounceAsync(ProgrammeAction action, bool isUpdate, ConnectorClient connector, CancellationToken cancellationToken)
    {
        string? channelTitle = null;
        var posted = false;
        if (action.AudienceChannelId is { } channelId)
        {
            var channel = (await channels.ListAsync(action.TenantId, cancellationToken)).FirstOrDefault(c => c.ConversationId == channelId);
            channelTitle = channel is null ? "the team channel" : TeamChannels.TitleOf(channel);
            if (channel is not null)
            {
                var card = Activity.CreateCardMessage(ActionCard.Create(action, isUpdate).ToJsonElement(), ActionCard.Summary(action, isUpdate));
                posted = await announcer.PostAsync(channel, card, connector, cancellationToken) is not null;
            }
        }

        var queued = action.AllStaff ? await announcer.QueueForStaffAsync(ActionContent.LedgerOf(action), action.TenantId, cancellationToken) : 0;
        LogAnnounced(logger, isUpdate, posted, queued);
        return new ActionPublished(action, isUpdate, Notified: true, channelTitle, posted, queued);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Action announced (update: {IsUpdate}): channel {ChannelPosted}, {Queued} staff queued")]
    private static partial void LogAnnounced(ILogger logger, bool isUpdate, bool channelPosted, int queued);
}
