using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Conversations;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using FocusBot.Roles;

namespace FocusBot.Trends;

/// <summary>
/// Which slice `trends` and `comments` read for the person asking. HR and Executives: the organisation, or any team
/// FocusBot is installed in by name. A Manager (and nothing more): only a team they were granted, by its id, matched by
/// name among those teams alone; asking for the organisation or any other name gets one refusal that says nothing of
/// whether such a team exists or has results.
/// </summary>
public sealed class TrendScopes(RoleResolver roles, TeamChannels channels)
{
    /// <summary>The scope to read, or null after telling the person why there is none.</summary>
    public async Task<TrendScope?> ForAsync(TurnContext turn, BotCommand command, TrendsArguments request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(request);
        var from = turn.Activity.From;
        var held = await roles.GetRolesAsync(turn.TenantId, from?.AadObjectId, from?.Id, cancellationToken);
        var teams = await channels.TeamNamesAsync(turn.TenantId, cancellationToken);
        if (RoleResolver.ReadsEveryTeam(held))
            return await AnyAsync(turn, teams, request.TeamName, cancellationToken);

        // The router lets only HR, Executives and Managers in: what is left is a Manager.
        var managed = await roles.ManagedTeamsAsync(turn.TenantId, from?.AadObjectId, cancellationToken);
        var mine = managed.ToDictionary(id => id, id => teams.GetValueOrDefault(id) ?? string.Empty, StringComparer.Ordinal);
        if (mine.Count == 0)
        {
            await turn.SendAsync(Activity.CreateTextMessage("You manage no team in FocusBot at the moment, so there are no figures to show you."), cancellationToken);
            return null;
        }

        string? chosen = null;
        if (request.TeamName is { } wanted)
            chosen = mine.ContainsKey(wanted.Trim()) ? wanted.Trim() : Match(mine, wanted);
        else if (!request.NamedOrganisation && mine.Count == 1)
            chosen = mine.Keys.Single();
        if (chosen is not null)
            return new TrendScope(TrendSlices.Team(chosen), TeamOnly: true);

        await turn.SendAsync(Activity.CreateTextMessage(ManagerRefusal(command, mine, request)), cancellationToken);
        return null;
    }

    /// <summary>
    /// The same words whatever was asked for, so a Manager learns nothing about a team that is not theirs: not whether
    /// it exists, not whether it has results.
    /// </summary>
    private static string ManagerRefusal(BotCommand command, Dictionary<string, string> mine, TrendsArguments request)
    {
        var names = mine.Select(t => t.Value.Length > 0 ? t.Value : t.Key).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        var yours = EnglishList.And([.. names.Select(n => CardText.Escape(n))]);
        var example = $"{command.Name} {CardText.Escape(names[0])}";
        if (request.TeamName is null && !request.NamedOrganisation)
            return $"You manage {yours}: name the team, e.g. {example}.";
        var asked = request.TeamName is { } name ? $"\"{CardText.Escape(name)}\"" : "the whole organisation";
        return $"As a Manager you see the figures of the team you manage ({yours}), not those of {asked}: the organisation and other teams are for HR " +
            $"and Executives. Type {example}.";
    }

    private static async Task<TrendScope?> AnyAsync(TurnContext turn, IReadOnlyDictionary<string, string> teams, string? wanted, CancellationToken cancellationToken)
    {
        if (wanted is null)
            return TrendScope.Organisation;
        var named = teams.Where(t => t.Value.Length > 0).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        if (Match(named, wanted) is { } team)
            return new TrendScope(TrendSlices.Team(team), TeamOnly: false);

        // A chat message renders markdown: what was typed and the team names from Teams must show as typed.
        var known = named.Count == 0
            ? "FocusBot is not installed in any team yet."
            : "Teams: " + string.Join(", ", named.Values.Order(StringComparer.OrdinalIgnoreCase).Take(20).Select(CardText.Escape)) + ".";
        await turn.SendAsync(Activity.CreateTextMessage($"I found no team called \"{CardText.Escape(wanted)}\". {known}"), cancellationToken);
        return null;
    }

    /// <summary>An exact name (ignoring case) wins; otherwise the one team whose name starts with, then contains, the words.</summary>
    private static string? Match(Dictionary<string, string> teams, string wanted)
    {
        wanted = wanted.Trim();
        foreach (var test in (Func<string, bool>[])[
            name => name.Equals(wanted, StringComparison.OrdinalIgnoreCase),
            name => name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase),
            name => name.Contains(wanted, StringComparison.OrdinalIgnoreCase)])
        {
            var found = teams.Where(t => t.Value.Length > 0 && test(t.Value)).ToList();
            if (found.Count == 1)
                return found[0].Key;
            if (found.Count > 1)
                return null;
        }

        return null;
    }
}
