using FocusBot.Cards;
using FocusBot.Domain.Conversations;
using FocusBot.Protocol.Activities;

namespace FocusBot.Conversations;

/// <summary>The team channels of a tenant where FocusBot is installed: where insights and recognition can be posted.</summary>
public sealed class TeamChannels(IConversationStore conversations, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<ConversationRecord>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var channels = new List<ConversationRecord>();
        await foreach (var record in conversations.ListTeamsAsync(cancellationToken))
        {
            if (record.TenantId == tenantId && record.Kind == ConversationKind.Channel && record.TeamId is not null)
                channels.Add(record);
        }

        return [.. channels.OrderBy(TitleOf, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>
    /// Team id to the name Teams last reported (empty when it gave none), for the tenant's teams FocusBot is installed in:
    /// the teams a role can be bound to, by id.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> TeamNamesAsync(string tenantId, CancellationToken cancellationToken)
    {
        var teams = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var record in conversations.ListTeamsAsync(cancellationToken))
        {
            if (record.TenantId == tenantId && record.TeamId is { Length: > 0 } id && (!teams.TryGetValue(id, out var known) || known.Length == 0))
                teams[id] = string.IsNullOrWhiteSpace(record.TeamName) ? string.Empty : record.TeamName;
        }

        return teams;
    }

    /// <summary>
    /// The team channel an activity came from (a reply thread counts as its channel), or null outside a team's channel.
    /// FocusBot is told of the channel chosen when it was added to the team; one it hears from for the first time is
    /// remembered here, so it can be posted in and its posts updated later.
    /// </summary>
    public async Task<ConversationRecord?> OfActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation is not { ConversationType: ConversationTypes.Channel, Id: { Length: > 0 } conversationId } conversation
            || activity.ChannelData?.Team?.Id is not { Length: > 0 } || activity.TenantId is not { Length: > 0 } tenantId)
            return null;
        var channelId = activity.ChannelData.Channel?.Id is { Length: > 0 } id ? id : conversationId.Split(';')[0];
        var known = await conversations.GetAsync(tenantId, channelId, cancellationToken);
        if (known is { Kind: ConversationKind.Channel, TeamId: not null })
            return known;
        var heard = ConversationRecords.FromActivity(activity with { Conversation = conversation with { Id = channelId } }, timeProvider.GetUtcNow(), known);
        if (heard is null)
            return null;
        await conversations.UpsertAsync(heard, cancellationToken);
        return heard;
    }

    /// <summary>"Team › Channel" as people know it; the team's first channel is General when Teams gives no name.</summary>
    public static string TitleOf(ConversationRecord channel)
    {
        var team = TeamTitleOf(channel);
        var name = CardText.Plain(channel.ChannelName ?? (channel.ConversationId == channel.TeamId ? "General" : "channel"), 80);
        return $"{team} › {name}";
    }

    public static IReadOnlyList<Choice> Choices(IEnumerable<ConversationRecord> channels) =>
        [.. channels.Select(c => new Choice(TitleOf(c), c.ConversationId))];

    /// <summary>The teams these channels belong to, each once, as people know them ("Team").</summary>
    public static IReadOnlyList<Choice> TeamChoices(IEnumerable<ConversationRecord> channels) =>
        [.. channels.Where(c => c.TeamId is not null).DistinctBy(c => c.TeamId).Select(c => new Choice(TeamTitleOf(c), c.TeamId!))
            .OrderBy(c => c.Title, StringComparer.CurrentCultureIgnoreCase)];

    /// <summary>The name of a channel's team, as people know it.</summary>
    public static string TeamTitleOf(ConversationRecord channel) => CardText.Plain(channel.TeamName ?? "Team", 80);
}
