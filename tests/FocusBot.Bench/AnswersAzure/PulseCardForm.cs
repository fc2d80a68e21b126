using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Bench.Pulses;
using FocusBot.Pulses;

namespace FocusBot.Bench.AnswersAzure;

/// <summary>
/// The pulse form as a person's Teams client received it, read from the card the host sent (not from the host's types):
/// hosts built from earlier commits are answered exactly as their own cards ask. Pressing "Submit answers" sends the
/// Action.Execute's data with every input's value added, as Teams does.
/// </summary>
internal sealed class PulseCardForm
{
    private readonly JsonObject _data;
    private readonly List<(string Id, string[] Choices)> _inputs;

    private PulseCardForm(JsonObject data, List<(string Id, string[] Choices)> inputs)
    {
        _data = data;
        _inputs = inputs;
    }

    /// <summary>The question ids the form asks, in order: the variants compared must ask the same.</summary>
    public string Questions => string.Join(' ', _inputs.Select(i => i.Id[PulseCard.InputPrefix.Length..]));

    /// <summary>Reads the form out of a sent activity, or null when it holds no pulse form.</summary>
    public static PulseCardForm? From(JsonElement activity)
    {
        JsonObject? data = null;
        var inputs = new List<(string Id, string[] Choices)>();
        Walk(JsonNode.Parse(activity.GetRawText()), node =>
        {
            var type = (string?)node["type"];
            if (type == "Action.Execute" && (string?)node["verb"] == PulseCard.AnswerVerb && node["data"] is JsonObject found)
                data = found;
            else if (type is "Input.ChoiceSet" or "Input.Text" && (string?)node["id"] is { } id && id.StartsWith(PulseCard.InputPrefix, StringComparison.Ordinal))
                inputs.Add((id, node["choices"] is JsonArray choices ? [.. choices.Select(c => (string)c!["value"]!)] : []));
        });
        return data is null || inputs.Count == 0 ? null : new PulseCardForm(data, inputs);
    }

    /// <summary>
    /// The invoke of <paramref name="user"/> answering every item; choices vary from person to person (the n-th person
    /// picks choice n of each scale, round the scale), so the trend counters see a spread of values, as from real people.
    /// </summary>
    public string AnswerInvoke(string serviceUrl, string tenantId, string user, int n)
    {
        var data = (JsonObject)_data.DeepClone();
        foreach (var (id, choices) in _inputs)
            data[id] = choices.Length == 0 ? AnswerTraffic.FreeTextAnswer : choices[n % choices.Length];
        return AnswerTraffic.ActionInvoke(serviceUrl, tenantId, user, PulseCard.AnswerVerb, data);
    }

    private static void Walk(JsonNode? node, Action<JsonObject> visit)
    {
        switch (node)
        {
            case JsonObject item:
                visit(item);
                foreach (var (_, child) in item)
                    Walk(child, visit);
                break;
            case JsonArray items:
                foreach (var child in items)
                    Walk(child, visit);
                break;
        }
    }
}
