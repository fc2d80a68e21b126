using System.Text.Json.Nodes;

namespace FocusBot.TestSupport;

/// <summary>Builds Teams activities shaped like the captured ones (see TestData/Activities) for people a test invents.</summary>
public static class TeamsActivities
{
    public const string BotId = "28:" + FocusBotTestHost.AppId;
    public const string TenantId = "3f2a9c41-5b8d-4e6f-a1c2-7d9e0b4f6a88";

    public static string ChatOf(string userId) => "a:chat-" + userId[3..];

    public static string PersonalInstall(string serviceUrl, string userId, string name, string timeZone) =>
        PersonalInstall(serviceUrl, TenantId, BotId, userId, name, ChatOf(userId), timeZone);

    /// <summary>The same install in a tenant, to a bot and in a chat of the caller's choosing (the benchmarks' own).</summary>
    public static string PersonalInstall(string serviceUrl, string tenantId, string botId, string userId, string name, string chatId, string timeZone) => new JsonObject
    {
        ["type"] = "installationUpdate",
        ["action"] = "add",
        ["id"] = "f:" + Guid.NewGuid(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["localTimezone"] = timeZone,
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = name, ["aadObjectId"] = AadOf(userId) },
        ["recipient"] = new JsonObject { ["id"] = botId, ["name"] = "FocusBot" },
        ["conversation"] = new JsonObject { ["id"] = chatId, ["conversationType"] = "personal", ["tenantId"] = tenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
    }.ToJsonString();

    public static string TeamInstall(string serviceUrl, string teamId, string teamName) => new JsonObject
    {
        ["type"] = "conversationUpdate",
        ["id"] = "f:" + Guid.NewGuid(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }),
        ["from"] = new JsonObject { ["id"] = "29:installer" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "FocusBot" },
        ["conversation"] = new JsonObject { ["id"] = teamId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = teamId, ["name"] = teamName },
            ["eventType"] = "teamMemberAdded",
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        },
    }.ToJsonString();

    public static string Message(string serviceUrl, string userId, string text) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = "m" + Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = userId, ["aadObjectId"] = AadOf(userId) },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "FocusBot" },
        ["conversation"] = new JsonObject { ["id"] = ChatOf(userId), ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    }.ToJsonString();

    /// <summary>A message in a team channel, where Teams only passes on what @mentions the bot: the mention leads the text.</summary>
    public static string ChannelMessage(string serviceUrl, string userId, string channelId, string text) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = "m" + Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["text"] = "<at>FocusBot</at> " + text,
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "FocusBot" },
            ["text"] = "<at>FocusBot</at>",
        }),
        ["from"] = new JsonObject { ["id"] = userId, ["aadObjectId"] = AadOf(userId) },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "FocusBot" },
        ["conversation"] = new JsonObject { ["id"] = channelId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject
        {
            ["channel"] = new JsonObject { ["id"] = channelId },
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        },
    }.ToJsonString();

    /// <summary>An Action.Execute press: <paramref name="data"/> holds the card's data and input values.</summary>
    public static string Execute(string serviceUrl, string userId, string conversationId, string verb, JsonObject data, string? replyToId = null) => new JsonObject
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = "f:" + Guid.NewGuid(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = userId, ["aadObjectId"] = AadOf(userId) },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "FocusBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["replyToId"] = replyToId,
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        },
    }.ToJsonString();

    /// <summary>A stable fake Entra object id per user.</summary>
    public static string AadOf(string userId) => new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId))[..16]).ToString();
}
