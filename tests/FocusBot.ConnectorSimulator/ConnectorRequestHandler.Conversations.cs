using System.Text.Json;
using FocusBot.ConnectorSimulator.Faults;
using FocusBot.ConnectorSimulator.RateLimiting;
using FocusBot.ConnectorSimulator.Recording;
using FocusBot.ConnectorSimulator.Roster;
using FocusBot.ConnectorSimulator.Wire;
using Microsoft.AspNetCore.Http;

namespace FocusBot.ConnectorSimulator;

internal sealed partial class ConnectorRequestHandler
{
    private const string IncorrectParameters = "Incorrect conversation creation parameters";

    /// <summary>Only the 1:1 form is supported, as in Teams for proactive DMs (teams-protocol-notes.md §2).</summary>
    private async Task<int> CreateConversationAsync(HttpContext context, InjectedFault? lostResponse)
    {
        var parameters = await ReadConversationParametersAsync(context);
        if (parameters is not { IsGroup: not true, Members: [{ Id: { } userId } member], TenantId: { } tenantId }
            || !userId.StartsWith("29:", StringComparison.Ordinal)
            || string.IsNullOrWhiteSpace(tenantId))
        {
            return await WriteBadSyntaxAsync(context, IncorrectParameters);
        }

        var conversationId = ConversationIds.Personal(tenantId, userId);
        if (faults.IsBlocked(conversationId))
        {
            return await WriteBlockedAsync(context);
        }

        if (Throttle(RateLimitBucket.CreateConversation, tenantId + "\n" + userId, tenantId) is { } wait)
        {
            return await WriteThrottledAsync(context, wait);
        }

        directory.EnsurePersonalConversation(conversationId, tenantId, new SimulatedMember(userId) { Name = member.Name, TenantId = tenantId });
        var now = timeProvider.GetUtcNow();
        log.AddCreated(new CreatedConversation(conversationId, tenantId, userId, parameters.Bot?.Id, now));
        if (parameters.Activity is { ValueKind: JsonValueKind.Object } firstMessage)
        {
            // Teams posts the optional activity as the chat's first message.
            log.AddSent(new SentActivity(conversationId, NextActivityId(), ConnectorOperation.Send, firstMessage, now));
        }

        return await WriteSuccessAsync(
            context, StatusCodes.Status201Created, new ResourceResponse(conversationId), SimulatorJsonContext.Default.ResourceResponse, lostResponse);
    }

    /// <summary>Send (201, new id), reply (201, new id, replyToId kept) and update (200, same id).</summary>
    private async Task<int> SendActivityAsync(HttpContext context, ConnectorRoute route, InjectedFault? lostResponse)
    {
        var conversationId = route.ConversationId!;
        if (!TryFindConversation(conversationId, out var conversation))
        {
            return await WriteConversationNotFoundAsync(context);
        }

        if (await ReadJsonAsync(context) is not { ValueKind: JsonValueKind.Object } activity
            || !activity.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String)
        {
            return await WriteBadSyntaxAsync(context, "The activity must be a JSON object with a type.");
        }

        if (Throttle(RateLimitBucket.Send, conversationId, conversation.TenantId) is { } wait)
        {
            return await WriteThrottledAsync(context, wait);
        }

        var isUpdate = route.Operation == ConnectorOperation.Update;
        var activityId = isUpdate ? route.ActivityId! : NextActivityId();
        var replyToId = route.Operation == ConnectorOperation.Reply ? route.ActivityId : null;
        log.AddSent(new SentActivity(conversationId, activityId, route.Operation, activity, timeProvider.GetUtcNow(), replyToId));

        var status = isUpdate ? StatusCodes.Status200OK : StatusCodes.Status201Created;
        return await WriteSuccessAsync(
            context, status, new ResourceResponse(activityId), SimulatorJsonContext.Default.ResourceResponse, lostResponse);
    }

    private async Task<int> DeleteActivityAsync(HttpContext context, ConnectorRoute route, InjectedFault? lostResponse)
    {
        var conversationId = route.ConversationId!;
        if (!TryFindConversation(conversationId, out var conversation))
        {
            return await WriteConversationNotFoundAsync(context);
        }

        if (Throttle(RateLimitBucket.GlobalOnly, conversationId, conversation.TenantId) is { } wait)
        {
            return await WriteThrottledAsync(context, wait);
        }

        log.AddSent(new SentActivity(conversationId, route.ActivityId!, ConnectorOperation.Delete, default, timeProvider.GetUtcNow()));
        return await WriteEmptySuccessAsync(context, lostResponse);
    }

    /// <summary>A known conversation, or a reply thread (<c>;messageid=</c>) inside a known channel.</summary>
    private bool TryFindConversation(string conversationId, out ConversationDirectory.KnownConversation conversation)
    {
        if (directory.TryGetConversation(conversationId, out conversation))
        {
            return true;
        }

        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread > 0 && directory.TryGetConversation(conversationId[..thread], out conversation);
    }

    private static async Task<ConversationParameters?> ReadConversationParametersAsync(HttpContext context)
    {
        if (await ReadJsonAsync(context) is not { ValueKind: JsonValueKind.Object } body)
        {
            return null;
        }

        try
        {
            return body.Deserialize(SimulatorJsonContext.Default.ConversationParameters);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
