using FocusBot.Commands;

namespace FocusBot.Messaging;

/// <summary>Answers a command a person typed (the first words of a message).</summary>
public interface ICommandHandler
{
    BotCommand Command { get; }

    Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken);
}
