using FocusBot.Domain.Conversations;
using FocusBot.Domain.Trends;
using FocusBot.Help;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;

namespace FocusBot.Conversations;

/// <summary>
/// Remembers where FocusBot is installed (personal chats and teams) so it can message people later, forgets on uninstall,
/// and welcomes a person who installs it.
/// </summary>
public sealed partial class InstallationHandler(IConversationStore conversations, PrivacyThresholds privacy, TimeProvider timeProvider,
    ILogger<InstallationHandler> logger)
    : IConversationChangeHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Type == ActivityTypes.InstallationUpdate)
        {
            if (activity.Action is InstallationActions.Remove or InstallationActions.RemoveUpgrade)
                await ForgetAsync(turn, cancellationToken);
            else if (activity.Action is InstallationActions.Add or InstallationActions.AddUpgrade)
            {
                await RememberAsync(turn, cancellationToken);
                // installationUpdate "add" is the install itself (Teams also sends a conversationUpdate): welcome once, here.
                if (activity.Action == InstallationActions.Add && activity.Conversation?.ConversationType is ConversationTypes.Personal or null)
                    await turn.SendAsync(Activity.CreateCardMessage(WelcomeCard.Create(privacy.MinimumGroupSize).ToJsonElement(), WelcomeCard.Title), cancellationToken);
            }
        }
        else if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            var botId = activity.Recipient?.Id;
            if (activity.MembersAdded?.Any(m => m.Id == botId) == true)
                await RememberAsync(turn, cancellationToken);
            else if (activity.MembersRemoved?.Any(m => m.Id == botId) == true)
                await ForgetAsync(turn, cancellationToken);
        }
    }

    private async Task RememberAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var existing = await conversations.GetAsync(turn.TenantId, turn.Conversation.ConversationId, cancellationToken);
        if (ConversationRecords.FromActivity(turn.Activity, timeProvider.GetUtcNow(), existing) is not { } record)
        {
            LogIncomplete(logger);
            return;
        }

        await conversations.UpsertAsync(record, cancellationToken);
        LogRemembered(logger, record.Kind);
    }

    private async Task ForgetAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var removed = turn.Activity.ChannelData?.Team?.Id is { Length: > 0 } teamId
            ? await conversations.RemoveTeamAsync(turn.TenantId, teamId, cancellationToken)
            : await conversations.RemoveAsync(turn.TenantId, turn.Conversation.ConversationId, cancellationToken) ? 1 : 0;
        LogForgotten(logger, removed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Installation remembered ({Kind})")]
    private static partial void LogRemembered(ILogger logger, ConversationKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uninstalled: {Count} conversation reference(s) removed")]
    private static partial void LogForgotten(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Install event lacked tenant, conversation, serviceUrl or bot id; not stored")]
    private static partial void LogIncomplete(ILogger logger);
}
