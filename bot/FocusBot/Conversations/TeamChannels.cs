using FocusBot.Cards;
using FocusBot.Domain.Conversations;

namespace FocusBot.Conversations;

/// <summary>The team channels of a tenant where FocusBot is installed: where insights and recognition can be posted.</summary>
public sealed class TeamChannels(IConversationStore conversations)
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
