using System.Text.Json;
using FocusBot.Commands;
using FocusBot.Domain.Roles;
using FocusBot.Protocol;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;
using FocusBot.Roles;

namespace FocusBot.Messaging;

/// <summary>What the HTTP response to an inbound activity should be.</summary>
public sealed record TurnResult(int StatusCode, AdaptiveCardInvokeResponse? InvokeResponse = null)
{
    public static readonly TurnResult Ok = new(StatusCodes.Status200OK);
    public static readonly TurnResult NotImplemented = new(StatusCodes.Status501NotImplemented);

    public static TurnResult Invoke(AdaptiveCardInvokeResponse response) => new(StatusCodes.Status200OK, response);
}

/// <summary>Sends each inbound activity to the handler for its type, command, card verb or event.</summary>
public sealed partial class ActivityRouter(
    IEnumerable<ICommandHandler> commands,
    IEnumerable<ICardActionHandler> cardActions,
    IEnumerable<IConversationChangeHandler> conversationChanges,
    IEnumerable<IMessageObserver> messageObservers,
    RoleResolver roles,
    CommandAccess access,
    ILogger<ActivityRouter> logger)
{
    // Teams gives an invoke about 5 s; answer before that even if a handler is slow.
    private static readonly TimeSpan InvokeBudget = TimeSpan.FromSeconds(4.5);

    // Every name and alias of every command, longest first, so "insights" is not read as "insight" plus an argument.
    private readonly (string Name, ICommandHandler Handler)[] _commands =
        [.. commands.SelectMany(h => h.Command.Aliases.Prepend(h.Command.Name).Select(name => (Name: name, Handler: h))).OrderByDescending(c => c.Name.Length)];

    private readonly Dictionary<string, ICardActionHandler> _verbs = cardActions
        .SelectMany(h => h.Verbs.Select(v => (Verb: v, Handler: h)))
        .ToDictionary(x => x.Verb, x => x.Handler, StringComparer.Ordinal);

    public async Task<TurnResult> RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message when activity.Value is { ValueKind: JsonValueKind.Object } value:
                await HandleSubmitAsync(turn, value, cancellationToken);
                return TurnResult.Ok;
            case ActivityTypes.Message:
                await HandleTextAsync(turn, cancellationToken);
                foreach (var observer in messageObservers)
                    await observer.OnMessageAsync(turn, cancellationToken);
                return TurnResult.Ok;
            case ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction:
                return TurnResult.Invoke(await HandleExecuteAsync(turn, cancellationToken));
            case ActivityTypes.Invoke:
                LogUnknownInvoke(logger, activity.Name);
                return TurnResult.NotImplemented;
            case ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate or ActivityTypes.MessageReaction:
                foreach (var handler in conversationChanges)
                    await handler.HandleAsync(turn, cancellationToken);
                return TurnResult.Ok;
            default:
                LogIgnored(logger, activity.Type);
                return TurnResult.Ok;
        }
    }

    private async Task HandleTextAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = turn.Activity.TextWithoutBotMention() ?? string.Empty;
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var (name, handler) in _commands)
        {
            if (text.Equals(name, StringComparison.OrdinalIgnoreCase)
                || text.StartsWith(name + " ", StringComparison.OrdinalIgnoreCase))
            {
                if (!handler.Command.IsAllowedFor(await RolesOfSenderAsync(turn, handler.Command, cancellationToken)))
                {
                    LogRefused(logger, handler.Command);
                    await turn.SendAsync(Activity.CreateCardMessage(RefusalCard.Create(handler.Command).ToJsonElement()), cancellationToken);
                    return;
                }

                if (!PersonalChatOnly.Allows(handler.Command, turn.Activity))
                {
                    LogOutsidePersonalChat(logger, handler.Command.Name);
                    await turn.SendAsync(Activity.CreateTextMessage(PersonalChatOnly.GoThere(handler.Command)), cancellationToken);
                    return;
                }

                LogCommand(logger, name);
                await handler.HandleAsync(turn, text[name.Length..].Trim(), cancellationToken);
                return;
            }
        }

        // Only commands the reader may use are offered: a suggestion must not reveal what another role keeps.
        var reader = await access.ForAsync(turn, cancellationToken);
        var suggestions = CommandSuggestions.Closest(text, reader.ListedNames);
        LogUnknownCommand(logger, suggestions.Count);
        var hint = CommandSuggestions.DidYouMean(suggestions) is { } question ? question + " " : string.Empty;
        await turn.SendAsync(Activity.CreateTextMessage($"Sorry, I don't know that one. {hint}Type help to see what I can do."), cancellationToken);
    }

    private async Task<AdaptiveCardInvokeResponse> HandleExecuteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        AdaptiveCardInvokeValue? value;
        try
        {
            value = turn.Activity.Value?.Deserialize(ProtocolJsonContext.Default.AdaptiveCardInvokeValue);
        }
        catch (JsonException)
        {
            value = null;
        }

        if (value?.Action is not { } action)
            return AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The card action was missing or malformed.");
        if (action.Type != "Action.Execute")
            return AdaptiveCardInvokeResponse.Error(400, "NotSupported", $"FocusBot only answers Action.Execute, not {action.Type}.");

        var verb = action.Verb ?? ReadVerb(action.Data);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(InvokeBudget);
        try
        {
            return await DispatchVerbAsync(turn, verb, action.Data ?? default, budget.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogInvokeTimeout(logger, verb);
            return AdaptiveCardInvokeResponse.Error(503, "Timeout", "FocusBot took too long to answer. Please try again.");
        }
    }

    private async Task HandleSubmitAsync(TurnContext turn, JsonElement value, CancellationToken cancellationToken)
    {
        var response = await DispatchVerbAsync(turn, ReadVerb(value), value, cancellationToken);
        // A Submit cannot be answered in place: replace the card it came from, or say the message in the chat.
        if (response.Type == AdaptiveCardInvokeResponse.CardType && turn.Activity.ReplyToId is { } cardId)
            await turn.Connector.UpdateActivityAsync(turn.Conversation, cardId, Activity.CreateCardMessage(response.Value), cancellationToken);
        else if (response.Type == AdaptiveCardInvokeResponse.CardType)
            await turn.SendAsync(Activity.CreateCardMessage(response.Value), cancellationToken);
        else if (response.Value.ValueKind == JsonValueKind.String)
            await turn.SendAsync(Activity.CreateTextMessage(response.Value.GetString()!), cancellationToken);
        else if (response.Value.TryGetProperty("message", out var message))
            await turn.SendAsync(Activity.CreateTextMessage(message.GetString() ?? "Something went wrong."), cancellationToken);
    }

    private Task<AdaptiveCardInvokeResponse> DispatchVerbAsync(TurnContext turn, string? verb, JsonElement data, CancellationToken cancellationToken)
    {
        if (verb is null || !_verbs.TryGetValue(verb, out var handler))
        {
            LogUnknownVerb(logger, verb);
            return Task.FromResult(AdaptiveCardInvokeResponse.Error(400, "UnknownAction", "FocusBot does not recognise this button. The card may be out of date."));
        }

        LogCardAction(logger, verb);
        return DispatchAuthorizedAsync(turn, handler, verb, data, cancellationToken);
    }

    private async Task<AdaptiveCardInvokeResponse> DispatchAuthorizedAsync(TurnContext turn, ICardActionHandler handler, string verb,
        JsonElement data, CancellationToken cancellationToken)
    {
        // A button carries the authority of the command that made its card: check it again, a card can be forwarded.
        if (handler.CommandFor(verb) is { } command && !command.IsAllowedFor(await RolesOfSenderAsync(turn, command, cancellationToken)))
        {
            LogRefused(logger, command);
            return AdaptiveCardInvokeResponse.Card(RefusalCard.Create(command).ToJsonElement());
        }

        return await handler.HandleAsync(turn, verb, data, cancellationToken);
    }

    private async Task<IReadOnlySet<Role>> RolesOfSenderAsync(TurnContext turn, BotCommand command, CancellationToken cancellationToken) =>
        command.AllowedRoles.Count == 0
            ? new HashSet<Role>()
            : await roles.GetRolesAsync(turn.TenantId, turn.Activity.From?.AadObjectId, turn.Activity.From?.Id, cancellationToken);

    private static string? ReadVerb(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String
            ? verb.GetString()
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Command {Command} typed outside a personal chat; not run")]
    private static partial void LogOutsidePersonalChat(ILogger logger, string command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Command {Command}")]
    private static partial void LogCommand(ILogger logger, string command);

    private static void LogRefused(ILogger logger, BotCommand command) => LogRefused(logger, command.Name, command.AllowedRoles);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Command}: needs role {Roles}")]
    private static partial void LogRefused(ILogger logger, string command, IReadOnlyList<Role> roles);

    // What was typed stays out of the log: it can be anything, a colleague's name included.
    [LoggerMessage(Level = LogLevel.Information, Message = "Message matched no command; {Suggestions} suggestion(s) offered")]
    private static partial void LogUnknownCommand(ILogger logger, int suggestions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action {Verb}")]
    private static partial void LogCardAction(ILogger logger, string verb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card action with unknown verb {Verb}")]
    private static partial void LogUnknownVerb(ILogger logger, string? verb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card action {Verb} exceeded the invoke budget")]
    private static partial void LogInvokeTimeout(ILogger logger, string? verb);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoke {Name} is not handled (501)")]
    private static partial void LogUnknownInvoke(ILogger logger, string? name);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Activity type {Type} ignored")]
    private static partial void LogIgnored(ILogger logger, string? type);
}
