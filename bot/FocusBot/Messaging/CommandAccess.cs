using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Protocol.Activities;
using FocusBot.Roles;

namespace FocusBot.Messaging;

/// <summary>Works out <see cref="CommandsForReader"/> for the person who sent an activity, where they sent it.</summary>
public sealed class CommandAccess(RoleResolver roles)
{
    private const string DefaultBotName = "FocusBot";

    public async Task<CommandsForReader> ForAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var from = turn.Activity.From;
        var held = await roles.GetRolesAsync(turn.TenantId, from?.AadObjectId, from?.Id, cancellationToken);
        if (turn.Activity.Conversation?.ConversationType == ConversationTypes.Personal)
            return new CommandsForReader(held, BotCommandScope.Personal, null);
        // Teams passes a channel message to FocusBot only when it mentions FocusBot, by the name the app has in this tenant.
        var name = turn.Activity.Recipient?.Name is { Length: > 0 } given ? CardText.MentionName(given) : DefaultBotName;
        return new CommandsForReader(held, BotCommandScope.Team, "@" + name);
    }
}
