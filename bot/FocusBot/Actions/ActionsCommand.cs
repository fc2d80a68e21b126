using FocusBot.Commands;
using FocusBot.Domain.Actions;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;

namespace FocusBot.Actions;

/// <summary>`actions`: what follows from what staff said, for everyone.</summary>
public sealed class ActionsCommand(IActionStore actions, CommandAccess access) : ICommandHandler
{
    public BotCommand Command => CommandCatalog.Actions;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var card = await ActionCommand.ListCardAsync(turn, actions, access, 0, cancellationToken);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), ActionListCard.Title), cancellationToken);
    }
}
