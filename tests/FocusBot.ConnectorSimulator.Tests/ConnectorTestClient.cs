using System.Net;
using System.Text;
using System.Text.Json;

namespace FocusBot.ConnectorSimulator.Tests;

/// <summary>The calls a bot makes, in raw HTTP, so the tests see exactly what a client sees.</summary>
internal sealed class ConnectorTestClient(ConnectorSimulator simulator, TimeSpan? timeout = null) : IDisposable
{
    public const string TenantId = "tenant-a";

    private readonly HttpClient _http = new()
    {
        BaseAddress = simulator.BaseUri,
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
    };

    public HttpClient Http => _http;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> CreateConversationAsync(string userId, string tenantId = TenantId) =>
        PostAsync("v3/conversations", $$"""{"isGroup":false,"bot":{"id":"28:bot"},"members":[{"id":"{{userId}}"}],"tenantId":"{{tenantId}}"}""");

    public Task<HttpResponseMessage> SendAsync(string conversationId, string text = "hello") =>
        PostAsync($"v3/conversations/{Escape(conversationId)}/activities", Message(text));

    public Task<HttpResponseMessage> ReplyAsync(string conversationId, string activityId, string text = "a reply") =>
        PostAsync($"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", Message(text));

    public Task<HttpResponseMessage> UpdateAsync(string conversationId, string activityId, string text = "updated") =>
        _http.PutAsync($"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", Json(Message(text)), Cancellation);

    public Task<HttpResponseMessage> DeleteAsync(string conversationId, string activityId) =>
        _http.DeleteAsync($"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", Cancellation);

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path, Cancellation);

    public Task<HttpResponseMessage> PostAsync(string path, string json) => _http.PostAsync(path, Json(json), Cancellation);

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> ReadIdAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.Created)
    {
        Assert.Equal(expected, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }

    public static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response) =>
        (await ReadJsonAsync(response)).GetProperty("error").GetProperty("code").GetString();

    public static string Escape(string segment) => Uri.EscapeDataString(segment);

    public void Dispose() => _http.Dispose();

    private static string Message(string text) => $$"""{"type":"message","text":"{{text}}"}""";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
