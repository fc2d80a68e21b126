using System.Text.Json.Nodes;
using FocusBot.Development;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Support;

/// <summary>
/// Activities as the Agents Playground sends them: opening its page installs FocusBot in the personal chat (the payload in
/// TestData/Activities/playground.installationUpdate.add.personal.json was captured from it), and typing sends a message
/// from the same person in the same chat. Pointed at the test's Connector.
/// </summary>
public static class PlaygroundActivities
{
    /// <summary>The Playground's page opened by <paramref name="person"/> (its user by default), in their own personal chat.</summary>
    public static string OpenPersonalChat(string serviceUrl, PlaygroundPerson? person = null) =>
        AsPerson(JsonNode.Parse(ActivityFixtures.Load("playground.installationUpdate.add.personal", serviceUrl))!, person).ToJsonString();

    /// <summary><paramref name="text"/> typed in the personal chat.</summary>
    public static string Message(string serviceUrl, string text, PlaygroundPerson? person = null)
    {
        var activity = AsPerson(JsonNode.Parse(ActivityFixtures.Load("playground.installationUpdate.add.personal", serviceUrl))!, person);
        activity["type"] = "message";
        activity["id"] = Guid.NewGuid().ToString();
        activity["text"] = text;
        activity.AsObject().Remove("action");
        activity["from"]!["name"] = (person ?? PlaygroundDefaults.User).Name;
        return activity.ToJsonString();
    }

    /// <summary>The personal chat of <paramref name="person"/>: the Playground's own for its user, a made-up one for the others.</summary>
    public static string ChatOf(PlaygroundPerson person) =>
        person == PlaygroundDefaults.User ? PlaygroundDefaults.PersonalConversationId : "a:test-chat-" + person.UserId;

    private static JsonNode AsPerson(JsonNode activity, PlaygroundPerson? person)
    {
        var who = person ?? PlaygroundDefaults.User;
        activity["from"] = new JsonObject { ["id"] = who.UserId, ["aadObjectId"] = who.AadObjectId };
        activity["conversation"]!["id"] = ChatOf(who);
        return activity;
    }
}
