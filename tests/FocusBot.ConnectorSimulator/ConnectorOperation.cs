namespace FocusBot.ConnectorSimulator;

/// <summary>A Bot Connector operation the simulator understands; used for recording and for targeting faults.</summary>
public enum ConnectorOperation
{
    /// <summary>A path or method the simulator does not serve (answered 404).</summary>
    Unknown,

    /// <summary><c>POST v3/conversations</c>.</summary>
    CreateConversation,

    /// <summary><c>POST v3/conversations/{id}/activities</c>.</summary>
    Send,

    /// <summary><c>POST v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Reply,

    /// <summary><c>PUT v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Update,

    /// <summary><c>DELETE v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Delete,

    /// <summary><c>GET v3/conversations/{id}/pagedmembers</c>.</summary>
    GetPagedMembers,

    /// <summary><c>GET v3/teams/{teamId}/conversations</c>.</summary>
    GetTeamConversations,

    /// <summary><c>GET v3/teams/{teamId}</c>.</summary>
    GetTeamDetails,
}
