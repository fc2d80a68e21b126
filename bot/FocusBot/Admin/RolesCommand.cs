using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Conversations;
using FocusBot.Domain.Roles;
using FocusBot.Messaging;
using FocusBot.People;
using FocusBot.Protocol.Activities;
using FocusBot.Recognitions;
using FocusBot.Roles;
using Microsoft.Extensions.Options;

namespace FocusBot.Admin;

/// <summary>
/// `roles` (Admins only, checked by the router before the command and before its buttons): list who holds which role,
/// grant and revoke, by card or by typing "roles grant hr Megan Bowen" / "roles revoke executive &lt;object id&gt;". A
/// Manager is granted for one team FocusBot is installed in, chosen by the team's id ("roles grant manager Megan Bowen
/// 19:…@thread.tacv2"), never by its name: anyone can name a team of their own like another.
/// </summary>
public sealed partial class RolesCommand(
    IRoleStore roles,
    PeoplePicker people,
    TeamChannels channels,
    IOptionsMonitor<RolesOptions> options,
    TimeProvider timeProvider,
    ILogger<RolesCommand> logger) : ICommandHandler, ICardActionHandler
{
    public const string GrantVerb = "roles.grant";
    public const string RevokeVerb = "roles.revoke";
    public const string PersonId = "person";
    public const string RoleId = "role";
    public const string TeamId = "team";

    public const string Usage = "I understand: roles, roles grant <role> <person>, roles revoke <role> <person>, and for a Manager " +
        "roles grant manager <person> <team id>. The role is Executive, HR, Admin or Manager; the person is a name or an Entra object id; " +
        "the team is the id roles lists beside each team FocusBot is in.";

    private static readonly string[] Subcommands = ["list", "grant", "revoke"];

    public BotCommand Command => CommandCatalog.Roles;

    public IReadOnlyCollection<string> Verbs { get; } = [GrantVerb, RevokeVerb];

    public BotCommand? CommandFor(string verb) => CommandCatalog.Roles;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var words = arguments.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0)
            words[0] = words[0].ToLowerInvariant();
        (string? Done, IReadOnlyList<string> Problems) outcome = words switch
        {
            [] or ["list"] => (null, []),
            ["grant" or "revoke", var role, var who] => await ChangeTypedAsync(turn, grant: words[0] == "grant", role, who, cancellationToken),
            _ => (null, [.. MeantSubcommand(words[0]), Usage]),
        };
        var card = await CreateCardAsync(turn.TenantId, outcome.Done, outcome.Problems, cancellationToken);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), RolesCard.Title), cancellationToken);
    }

    // "roles grnat hr Megan" is more likely a slip than a new command; card text is escaped, so quotes rather than code.
    private static IEnumerable<string> MeantSubcommand(string word) =>
        Subcommands.Contains(word, StringComparer.Ordinal)
            ? []
            : CommandSuggestions.DidYouMean([.. CommandSuggestions.Closest(word, Subcommands).Select(s => "roles " + s)], quote: "\"") is { } question ? [question] : [];

    /// <summary>"roles grant manager Megan Bowen 19:…@thread.tacv2": for a Manager the last word is the team's id.</summary>
    private async Task<(string? Done, IReadOnlyList<string> Problems)> ChangeTypedAsync(TurnContext turn, bool grant, string role, string who,
        CancellationToken cancellationToken)
    {
        string? team = null;
        if (string.Equals(role, nameof(Role.Manager), StringComparison.OrdinalIgnoreCase))
        {
            var split = who.LastIndexOf(' ');
            if (split < 0)
                return (null, [$"Name the team after the person, by its id: roles {(grant ? "grant" : "revoke")} manager <person> <team id>. {TeamsListed}"]);
            (who, team) = (who[..split].TrimEnd(), who[(split + 1)..]);
        }

        return await ChangeAsync(turn, grant, role, await FindAsync(turn.TenantId, who, cancellationToken), team, cancellationToken);
    }

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        var form = new FormValues(data);
        var role = form.Raw(RoleId) ?? string.Empty;
        // Granting the Manager role from the card takes a second step: which team.
        if (verb == GrantVerb && string.Equals(role.Trim(), nameof(Role.Manager), StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(form.Raw(TeamId))
            && await FindAsync(turn.TenantId, form.Raw(PersonId) ?? string.Empty, cancellationToken) is { AadObjectId: { } aadObjectId } person
            && await channels.TeamNamesAsync(turn.TenantId, cancellationToken) is { Count: > 0 } teams)
            return AdaptiveCardInvokeResponse.Card(RolesCard.ChooseTeam(aadObjectId, person.Name ?? aadObjectId, teams).ToJsonElement());

        var outcome = verb == GrantVerb
            ? await ChangeAsync(turn, grant: true, role, await FindAsync(turn.TenantId, form.Raw(PersonId) ?? string.Empty, cancellationToken), form.Raw(TeamId), cancellationToken)
            : await ChangeAsync(turn, grant: false, role, await FindAsync(turn.TenantId, form.Raw("aadObjectId") ?? string.Empty, cancellationToken), form.Raw(TeamId),
                cancellationToken);
        var card = await CreateCardAsync(turn.TenantId, outcome.Done, outcome.Problems, cancellationToken);
        return AdaptiveCardInvokeResponse.Card(card.ToJsonElement());
    }

    private const string TeamsListed = "Type roles to see every team FocusBot is in with its id.";

    private async Task<(string? Done, IReadOnlyList<string> Problems)> ChangeAsync(TurnContext turn, bool grant, string roleText, Target target, string? teamText,
        CancellationToken cancellationToken)
    {
        List<string> problems = [];
        Role? role = null;
        if (string.Equals(roleText.Trim(), "staff", StringComparison.OrdinalIgnoreCase))
            problems.Add("Everyone is Staff already: there is nothing to grant or revoke.");
        else if (Enum.TryParse<Role>(roleText.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(roleText, out _))
            role = parsed;
        else
            problems.Add($"\"{CardText.Plain(roleText, 40)}\" is not a role: choose Executive, HR, Admin or Manager.");
        if (target.Problem is { } problem)
            problems.Add(problem);
        var team = CardText.Plain(teamText, 200);
        if (role == Role.Manager && team.Length == 0)
            problems.Add($"Choose the team the Manager manages; FocusBot must be installed in it. {TeamsListed}");
        else if (role == Role.Manager && grant && !(await channels.TeamNamesAsync(turn.TenantId, cancellationToken)).ContainsKey(team))
            problems.Add($"FocusBot is not in a team with the id \"{team}\". A Manager is bound to a team by its id, never its name. {TeamsListed}");
        if (problems.Count > 0 || role is not { } chosen || target.AadObjectId is not { } aadObjectId)
            return (null, problems);
        if (chosen == Role.Manager)
            return await ChangeManagerAsync(turn, grant, aadObjectId, target.Name ?? aadObjectId, team, cancellationToken);

        var name = target.Name ?? aadObjectId;
        var tenantId = turn.TenantId;
        var held = await roles.GetRolesAsync(tenantId, aadObjectId, cancellationToken);
        if (grant)
        {
            if (held.Contains(chosen))
                return ($"{name} already has the {chosen} role.", []);
            await roles.GrantAsync(new RoleAssignment
            {
                TenantId = tenantId,
                AadObjectId = aadObjectId,
                Role = chosen,
                GrantedBy = turn.Activity.From?.AadObjectId ?? "unknown",
                GrantedAt = timeProvider.GetUtcNow(),
            }, cancellationToken);
            LogGranted(logger, chosen);
            return ($"{name} now has the {chosen} role.", []);
        }

        // Removing your own Admin role could leave nobody able to assign roles; another Admin can do it.
        if (chosen == Role.Admin && string.Equals(aadObjectId, turn.Activity.From?.AadObjectId, StringComparison.OrdinalIgnoreCase))
            return (null, ["You cannot remove your own Admin role. Ask another Admin to do it."]);
        if (await roles.RevokeAsync(tenantId, aadObjectId, chosen, null, cancellationToken))
        {
            LogRevoked(logger, chosen);
            var stillAdmin = chosen == Role.Admin && options.CurrentValue.Admins.Contains(aadObjectId);
            return (stillAdmin ? $"Revoked the granted Admin role of {name}; they remain Admin through configuration." : $"{name} no longer has the {chosen} role.", []);
        }

        if (chosen == Role.Admin && options.CurrentValue.Admins.Contains(aadObjectId))
            return (null, [$"{name} is Admin through configuration (Bot:AdminAadObjectIds); change it there."]);
        if (options.CurrentValue.RoleTeams.TryGetValue(chosen, out var teamId))
        {
            var teams = await channels.TeamNamesAsync(tenantId, cancellationToken);
            return (null, [$"{name} holds no granted {chosen} role. Members of the team {RolesCard.TeamLabel(teamId, teams)} are {chosen} through configuration (Bot:RoleTeams)."]);
        }

        return (null, [$"{name} does not have the {chosen} role."]);
    }

    /// <summary>
    /// A Manager is granted for a team FocusBot is installed in, by the team's id; revoked for any team they manage,
    /// installed or not (FocusBot may have left the team since).
    /// </summary>
    private async Task<(string? Done, IReadOnlyList<string> Problems)> ChangeManagerAsync(TurnContext turn, bool grant, string aadObjectId, string name, string teamId,
        CancellationToken cancellationToken)
    {
        var tenantId = turn.TenantId;
        var teams = await channels.TeamNamesAsync(tenantId, cancellationToken);
        var manages = (await roles.ListForPersonAsync(tenantId, aadObjectId, cancellationToken)).Any(a => a.Role == Role.Manager && a.TeamId == teamId);
        var team = ManagedTeamLabel(teamId, teams);
        if (!grant)
        {
            if (!await roles.RevokeAsync(tenantId, aadObjectId, Role.Manager, teamId, cancellationToken))
                return (null, [$"{name} does not manage {team}."]);
            LogRevoked(logger, Role.Manager);
            return ($"{name} no longer manages {team}.", []);
        }

        if (manages)
            return ($"{name} already manages {team}.", []);
        await roles.GrantAsync(new RoleAssignment
        {
            TenantId = tenantId,
            AadObjectId = aadObjectId,
            Role = Role.Manager,
            TeamId = teamId,
            GrantedBy = turn.Activity.From?.AadObjectId ?? "unknown",
            GrantedAt = timeProvider.GetUtcNow(),
        }, cancellationToken);
        LogGranted(logger, Role.Manager);
        return ($"{name} now manages {team}: they see its figures with trends and comments, and get its weekly digest from the next pulse on.", []);
    }

    /// <summary>A team as a sentence names it: "Service Desk", or its id while FocusBot is not in it (or it has no name).</summary>
    public static string ManagedTeamLabel(string teamId, IReadOnlyDictionary<string, string> teams) =>
        teams.TryGetValue(teamId, out var name) && name.Length > 0 ? CardText.Plain(name, 80) : "the team " + CardText.Plain(teamId, 120);

    private async Task<Target> FindAsync(string tenantId, string who, CancellationToken cancellationToken)
    {
        var term = CardText.Plain(who, 120);
        if (term.Length == 0)
            return new Target(null, null, "Choose the person.");
        if (Guid.TryParse(term, out var objectId))
        {
            var id = objectId.ToString();
            var names = await people.NamesByObjectIdAsync(tenantId, [id], cancellationToken);
            return new Target(id, names.TryGetValue(id, out var known) ? known : null, null);
        }

        if (await people.ResolveAsync(tenantId, term, cancellationToken) is { } chosen)
            return chosen.AadObjectId is null
                ? new Target(null, null, $"FocusBot does not know {chosen.Name}'s Entra object id yet; use the object id instead.")
                : new Target(chosen.AadObjectId, chosen.Name, null);

        var found = await people.SearchAsync(tenantId, term, 10, cancellationToken);
        var exact = found.Where(p => string.Equals(p.Name, term, StringComparison.OrdinalIgnoreCase)).ToList();
        var candidates = exact.Count > 0 ? exact : found;
        return candidates switch
        {
            [] => new Target(null, null, $"No one FocusBot knows is called \"{term}\". Use their Entra object id, or a name as Teams shows it."),
            [{ AadObjectId: null } one] => new Target(null, null, $"FocusBot does not know {one.Name}'s Entra object id yet; use the object id instead."),
            [var one] => new Target(one.AadObjectId, one.Name, null),
            _ => new Target(null, null, $"\"{term}\" matches {string.Join(", ", candidates.Take(5).Select(p => p.Name))}: give the full name or the object id."),
        };
    }

    private async Task<AdaptiveCard> CreateCardAsync(string tenantId, string? done, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        var grants = await roles.ListAsync(tenantId, cancellationToken);
        var names = await people.NamesByObjectIdAsync(tenantId, grants.Select(g => g.AadObjectId), cancellationToken);
        var (listed, _) = await people.ListAsync(tenantId, PeoplePicker.MaxChoices, cancellationToken);
        var settings = options.CurrentValue;
        var teams = await channels.TeamNamesAsync(tenantId, cancellationToken);
        return RolesCard.Create(grants, names, settings.Admins.Count, settings.RoleTeams, teams, listed, done, problems);
    }

    private sealed record Target(string? AadObjectId, string? Name, string? Problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Role {Role} granted")]
    private static partial void LogGranted(ILogger logger, Role role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Role {Role} revoked")]
    private static partial void LogRevoked(ILogger logger, Role role);
}
