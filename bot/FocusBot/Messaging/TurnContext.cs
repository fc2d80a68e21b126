using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;

namespace FocusBot.Messaging;

/// <summary>One inbound activity being handled, with a way to answer in its conversation.</summary>
public sealed class TurnContext(Activity activity, ConnectorClient connector)
{
    public Activity Activity { get; } = activity;

    public ConnectorClient Connector { get; } = connector;

    public string TenantId => Activity.TenantId ?? string.Empty;

    public ConversationTarget Conversation =>
        new(Activity.ServiceUrl ?? string.Empty, TenantId, Activity.Conversation?.Id ?? string.Empty);

    public Task<ResourceResponse> SendAsync(Activity reply, CancellationToken cancellationToken) =>
        Connector.SendToConversationAsync(Conversation, reply with { From = Activity.Recipient, Conversation = Activity.Conversation }, cancellationToken);
}
