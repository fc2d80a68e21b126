namespace FocusBot.Development;

/// <summary>
/// The made-up organisation the Microsoft 365 Agents Playground (npm 0.2.28) plays when it has no
/// .m365agentsplayground.yml: one tenant, the person chatting (Alex Wilber), five colleagues and one team. FocusBot needs
/// them to give Alex roles and to know the team before Alex has opened its channel. Its ids are not what Teams uses: the
/// object ids have 13 digits in their last group, so they are not GUIDs, and the team id is not 19:…@thread.tacv2.
/// </summary>
public static class PlaygroundDefaults
{
    public const string TenantId = "00000000-0000-0000-0000-0000000000001";

    /// <summary>The bot's id in the Playground's activities (their recipient).</summary>
    public const string BotId = "00000000-0000-0000-0000-00000000000011";

    /// <summary>The person chatting in the Playground's page.</summary>
    public static readonly PlaygroundPerson User = new("user-id-0", "00000000-0000-0000-0000-0000000000020", "Alex Wilber");

    /// <summary>Everyone in the Playground's team, the person chatting first.</summary>
    public static readonly IReadOnlyList<PlaygroundPerson> TeamMembers =
    [
        User,
        new("user-id-1", "00000000-0000-0000-0000-0000000000021", "Megan Bowen"),
        new("user-id-2", "00000000-0000-0000-0000-0000000000022", "Adele Vance"),
        new("user-id-3", "00000000-0000-0000-0000-0000000000023", "Isaiah Langer"),
        new("user-id-4", "00000000-0000-0000-0000-0000000000024", "Patti Fernandez"),
        new("user-id-5", "00000000-0000-0000-0000-0000000000025", "Lynne Robbins"),
    ];

    /// <summary>The team's id, which is also the conversation id of its General channel (as in Teams).</summary>
    public const string TeamId = "team-id";

    public const string TeamName = "My Team";

    public const string GeneralChannelName = "General";

    /// <summary>
    /// The personal chat's conversation id FocusBot's launcher asks the Playground to use. Left to itself the Playground
    /// makes up a new one on every start, and a pulse sent to the chat FocusBot stored on an earlier run gets a 404.
    /// </summary>
    public const string PersonalConversationId = "a:focusbot-playground-personal-chat";

    /// <summary>Where the Playground on <paramref name="port"/> serves the Bot Connector API (its activities' serviceUrl).</summary>
    public static string ConnectorUrl(int port) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://localhost:{port}/_connector");
}

/// <summary>One person of the Playground's organisation: Teams user id, Entra object id as it gives it, and name.</summary>
public sealed record PlaygroundPerson(string UserId, string AadObjectId, string Name);
