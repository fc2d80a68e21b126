using FocusBot.Commands;
using FocusBot.Protocol.Activities;

namespace FocusBot.Messaging;

/// <summary>
/// The one rule for commands that only run in a person's own chat with FocusBot (every command not listed for teams):
/// what they show or ask for is for that person alone (figures, comments, signed report links, forms, the question bank,
/// an erasure), so typed in a channel or a group chat they do not run, and the person is told where to type them.
/// An activity without a conversation type is not taken for a personal chat.
/// </summary>
public static class PersonalChatOnly
{
    public static bool IsPersonal(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Conversation?.ConversationType == ConversationTypes.Personal;
    }

    /// <summary>Whether <paramref name="command"/> may run where <paramref name="activity"/> was sent.</summary>
    public static bool Allows(BotCommand command, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Scopes.HasFlag(BotCommandScope.Team) || IsPersonal(activity);
    }

    public static string GoThere(BotCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return $"Please type {command.Name} in your personal chat with FocusBot: what it shows or asks for is for you alone, not for everyone here.";
    }
}
