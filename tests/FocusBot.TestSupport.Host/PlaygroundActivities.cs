using System.Text.Json.Nodes;
using FocusBot.Development;

namespace FocusBot.TestSupport;

/// <summary>
/// Activities as the Agents Playground sends them: opening its page installs FocusBot in the personal chat (the payload in
/// TestData/Activities/playground.installationUpdate.add.personal.json was captured from it), and typing or pressing a card's
/// button sends a message or an invoke from the same person in the same chat. Pointed at the test's Connector. Each
/// activity has an id of its own, as each page load, message and press has in the Playground: FocusBot acts once per id.
/// </summary>
public static class PlaygroundActivities
{
    /// <summary>The Playground's page opened by <paramref name="person"/> (its user by default), in their own personal chat.</summary>
    public static string OpenPersonalChat(string serviceUrl, PlaygroundPerson? person = null) => Captured(serviceUrl, person).ToJsonString();

    /// <summary><paramref name="text"/> typed in the personal chat.</summary>
    public static string Message(string serviceUrl, string text, PlaygroundPerson? person = null)
    {
        var activity = Captured(serviceUrl, person);
        activity["type"] = "message";
        activity["text"] = text;
        activity.AsObject().Remove("action");
        activity["from"]!["name"] = (person ?? PlaygroundDefaults.User).Name;
        return activity.ToJsonString();
    }

    /// <summary>
    /// A card's Action.Execute button pressed in the personal chat: <paramref name="data"/> holds the button's data and the
    /// card's input values, as Teams merges them.
    /// </summary>
    public static string Execute(string serviceUrl, string verb, JsonObject data, PlaygroundPerson? person = null)
    {
        var activity = Captured(serviceUrl, person);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        activity.AsObject().Remove("action");
        return activity.ToJsonString();
    }

    /// <summary>The personal chat of <paramref name="person"/>: the Playground's own for its user, a made-up one for the others.</summary>
    public static string ChatOf(PlaygroundPerson person) =>
        person == PlaygroundDefaults.User ? PlaygroundDefaults.PersonalConversationId : "a:test-chat-" + person.UserId;

    /// <summary>The captured install, from <paramref name="person"/> in their chat, under an id of its own.</summary>
    private static JsonNode Captured(string serviceUrl, PlaygroundPerson? person)
    {
        var activity = JsonNode.Parse(ActivityFixtures.Load("playground.installationUpdate.add.personal", serviceUrl))!;
        var who = person ?? PlaygroundDefaults.User;
        activity["id"] = Guid.NewGuid().ToString();
        activity["from"] = new JsonObject { ["id"] = who.UserId, ["aadObjectId"] = who.AadObjectId };
        activity["conversation"]!["id"] = ChatOf(who);
        return activity;
    }
}
