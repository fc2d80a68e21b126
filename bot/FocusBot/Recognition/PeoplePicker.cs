using FocusBot.Cards;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roster;
using FocusBot.Protocol.Connector;

namespace FocusBot.Recognition;

/// <summary>
/// Finds people FocusBot knows (members of teams where it is installed, and people who opened its personal chat) to
/// choose in a form. A choice's value is the person's Entra object id, the same value Teams' people picker
/// (Data.Query over graph.microsoft.com/users) sends, or their Teams user id when no object id is known.
/// </summary>
public sealed partial class PeoplePicker(IRosterStore roster, IConversationStore conversations, ConnectorClient connector, ILogger<PeoplePicker> logger)
{
    /// <summary>Teams' people picker dataset: Teams clients that support it search the whole directory as you type.</summary>
    public const string PeopleDataset = "graph.microsoft.com/users";

    /// <summary>How many people a form lists before asking to search by name (a card must stay under 28 KB).</summary>
    public const int MaxChoices = 60;

    /// <summary>People of the tenant by name, at most <paramref name="max"/>, and whether there were more.</summary>
    public async Task<(IReadOnlyList<RosterPerson> People, bool More)> ListAsync(string tenantId, int max, CancellationToken cancellationToken)
    {
        var everyone = await EveryoneAsync(tenantId, cancellationToken);
        var sorted = everyone.Values.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.UserId, StringComparer.Ordinal).ToList();
        return (sorted.Take(max).ToList(), sorted.Count > max);
    }

    /// <summary>People whose name (or any word of it) starts with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<RosterPerson>> SearchAsync(string tenantId, string prefix, int max, CancellationToken cancellationToken)
    {
        var term = prefix.Trim();
        if (term.Length == 0)
            return [];
        var everyone = await EveryoneAsync(tenantId, cancellationToken);
        return [.. everyone.Values
            .Where(p => p.Name.StartsWith(term, StringComparison.CurrentCultureIgnoreCase)
                || p.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.StartsWith(term, StringComparison.CurrentCultureIgnoreCase)))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
            .Take(max)];
    }

    /// <summary>The person a choice value names (Entra object id or Teams user id), or null when FocusBot cannot reach them.</summary>
    public async Task<RosterPerson?> ResolveAsync(string tenantId, string value, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var everyone = await EveryoneAsync(tenantId, cancellationToken);
        return everyone.Values.FirstOrDefault(p => string.Equals(p.AadObjectId, value, StringComparison.OrdinalIgnoreCase))
            ?? everyone.Values.FirstOrDefault(p => string.Equals(p.UserId, value, StringComparison.Ordinal));
    }

    /// <summary>Display names by Entra object id, for showing who holds a role.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesByObjectIdAsync(string tenantId, CancellationToken cancellationToken)
    {
        var everyone = await EveryoneAsync(tenantId, cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in everyone.Values)
        {
            if (person.AadObjectId is { } id)
                names.TryAdd(id, person.Name);
        }

        return names;
    }

    public static string ValueOf(RosterPerson person) => person.AadObjectId ?? person.UserId;

    /// <summary>A searchable people choice: the listed people, plus Teams' directory search where the client has it.</summary>
    public static ChoiceSetInput ChoiceSet(string id, string label, IEnumerable<RosterPerson> people, string? selected, string? placeholder = null) => new()
    {
        Id = id,
        Label = label,
        Style = "filtered",
        Placeholder = placeholder ?? "Type a name",
        Choices = [.. people.Select(p => new Choice(CardText.Plain(p.Name, 80), ValueOf(p)))],
        ChoicesData = new DataQuery(PeopleDataset),
        Value = selected,
        IsRequired = true,
        ErrorMessage = "Choose a person.",
    };

    private async Task<Dictionary<string, RosterPerson>> EveryoneAsync(string tenantId, CancellationToken cancellationToken)
    {
        var people = new Dictionary<string, RosterPerson>(StringComparer.Ordinal);
        var teams = new Dictionary<string, ConversationRecord>(StringComparer.Ordinal);
        await foreach (var install in conversations.ListTeamsAsync(cancellationToken))
        {
            if (install.TenantId == tenantId && install.TeamId is { } teamId)
                teams.TryAdd(teamId, install);
        }

        foreach (var (teamId, install) in teams)
        {
            var members = new List<TeamMember>();
            await foreach (var member in roster.ListTeamMembersAsync(tenantId, teamId, cancellationToken))
                members.Add(member);
            if (members.Count == 0)
                members = await FetchRosterAsync(install, cancellationToken);
            foreach (var member in members)
            {
                if (!string.IsNullOrWhiteSpace(member.Name))
                {
                    people.TryAdd(member.UserId, new RosterPerson
                    {
                        TenantId = tenantId,
                        UserId = member.UserId,
                        AadObjectId = member.AadObjectId,
                        Name = member.Name,
                        TimeZone = member.TimeZone,
                    });
                }
            }
        }

        await foreach (var chat in conversations.ListPersonalAsync(tenantId, cancellationToken))
        {
            if (chat.UserId is { } userId && !string.IsNullOrWhiteSpace(chat.UserName))
            {
                people.TryAdd(userId, new RosterPerson
                {
                    TenantId = tenantId,
                    UserId = userId,
                    AadObjectId = chat.UserAadObjectId,
                    Name = chat.UserName,
                    TimeZone = chat.TimeZone,
                });
            }
        }

        return people;
    }

    // The weekly pulse refreshes rosters; a team FocusBot joined since then has none yet, and an executive who just added
    // FocusBot to their team expects to find its members. Teams is asked once; the roster is kept for next time.
    private async Task<List<TeamMember>> FetchRosterAsync(ConversationRecord install, CancellationToken cancellationToken)
    {
        var members = new List<TeamMember>();
        try
        {
            await foreach (var member in connector.GetAllMembersAsync(new ConversationTarget(install.ServiceUrl, install.TenantId, install.TeamId!), cancellationToken))
            {
                if (member.Id is { Length: > 0 } userId)
                {
                    members.Add(new TeamMember
                    {
                        TenantId = install.TenantId,
                        TeamId = install.TeamId!,
                        UserId = userId,
                        AadObjectId = member.AadObjectId,
                        Name = member.Name,
                    });
                }
            }
        }
        catch (Exception ex) when (ex is ConnectorException or DeliveryUncertainException or HttpRequestException or InvalidOperationException)
        {
            LogRosterUnavailable(logger, ex.GetType().Name);
            return [];
        }

        if (members.Count > 0)
            await roster.ReplaceTeamRosterAsync(install.TenantId, install.TeamId!, members, cancellationToken);
        return members;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A new team's roster could not be read from Teams ({Error}); its members are not offered yet")]
    private static partial void LogRosterUnavailable(ILogger logger, string error);
}
