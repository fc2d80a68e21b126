using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Recording;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roles;
using FocusBot.Questions;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Questions.Support;

/// <summary>
/// A Development FocusBot host (fresh SQLite store, so the default bank is seeded) whose replies go to the Connector
/// simulator, and Ruth from the captured payloads chatting with it in her personal chat. Attached files are served by
/// <see cref="Files"/> in place of SharePoint.
/// </summary>
public sealed class QuestionsChat : IAsyncDisposable
{
    public const string PersonalChat = "a:1xYfakePersonalChatRuth";
    public const string Channel = "19:c0ffeefakechannel42@thread.tacv2";
    public const string TenantId = "3f2a9c41-5b8d-4e6f-a1c2-7d9e0b4f6a88";
    public const string RuthAadObjectId = "6c1f3a52-7d2e-4e0b-9c51-0b9a4f1d2e31";

    private QuestionsChat(ConnectorSimulator.ConnectorSimulator connector, FocusBotTestHost host, FileServerHandler files)
    {
        Connector = connector;
        Host = host;
        Files = files;
    }

    public ConnectorSimulator.ConnectorSimulator Connector { get; }

    public FocusBotTestHost Host { get; }

    public FileServerHandler Files { get; }

    public IQuestionStore Questions => Host.Services.GetRequiredService<IQuestionStore>();

    public static async Task<QuestionsChat> StartAsync(bool ruthIsHr = true)
    {
        var connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions());
        connector.AddConversation(PersonalChat, TenantId);
        connector.AddConversation(Channel, TenantId);
        var files = new FileServerHandler();
        var host = new FocusBotTestHost(configureServices: services =>
            services.AddHttpClient(QuestionFileClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => files));
        var chat = new QuestionsChat(connector, host, files);
        _ = host.Client; // starts the host: storage, then the seeder
        if (ruthIsHr)
        {
            await host.Services.GetRequiredService<IRoleStore>().GrantAsync(new RoleAssignment
            {
                TenantId = TenantId,
                AadObjectId = RuthAadObjectId,
                Role = Role.HR,
                GrantedBy = "test",
                GrantedAt = DateTimeOffset.UtcNow,
            }, CancellationToken.None);
        }

        return chat;
    }

    /// <summary>Ruth types <paramref name="text"/> in her personal chat (or in a channel), optionally with files attached.</summary>
    public async Task SayAsync(string text, string? conversationId = null, params JsonObject[] attachments)
    {
        var activity = JsonNode.Parse(ActivityFixtures.Load("message.personal", Connector.BaseUrl))!.AsObject();
        activity["id"] = "m" + Guid.NewGuid().ToString("N");
        activity["text"] = text;
        if (conversationId is not null)
        {
            activity["conversation"]!["id"] = conversationId;
            activity["conversation"]!["conversationType"] = "channel";
        }

        if (attachments.Length > 0)
            activity["attachments"] = new JsonArray([.. attachments]);
        var response = await Host.PostActivityAsync(activity.ToJsonString());
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Ruth presses a card button whose Action.Execute carries <paramref name="data"/>; returns the invoke response body.</summary>
    public async Task<JsonElement> PressAsync(string verb, JsonObject data)
    {
        var activity = JsonNode.Parse(ActivityFixtures.Load("invoke.adaptiveCardAction.personal", Connector.BaseUrl))!.AsObject();
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = data;
        var response = await Host.PostActivityAsync(activity.ToJsonString());
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static JsonObject FileAttachment(string name, string downloadUrl) => new()
    {
        ["contentType"] = QuestionFileAttachment.ContentType,
        ["contentUrl"] = "https://contoso.sharepoint.com/personal/ruth/Documents/Microsoft%20Teams%20Chat%20Files/" + name,
        ["name"] = name,
        ["content"] = new JsonObject
        {
            ["downloadUrl"] = downloadUrl,
            ["uniqueId"] = Guid.NewGuid().ToString(),
            ["fileType"] = Path.GetExtension(name).TrimStart('.'),
        },
    };

    /// <summary>The replies so far, once at least <paramref name="count"/> have arrived.</summary>
    public Task<IReadOnlyList<SentActivity>> RepliesAsync(int count = 1) => Connector.WaitForSentAsync(count, TimeSpan.FromSeconds(15));

    public static JsonElement CardOf(SentActivity sent) => sent.Activity.GetProperty("attachments")[0].GetProperty("content");

    /// <summary>All the text of a card, for asserting what a person would read.</summary>
    public static string TextOf(JsonElement card)
    {
        var texts = new List<string>();
        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "text" or "title" && property.Value.ValueKind == JsonValueKind.String)
                        texts.Add(property.Value.GetString()!);
                    else
                        Walk(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                    Walk(item);
            }
        }

        Walk(card);
        return string.Join("\n", texts);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        Files.Dispose();
    }
}
