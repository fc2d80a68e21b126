using System.Text.Json;

namespace FocusBot.ConnectorSimulator.Recording;

/// <summary>
/// An activity the simulator accepted. <see cref="ActivityId"/> is the id it answered for Send and Reply, and the
/// addressed id for Update and Delete. <see cref="Activity"/> is the raw body (undefined for Delete, which has none).
/// </summary>
public sealed record SentActivity(
    string ConversationId,
    string ActivityId,
    ConnectorOperation Operation,
    JsonElement Activity,
    DateTimeOffset Time,
    string? ReplyToId = null)
{
    /// <summary>The activity's <c>type</c>, if it has one.</summary>
    public string? Type => StringProperty("type");

    /// <summary>The activity's <c>text</c>, if it has one.</summary>
    public string? Text => StringProperty("text");

    private string? StringProperty(string name) =>
        Activity.ValueKind == JsonValueKind.Object
        && Activity.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
