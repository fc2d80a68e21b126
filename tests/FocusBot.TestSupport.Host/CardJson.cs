using System.Text.Json;
using FocusBot.ConnectorSimulator.Recording;

namespace FocusBot.TestSupport;

/// <summary>Reads what a person would see on a card: its texts, inputs and buttons.</summary>
public static class CardJson
{
    public static JsonElement Of(SentActivity sent) => Of(sent.Activity);

    public static JsonElement Of(JsonElement activity) =>
        activity.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0
            ? attachments[0].GetProperty("content")
            : throw new InvalidOperationException("The activity has no card: " + activity.GetRawText());

    public static bool HasCard(JsonElement activity) =>
        activity.ValueKind == JsonValueKind.Object && activity.TryGetProperty("attachments", out var a) && a.ValueKind == JsonValueKind.Array && a.GetArrayLength() > 0;

    /// <summary>Every TextBlock text and Fact of the card (nested ones too), in order.</summary>
    public static IReadOnlyList<string> Texts(JsonElement card)
    {
        var texts = new List<string>();
        Walk(card, element =>
        {
            if (Type(element) == "TextBlock")
                texts.Add(element.GetProperty("text").GetString()!);
            if (element.TryGetProperty("facts", out var facts))
            {
                foreach (var fact in facts.EnumerateArray())
                    texts.Add(fact.GetProperty("title").GetString() + ": " + fact.GetProperty("value").GetString());
            }
        });
        return texts;
    }

    /// <summary>The card's text as a person reads it: markdown escapes and invisible link breakers removed.</summary>
    public static string AllText(JsonElement card) => Visible(string.Join("\n", Texts(card)));

    public static string Visible(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Replace("\u2060", string.Empty, StringComparison.Ordinal), @"\\([!-/:-@\[-`{-~])", "$1");

    /// <summary>Every Action.Execute of the card (buttons in the body and at the bottom).</summary>
    public static IReadOnlyList<JsonElement> ExecuteActions(JsonElement card)
    {
        var actions = new List<JsonElement>();
        Walk(card, element =>
        {
            if (Type(element) == "Action.Execute")
                actions.Add(element);
        });
        return actions;
    }

    public static IReadOnlyList<string> Verbs(JsonElement card) => [.. ExecuteActions(card).Select(a => a.GetProperty("verb").GetString()!)];

    /// <summary>Every input of the card (Input.Text, Input.ChoiceSet, Input.Toggle...), nested ones too, in order.</summary>
    public static IReadOnlyList<JsonElement> Inputs(JsonElement card)
    {
        var inputs = new List<JsonElement>();
        Walk(card, element =>
        {
            if (Type(element)?.StartsWith("Input.", StringComparison.Ordinal) == true)
                inputs.Add(element);
        });
        return inputs;
    }

    /// <summary>The input with this id (Input.Text, Input.ChoiceSet, Input.Toggle).</summary>
    public static JsonElement Input(JsonElement card, string id)
    {
        JsonElement? found = null;
        Walk(card, element =>
        {
            if (found is null && Type(element)?.StartsWith("Input.", StringComparison.Ordinal) == true
                && element.TryGetProperty("id", out var elementId) && elementId.GetString() == id)
                found = element;
        });
        return found ?? throw new InvalidOperationException($"The card has no input '{id}'.");
    }

    public static IReadOnlyList<(string Title, string Value)> Choices(JsonElement card, string inputId) =>
        [.. Input(card, inputId).GetProperty("choices").EnumerateArray().Select(c => (c.GetProperty("title").GetString()!, c.GetProperty("value").GetString()!))];

    private static string? Type(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;

    private static void Walk(JsonElement element, Action<JsonElement> visit)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            visit(element);
            foreach (var property in element.EnumerateObject())
                Walk(property.Value, visit);
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                Walk(item, visit);
        }
    }
}
