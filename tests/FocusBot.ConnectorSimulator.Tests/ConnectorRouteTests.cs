namespace FocusBot.ConnectorSimulator.Tests;

public sealed class ConnectorRouteTests
{
    [Theory]
    [InlineData("POST", "/v3/conversations", ConnectorOperation.CreateConversation, null, null, null)]
    [InlineData("POST", "/v3/conversations/a:1/activities", ConnectorOperation.Send, "a:1", null, null)]
    [InlineData("POST", "/v3/conversations/a:1/activities/42", ConnectorOperation.Reply, "a:1", "42", null)]
    [InlineData("PUT", "/v3/conversations/a:1/activities/42", ConnectorOperation.Update, "a:1", "42", null)]
    [InlineData("DELETE", "/v3/conversations/a:1/activities/42", ConnectorOperation.Delete, "a:1", "42", null)]
    [InlineData("GET", "/v3/conversations/19:x@thread.tacv2/pagedmembers", ConnectorOperation.GetPagedMembers, "19:x@thread.tacv2", null, null)]
    [InlineData("GET", "/v3/teams/19:t@thread.tacv2", ConnectorOperation.GetTeamDetails, null, null, "19:t@thread.tacv2")]
    [InlineData("GET", "/v3/teams/19:t@thread.tacv2/conversations", ConnectorOperation.GetTeamConversations, null, null, "19:t@thread.tacv2")]
    public void Match_ConnectorPath_IdentifiesOperationAndIds(
        string method, string path, ConnectorOperation operation, string? conversationId, string? activityId, string? teamId)
    {
        var route = ConnectorRoute.Match(method, path);

        Assert.Equal(new ConnectorRoute(operation, conversationId, activityId, teamId), route);
    }

    [Theory]
    [InlineData("GET", "/v3/conversations")]
    [InlineData("GET", "/v3/conversations/a:1/activities")]
    [InlineData("GET", "/v3/conversations/a:1/members")]
    [InlineData("POST", "/v3/teams/t1")]
    [InlineData("POST", "/v4/conversations")]
    [InlineData("GET", "/")]
    public void Match_UnsupportedPathOrMethod_IsUnknown(string method, string path)
    {
        Assert.Equal(ConnectorOperation.Unknown, ConnectorRoute.Match(method, path).Operation);
    }
}
