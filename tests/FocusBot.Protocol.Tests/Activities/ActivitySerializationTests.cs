using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Protocol.Activities;

namespace FocusBot.Protocol.Tests.Activities;

public sealed class ActivitySerializationTests
{
    // Modelled on a Teams invoke: fields we model, fields we do not (legacy, clientActivityId, isTargeted), nested unknowns.
    private const string Invoke = """
        {
          "isTargeted": false,
          "name": "adaptiveCard/action",
          "type": "invoke",
          "channelId": "msteams",
          "id": "f:1",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:abc", "name": "Ana", "aadObjectId": "a1", "userRole": "user" },
          "recipient": { "id": "28:bot", "name": "FocusBot" },
          "conversation": { "id": "a:chat", "conversationType": "personal", "tenantId": "t1" },
          "channelData": { "tenant": { "id": "t1" }, "legacy": { "replyToId": "1:xyz" }, "source": { "name": "message" } },
          "entities": [ { "type": "clientInfo", "timezone": "Asia/Tokyo", "platform": "Web" } ],
          "value": { "action": { "type": "Action.Execute", "verb": "v", "data": { "q1": "4" } }, "trigger": "manual" },
          "replyToId": "17"
        }
        """;

    [Fact]
    public void RoundTrip_UnknownFields_AreKeptEverywhere()
    {
        var activity = JsonSerializer.Deserialize(Invoke, ProtocolJsonContext.Default.Activity)!;

        var again = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Invoke), JsonNode.Parse(again)), again);
    }

    [Fact]
    public void Deserialize_TypeAnywhereAndUnknownType_DoesNotThrow()
    {
        var activity = JsonSerializer.Deserialize("""{"id":"1","type":"brandNewType","somethingElse":[1,2]}""", ProtocolJsonContext.Default.Activity)!;

        Assert.Equal("brandNewType", activity.Type);
        Assert.True(activity.ExtensionData!.ContainsKey("somethingElse"));
    }

    [Fact]
    public void TenantId_FallsBackToChannelDataTenant()
    {
        var activity = JsonSerializer.Deserialize("""{"type":"message","conversation":{"id":"c"},"channelData":{"tenant":{"id":"t-legacy"}}}""",
            ProtocolJsonContext.Default.Activity)!;

        Assert.Equal("t-legacy", activity.TenantId);
    }

    [Fact]
    public void SenderTimeZone_ComesFromLocalTimezoneOrClientInfo()
    {
        var fromEntity = JsonSerializer.Deserialize(Invoke, ProtocolJsonContext.Default.Activity)!;
        var fromField = fromEntity with { LocalTimezone = "America/Chicago" };

        Assert.Equal("Asia/Tokyo", fromEntity.SenderTimeZone);
        Assert.Equal("America/Chicago", fromField.SenderTimeZone);
    }

    [Fact]
    public void TextWithoutBotMention_RemovesOnlyTheBotsMention()
    {
        var activity = JsonSerializer.Deserialize("""
            {"type":"message","text":"<at>FocusBot</at> recognise <at>Ana</at>","recipient":{"id":"28:bot"},
             "entities":[{"type":"mention","text":"<at>FocusBot</at>","mentioned":{"id":"28:bot","name":"FocusBot"}},
                         {"type":"mention","text":"<at>Ana</at>","mentioned":{"id":"29:ana","name":"Ana"}}]}
            """, ProtocolJsonContext.Default.Activity)!;

        Assert.Equal("recognise <at>Ana</at>", activity.TextWithoutBotMention());
    }

    [Fact]
    public void ToConversationReference_CarriesTheTenantForCreateConversation()
    {
        var activity = JsonSerializer.Deserialize("""{"type":"message","serviceUrl":"https://s/","channelId":"msteams","conversation":{"id":"c"},"channelData":{"tenant":{"id":"t9"}}}""",
            ProtocolJsonContext.Default.Activity)!;

        var reference = activity.ToConversationReference();

        Assert.Equal("t9", reference.Conversation!.TenantId);
        Assert.Equal("https://s/", reference.ServiceUrl);
    }

    [Fact]
    public void InvokeResponse_SerializesTheTeamsShape()
    {
        var json = JsonSerializer.Serialize(AdaptiveCardInvokeResponse.Message("Saved"), ProtocolJsonContext.Default.AdaptiveCardInvokeResponse);

        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Saved"}""", json);
    }
}
