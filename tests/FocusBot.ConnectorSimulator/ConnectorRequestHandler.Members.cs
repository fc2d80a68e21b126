using System.Globalization;
using System.Text;
using FocusBot.ConnectorSimulator.Faults;
using FocusBot.ConnectorSimulator.RateLimiting;
using FocusBot.ConnectorSimulator.Roster;
using FocusBot.ConnectorSimulator.Wire;
using Microsoft.AspNetCore.Http;

namespace FocusBot.ConnectorSimulator;

internal sealed partial class ConnectorRequestHandler
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 500;
    private const string ContinuationPrefix = "sim-offset:";

    private async Task<int> GetPagedMembersAsync(HttpContext context, ConnectorRoute route, InjectedFault? lostResponse)
    {
        var conversationId = route.ConversationId!;
        if (!TryFindConversation(conversationId, out var conversation))
        {
            return await WriteConversationNotFoundAsync(context);
        }

        var query = context.Request.Query;
        if (!TryReadPageSize(query["pageSize"].ToString(), out var pageSize)
            || !TryReadOffset(query["continuationToken"].ToString(), out var offset))
        {
            return await WriteBadSyntaxAsync(context, "Invalid pageSize or continuationToken.");
        }

        if (Throttle(RateLimitBucket.GetMembers, conversationId, conversation.TenantId) is { } wait)
        {
            return await WriteThrottledAsync(context, wait);
        }

        var members = conversation.Members;
        var start = Math.Min(offset, members.Count);
        var end = Math.Min(members.Count, start + pageSize);
        var continuation = end < members.Count ? EncodeOffset(end) : null;
        return await WriteSuccessAsync(
            context,
            StatusCodes.Status200OK,
            new PagedMembersResult(Slice(members, start, end - start), continuation),
            SimulatorJsonContext.Default.PagedMembersResult,
            lostResponse);
    }

    /// <summary>Teams caps a page at 500 and uses 100 when no size is given.</summary>
    private static bool TryReadPageSize(string value, out int pageSize)
    {
        pageSize = DefaultPageSize;
        if (value.Length == 0)
        {
            return true;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var requested))
        {
            return false;
        }

        pageSize = requested < 1 ? DefaultPageSize : Math.Min(requested, MaxPageSize);
        return true;
    }

    private static string EncodeOffset(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(ContinuationPrefix + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryReadOffset(string token, out int offset)
    {
        offset = 0;
        if (token.Length == 0)
        {
            return true;
        }

        Span<byte> bytes = stackalloc byte[64];
        if (!Convert.TryFromBase64String(token, bytes, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes[..written]);
        return text.StartsWith(ContinuationPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(ContinuationPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }

    private static SimulatedMember[] Slice(IReadOnlyList<SimulatedMember> members, int start, int count)
    {
        var page = new SimulatedMember[count];
        for (var i = 0; i < count; i++)
        {
            page[i] = members[start + i];
        }

        return page;
    }
}
