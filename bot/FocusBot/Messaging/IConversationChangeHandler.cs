namespace FocusBot.Messaging;

/// <summary>Reacts to installs, uninstalls, members joining or leaving, and reactions.</summary>
public interface IConversationChangeHandler
{
    Task HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}
