using System.Collections.Concurrent;

namespace FocusBot.ConnectorSimulator.Roster;

/// <summary>The conversations and teams the simulator knows: created 1:1 chats, registered conversations, team channels.</summary>
internal sealed class ConversationDirectory(string defaultTenantId)
{
    private readonly ConcurrentDictionary<string, KnownConversation> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, KnownTeam> _teams = new(StringComparer.Ordinal);

    public string DefaultTenantId => defaultTenantId;

    public bool TryGetConversation(string conversationId, out KnownConversation conversation) =>
        _conversations.TryGetValue(conversationId, out conversation!);

    public bool TryGetTeam(string teamId, out KnownTeam team) => _teams.TryGetValue(teamId, out team!);

    public void AddConversation(string conversationId, string? tenantId, IReadOnlyList<SimulatedMember> members) =>
        _conversations[conversationId] = new KnownConversation(tenantId ?? defaultTenantId, members);

    /// <summary>Creating the same 1:1 again keeps the first registration, as Teams returns the same chat.</summary>
    public void EnsurePersonalConversation(string conversationId, string tenantId, SimulatedMember user) =>
        _conversations.TryAdd(conversationId, new KnownConversation(tenantId, [user]));

    public void AddTeam(SimulatedTeam team)
    {
        var tenantId = team.TenantId ?? defaultTenantId;
        IReadOnlyList<SimulatedMember> members = [.. team.Members.Select(m => m.TenantId is null ? m with { TenantId = tenantId } : m)];
        IReadOnlyList<SimulatedChannel> channels = team.Channels.Any(c => c.Id == team.Id)
            ? team.Channels
            : [new SimulatedChannel(team.Id), .. team.Channels];

        _teams[team.Id] = new KnownTeam(team with { TenantId = tenantId, Members = members, Channels = channels });
        foreach (var channel in channels)
        {
            _conversations[channel.Id] = new KnownConversation(tenantId, members);
        }
    }

    internal sealed record KnownConversation(string TenantId, IReadOnlyList<SimulatedMember> Members);

    internal sealed record KnownTeam(SimulatedTeam Team)
    {
        public string TenantId => Team.TenantId!;
    }
}
