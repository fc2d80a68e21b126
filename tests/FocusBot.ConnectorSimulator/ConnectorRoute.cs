using Microsoft.AspNetCore.Http;

namespace FocusBot.ConnectorSimulator;

/// <summary>Which operation a request addresses and the ids taken from its path.</summary>
internal readonly record struct ConnectorRoute(
    ConnectorOperation Operation,
    string? ConversationId = null,
    string? ActivityId = null,
    string? TeamId = null)
{
    private static readonly ConnectorRoute NotFound = new(ConnectorOperation.Unknown);

    /// <summary>Matches the decoded request path (Kestrel has already unescaped the segments).</summary>
    public static ConnectorRoute Match(string method, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return NotFound;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || !string.Equals(segments[0], "v3", StringComparison.OrdinalIgnoreCase))
        {
            return NotFound;
        }

        return segments[1].ToUpperInvariant() switch
        {
            "CONVERSATIONS" => MatchConversations(method, segments),
            "TEAMS" => MatchTeams(method, segments),
            _ => NotFound,
        };
    }

    private static ConnectorRoute MatchConversations(string method, string[] segments)
    {
        if (segments.Length == 2)
        {
            return HttpMethods.IsPost(method) ? new(ConnectorOperation.CreateConversation) : NotFound;
        }

        var conversationId = segments[2];
        if (segments.Length == 4 && Is(segments[3], "pagedmembers") && HttpMethods.IsGet(method))
        {
            return new(ConnectorOperation.GetPagedMembers, conversationId);
        }

        if (segments.Length < 4 || !Is(segments[3], "activities"))
        {
            return NotFound;
        }

        if (segments.Length == 4)
        {
            return HttpMethods.IsPost(method) ? new(ConnectorOperation.Send, conversationId) : NotFound;
        }

        if (segments.Length != 5)
        {
            return NotFound;
        }

        var activityId = segments[4];
        if (HttpMethods.IsPost(method))
        {
            return new(ConnectorOperation.Reply, conversationId, activityId);
        }

        if (HttpMethods.IsPut(method))
        {
            return new(ConnectorOperation.Update, conversationId, activityId);
        }

        return HttpMethods.IsDelete(method) ? new(ConnectorOperation.Delete, conversationId, activityId) : NotFound;
    }

    private static ConnectorRoute MatchTeams(string method, string[] segments)
    {
        if (!HttpMethods.IsGet(method) || segments.Length < 3)
        {
            return NotFound;
        }

        return segments.Length switch
        {
            3 => new(ConnectorOperation.GetTeamDetails, TeamId: segments[2]),
            4 when Is(segments[3], "conversations") => new(ConnectorOperation.GetTeamConversations, TeamId: segments[2]),
            _ => NotFound,
        };
    }

    private static bool Is(string segment, string expected) =>
        string.Equals(segment, expected, StringComparison.OrdinalIgnoreCase);
}
