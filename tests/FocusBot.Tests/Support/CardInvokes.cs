using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.TestSupport;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.Support;

/// <summary>A card button pressed in a person's personal chat, through POST /api/messages, and the invoke's answer.</summary>
public static class CardInvokes
{
    public static async Task<JsonElement> InvokeInChatAsync(this FocusBotTestHost host, string serviceUrl, string userId, string verb, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(host);
        var response = await host.PostActivityAsync(Execute(serviceUrl, userId, ChatOf(userId), verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }
}
