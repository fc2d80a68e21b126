using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using FocusBot.Cards;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roster;
using FocusBot.People;

namespace FocusBot.People;

/// <summary>
/// Finds people FocusBot knows (members of teams where it is installed, and people who opened its personal chat) to
/// choose in a form. A choice's value is the person's Entra object id, the same value Teams' people picker
/// (Data.Query over graph.microsoft.com/users) sends, or their Teams user id when no object id is known. Every lookup
/// goes through the stores' name and id indexes, so it reads about as many rows as it returns, however large the tenant.
/// </summary>
public sealed class PeoplePicker(IRosterStore roster, IConversationStore conversations, TeamRosterSync rosterSync)
{
    /// <summary>Teams' people picker dataset: Teams clients that support it search the whole directory as you type.</summary>
    public const string PeopleDataset = "graph.microsoft.com/users";

    /// <summary>How many people a form lists before asking to search by name (a card must stay under 28 KB).</summary>
    public const int MaxChoices = 60;

    // Teams whose roster is known to be stored, so each is checked once per process rather than on every form.
    private readonly ConcurrentDictionary<string, bool> _storedRosters = new(StringComparer.Ordinal);

    /// <summary>People of the tenant by name, at most <paramref name="max"/>, and whether there were more.</summary>
    public async Task<(IReadOnlyList<RosterPerson> People, bool More)> ListAsync(string tenantId, int max, CancellationToken cancellationToken)
    {
        var found = await FindByNameAsync(tenantId, string.Empty, max + 1, cancellationToken);
        return ([.. found.Take(max)], found.Count > max);
    }

    /// <summary>People whose name (or any word of it) starts with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<RosterPerson>> SearchAsync(string tenantId, string prefix, int max, CancellationToken cancellationToken)
    {
        var term = prefix.Trim();
        return term.Length == 0 ? [] : [.. (await FindByNameAsync(tenantId, term, max, cancellationToken)).Take(max)];
    }

    /// <summary>The person a choice value names (Entra object id or Teams user id), or null when FocusBot cannot reach them.</summary>
    public async Task<RosterPerson?> ResolveAsync(string tenantId, string value, CancellationToken cancellationToken) =>
        await FindAsync(tenantId, value, cancellationToken) is { } person && IsNamed(person) ? person : null;

    /// <summary>
    /// The person with this Entra object id or Teams user id, from the rosters or from their personal chat; their name
    /// is empty when Teams never gave one. Null when FocusBot has no record of them.
    /// </summary>
    public async Task<RosterPerson?> FindAsync(string tenantId, string value, CancellationToken cancellationToken)
    {
        var id = value.Trim();
        if (id.Length == 0)
            return null;
        await EnsureRostersAsync(tenantId, cancellationToken);
        foreach (var objectId in ObjectIdForms(id))
        {
            var member = await roster.FindByAadObjectIdAsync(tenantId, objectId, cancellationToken);
            if (IsNamed(member))
                return member;
            if (await conversations.GetPersonalForAadObjectIdAsync(tenantId, objectId, cancellationToken) is { UserId: not null } chat
                && (member is null || !string.IsNullOrWhiteSpace(chat.UserName)))
                return FromChat(chat);
            if (member is not null)
                return member;
        }

        var byUser = await roster.FindByUserIdAsync(tenantId, id, cancellationToken);
        if (IsNamed(byUser))
            return byUser;
        return await conversations.GetPersonalForUserAsync(tenantId, id, cancellationToken) is { UserId: not null } userChat
            && (byUser is null || !string.IsNullOrWhiteSpace(userChat.UserName))
            ? FromChat(userChat)
            : byUser;
    }

    /// <summary>The teams (Teams team ids) whose stored roster lists this Teams user id.</summary>
    public async Task<IReadOnlyList<string>> TeamsOfPersonAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        await EnsureRostersAsync(tenantId, cancellationToken);
        return await roster.ListTeamsForUserAsync(tenantId, userId, cancellationToken);
    }

    /// <summary>
    /// The named members of the given teams, each once, by name: the people a colleague can recognise there. A team's
    /// whole roster is read, so this is for the teams of one person, not for the tenant.
    /// </summary>
    public async Task<IReadOnlyList<RosterPerson>> ListTeamMembersAsync(string tenantId, IEnumerable<string> teamIds, CancellationToken cancellationToken)
    {
        await EnsureRostersAsync(tenantId, cancellationToken);
        var people = new Dictionary<string, RosterPerson>(StringComparer.Ordinal);
        foreach (var teamId in teamIds.Distinct(StringComparer.Ordinal))
        {
            await foreach (var member in roster.ListTeamMembersAsync(tenantId, teamId, cancellationToken))
            {
                if (!string.IsNullOrWhiteSpace(member.Name))
                {
                    people.TryAdd(member.UserId, new RosterPerson
                    {
                        TenantId = member.TenantId,
                        UserId = member.UserId,
                        AadObjectId = member.AadObjectId,
                        Name = member.Name,
                        TimeZone = member.TimeZone,
                    });
                }
            }
        }

        return [.. people.Values.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.UserId, StringComparer.Ordinal)];
    }

    /// <summary>Display names of the given Entra object ids that FocusBot knows, one lookup each.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesByObjectIdAsync(string tenantId, IEnumerable<string> aadObjectIds, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in aadObjectIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await FindAsync(tenantId, id, cancellationToken) is { } person && !string.IsNullOrWhiteSpace(person.Name))
                names[id] = person.Name;
        }

        return names;
    }

    /// <summary>Whether the person's name, or any word of it, starts with <paramref name="prefix"/>, as the stores' name search reads it.</summary>
    public static bool NameStartsWith(RosterPerson person, string prefix)
    {
        ArgumentNullException.ThrowIfNull(person);
        var term = prefix.Trim();
        return term.Length > 0 && (person.Name.StartsWith(term, StringComparison.CurrentCultureIgnoreCase)
            || person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => word.StartsWith(term, StringComparison.CurrentCultureIgnoreCase)));
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

    // Rosters first, then people known only by their personal chat; each person once, by name.
    private async Task<List<RosterPerson>> FindByNameAsync(string tenantId, string prefix, int max, CancellationToken cancellationToken)
    {
        await EnsureRostersAsync(tenantId, cancellationToken);
        var people = new Dictionary<string, RosterPerson>(StringComparer.Ordinal);
        foreach (var member in await roster.SearchByNameAsync(tenantId, prefix, max, cancellationToken))
            people.TryAdd(member.UserId, member);
        foreach (var chat in await conversations.SearchPersonalByNameAsync(tenantId, prefix, max, cancellationToken))
        {
            if (chat.UserId is not null && !string.IsNullOrWhiteSpace(chat.UserName))
                people.TryAdd(chat.UserId, FromChat(chat));
        }

        return [.. people.Values.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.UserId, StringComparer.Ordinal)];
    }

    // The weekly pulse refreshes rosters; a team FocusBot joined since then has none yet, and an executive who just added
    // FocusBot to their team expects to find its members. Teams is asked once; the roster is kept for next time.
    private async Task EnsureRostersAsync(string tenantId, CancellationToken cancellationToken)
    {
        foreach (var install in await rosterSync.TeamsOfAsync(tenantId, cancellationToken))
        {
            if (install.TeamId is not { } teamId || _storedRosters.ContainsKey(tenantId + "|" + teamId))
                continue;
            if (await roster.HasTeamRosterAsync(tenantId, teamId, cancellationToken) || (await rosterSync.RefreshAsync(install, cancellationToken)).Count > 0)
                _storedRosters.TryAdd(tenantId + "|" + teamId, true);
        }
    }

    private static RosterPerson FromChat(ConversationRecord chat) => new()
    {
        TenantId = chat.TenantId,
        UserId = chat.UserId!,
        AadObjectId = chat.UserAadObjectId,
        Name = chat.UserName ?? string.Empty,
        TimeZone = chat.TimeZone,
    };

    private static bool IsNamed([NotNullWhen(true)] RosterPerson? person) => person is not null && !string.IsNullOrWhiteSpace(person.Name);

    // Object ids are GUIDs: try the value as typed and, if it is a GUID written otherwise, the lower-case form Teams uses.
    private static IEnumerable<string> ObjectIdForms(string id) =>
        Guid.TryParse(id, out var guid) && guid.ToString("D") != id ? [id, guid.ToString("D")] : [id];
}
