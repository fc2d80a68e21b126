using System.Text.Json;
using System.Text.Json.Nodes;

namespace FocusBot.Tests.Support;

/// <summary>
/// Activity JSON from TestData/Activities (modelled on captured Teams payloads), with "{{name}}" placeholders filled:
/// string placeholders are JSON-escaped, {{data}} takes raw JSON.
/// </summary>
public static class ActivityJson
{
    public static string Load(string fixture, IReadOnlyDictionary<string, string> values, JsonNode? data = null)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Activities", fixture + ".json"));
        if (data is not null)
            json = json.Replace("{{data}}", data.ToJsonString(), StringComparison.Ordinal);
        foreach (var (name, value) in values)
            json = json.Replace("{{" + name + "}}", Escape(value), StringComparison.Ordinal);
        if (json.Contains("{{", StringComparison.Ordinal))
            throw new InvalidOperationException($"{fixture}: a placeholder was left unfilled: {json[json.IndexOf("{{", StringComparison.Ordinal)..][..40]}");
        return json;
    }

    /// <summary>The placeholders every fixture shares, for a person in a conversation.</summary>
    public static Dictionary<string, string> From(Person person, string serviceUrl, string conversationId) => new()
    {
        ["activityId"] = "f:" + Guid.NewGuid().ToString("N"),
        ["serviceUrl"] = serviceUrl,
        ["userId"] = person.UserId,
        ["userName"] = person.Name,
        ["aadObjectId"] = person.AadObjectId,
        ["conversationId"] = conversationId,
        ["timeZone"] = "Europe/London",
    };

    private static string Escape(string value) => JsonSerializer.Serialize(value)[1..^1];
}
