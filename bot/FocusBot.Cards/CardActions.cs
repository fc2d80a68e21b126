using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FocusBot.Cards;

/// <summary>A button.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction(string Title)
{
    public string? Id { get; init; }

    public string? Style { get; init; }
}

/// <summary>
/// A Universal Action: Teams sends an adaptiveCard/action invoke and shows the card we answer with. Clients that predate
/// 1.4 fall back to an Action.Submit carrying the same verb and data.
/// </summary>
public sealed record ExecuteAction(string Title, string Verb) : CardAction(Title)
{
    public JsonObject? Data { get; init; }

    /// <summary>Inputs to validate and send; "auto" (default) sends all of them.</summary>
    public string? AssociatedInputs { get; init; }

    public CardAction? Fallback { get; init; }

    /// <summary>The usual pairing: Execute, with a Submit that carries the verb in its data for older clients.</summary>
    public static ExecuteAction WithSubmitFallback(string title, string verb, JsonObject? data = null)
    {
        var submitData = data?.DeepClone().AsObject() ?? [];
        submitData["verb"] = verb;
        return new ExecuteAction(title, verb) { Data = data, Fallback = new SubmitAction(title) { Data = submitData } };
    }
}

/// <summary>A submit button: arrives as a message with the inputs in <c>value</c>.</summary>
public sealed record SubmitAction(string Title) : CardAction(Title)
{
    public JsonObject? Data { get; init; }

    public string? AssociatedInputs { get; init; }
}

/// <summary>Opens a link.</summary>
public sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title);

/// <summary>Reveals a nested card.</summary>
public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title);
