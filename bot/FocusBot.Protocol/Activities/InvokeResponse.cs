using System.Text.Json;

namespace FocusBot.Protocol.Activities;

/// <summary>The body of the HTTP response to an adaptiveCard/action invoke.</summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonElement Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static AdaptiveCardInvokeResponse Card(JsonElement card) => new(200, CardType, card);

    public static AdaptiveCardInvokeResponse Message(string text) =>
        new(200, MessageType, JsonSerializer.SerializeToElement(text, ProtocolJsonContext.Default.String));

    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, JsonSerializer.SerializeToElement(new InvokeError(code, message), ProtocolJsonContext.Default.InvokeError));
}

/// <summary>The error value of an invoke response.</summary>
public sealed record InvokeError(string Code, string Message);

/// <summary>The value of an adaptiveCard/action invoke.</summary>
public sealed record AdaptiveCardInvokeValue(AdaptiveCardInvokeAction? Action, string? Trigger);

/// <summary>The action inside an adaptiveCard/action invoke.</summary>
public sealed record AdaptiveCardInvokeAction(string? Type, string? Id, string? Verb, string? Title, JsonElement? Data);
