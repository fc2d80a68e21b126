namespace FocusBot.Messaging;

/// <summary>Notified of every text message a person sends, after it has been answered.</summary>
public interface IMessageObserver
{
    Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken);
}
