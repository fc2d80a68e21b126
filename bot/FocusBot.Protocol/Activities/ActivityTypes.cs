namespace FocusBot.Protocol.Activities;

/// <summary>Activity type names (compared ordinally, spec A2011).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string Typing = "typing";
}

/// <summary>Invoke names FocusBot answers.</summary>
public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
}

/// <summary>installationUpdate actions, including the Teams upgrade variants.</summary>
public static class InstallationActions
{
    public const string Add = "add";
    public const string AddUpgrade = "add-upgrade";
    public const string Remove = "remove";
    public const string RemoveUpgrade = "remove-upgrade";
}

/// <summary>Entity type names.</summary>
public static class EntityTypes
{
    public const string Mention = "mention";
    public const string ClientInfo = "clientInfo";
}

/// <summary>Teams conversation types.</summary>
public static class ConversationTypes
{
    public const string Personal = "personal";
    public const string Channel = "channel";
    public const string GroupChat = "groupChat";
}
