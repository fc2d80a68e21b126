using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using FocusBot.Forms;
using FocusBot.People;
using FocusBot.Recognitions;

namespace FocusBot.Admin;

/// <summary>What `roles` shows an Admin: who holds which role and why, with revoke buttons and a grant form.</summary>
public static class RolesCard
{
    public const string Title = "FocusBot roles";

    public static readonly IReadOnlyList<Role> Grantable = [Role.Executive, Role.HR, Role.Admin, Role.Manager];

    /// <summary>Grants listed with a button; a card must stay under 28 KB.</summary>
    public const int MaxGrantsShown = 15;

    /// <summary>Teams listed with their ids; a card must stay under 28 KB.</summary>
    public const int MaxTeamsShown = 10;

    /// <summary>Teams offered to a new Manager (a card must stay under 28 KB); beyond them, an Admin types the team's id.</summary>
    public const int MaxTeamChoices = 20;

    public const string ChooseTeamTitle = "Which team will they manage?";

    public static AdaptiveCard Create(
        IReadOnlyList<RoleAssignment> grants,
        IReadOnlyDictionary<string, string> names,
        int configuredAdmins,
        IReadOnlyDictionary<Role, string> roleTeams,
        IReadOnlyDictionary<string, string> teams,
        IReadOnlyList<RosterPerson> people,
        string? done = null,
        IReadOnlyList<string>? problems = null)
    {
        List<CardElement> body =
        [
            new TextBlock(Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock("Everyone is Staff. Executives post recognition and insights and see every team's figures, HR runs the programme " +
                "(insights, questions, trends), Managers see their own team's figures, Admins assign roles.") { IsSubtle = true },
        ];
        if (done is not null)
            body.Add(FormNotice.Done(done));
        if (problems is { Count: > 0 })
            body.Add(ProblemsBlock(problems));

        body.Add(new TextBlock("From configuration") { Weight = "Bolder", Spacing = "Medium" });
        List<Fact> configured = [new("Admins (Bot:AdminAadObjectIds)", configuredAdmins.ToString(CultureInfo.InvariantCulture))];
        configured.AddRange(roleTeams.OrderBy(r => r.Key).Select(r => new Fact(r.Key.ToString(), CardText.Markdown("everyone in the team " + TeamLabel(r.Value, teams), 300))));
        body.Add(new FactSet(configured));
        if (teams.Count > 0)
        {
            // Bot:RoleTeams takes a team's id, which Teams shows nowhere plainly: this is where an Admin finds it.
            body.Add(new TextBlock("Teams FocusBot is in, with the id to use in Bot:RoleTeams and for a Manager") { Size = "Small", IsSubtle = true, Spacing = "Small" });
            body.Add(new FactSet([.. teams.OrderBy(t => t.Value, StringComparer.CurrentCultureIgnoreCase).Take(MaxTeamsShown)
                .Select(t => new Fact(CardText.Markdown(t.Value.Length > 0 ? t.Value : "(no name)", 80), CardText.Markdown(t.Key, 120)))]));
            if (teams.Count > MaxTeamsShown)
                body.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture, $"And {teams.Count - MaxTeamsShown} more.")) { Size = "Small", IsSubtle = true });
        }

        body.Add(new TextBlock("Granted with this command") { Weight = "Bolder", Spacing = "Medium" });
        if (grants.Count == 0)
            body.Add(new TextBlock("No roles granted yet.") { IsSubtle = true });
        var ordered = grants.OrderBy(g => g.Role).ThenBy(g => NameOf(g.AadObjectId, names), StringComparer.CurrentCultureIgnoreCase).ToList();
        foreach (var grant in ordered.Take(MaxGrantsShown))
        {
            body.Add(new ColumnSet(
            [
                new Column([new TextBlock($"**{CardText.Markdown(NameOf(grant.AadObjectId, names), 80)}** · {RoleLabel(grant, teams)}")
                {
                    Spacing = "None",
                },
                new TextBlock("since " + grant.GrantedAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)) { Size = "Small", IsSubtle = true, Spacing = "None" }])
                {
                    Width = "stretch",
                    VerticalContentAlignment = "Center",
                },
                new Column([new ActionSet([ExecuteAction.WithSubmitFallback("Revoke", RolesCommand.RevokeVerb,
                    new JsonObject { ["aadObjectId"] = grant.AadObjectId, ["role"] = grant.Role.ToString(), [RolesCommand.TeamId] = grant.TeamId })])])
                {
                    Width = "auto",
                },
            ])
            {
                Separator = true,
            });
        }

        if (ordered.Count > MaxGrantsShown)
        {
            var more = string.Create(CultureInfo.InvariantCulture,
                $"And {ordered.Count - MaxGrantsShown} more. Revoke by typing: roles revoke <role> <person> (for a Manager, then the team's id).");
            body.Add(new TextBlock(CardText.Markdown(more, 200)) { IsSubtle = true });
        }

        body.Add(new TextBlock("Grant a role") { Weight = "Bolder", Spacing = "Large" });
        body.Add(PeoplePicker.ChoiceSet(RolesCommand.PersonId, "Person", people, null) with { IsRequired = null, ErrorMessage = null });
        body.Add(new ChoiceSetInput
        {
            Id = RolesCommand.RoleId,
            Label = "Role",
            Style = "compact",
            Choices = [.. Grantable.Select(r => new Choice(r.ToString(), r.ToString()))],
            Value = Role.Executive.ToString(),
        });
        body.Add(new TextBlock(CardText.Markdown("You can also type: roles grant hr Megan Bowen, roles revoke executive <their Entra object id>, " +
            "or roles grant manager Megan Bowen <team id>.", 300))
        {
            Size = "Small",
            IsSubtle = true,
        });

        return new AdaptiveCard
        {
            FallbackText = Title,
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback("Grant", RolesCommand.GrantVerb)],
        };
    }

    /// <summary>
    /// The second step of granting the Manager role from the card: the team, chosen among those FocusBot is installed in
    /// and sent back by its id (two teams may share a name, and a name says nothing about which team it is).
    /// </summary>
    public static AdaptiveCard ChooseTeam(string aadObjectId, string name, IReadOnlyDictionary<string, string> teams)
    {
        var listed = teams.OrderBy(t => t.Value, StringComparer.CurrentCultureIgnoreCase).Take(MaxTeamChoices).ToList();
        var shared = listed.GroupBy(t => t.Value, StringComparer.CurrentCultureIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        List<CardElement> body =
        [
            new TextBlock(ChooseTeamTitle) { Size = "Large", Weight = "Bolder" },
            new TextBlock($"{CardText.Markdown(name, 80)} will see this team's figures alone (trends, comments and the report page) and get its weekly digest. " +
                "To manage several teams, grant the role once for each.") { IsSubtle = true },
            new ChoiceSetInput
            {
                Id = RolesCommand.TeamId,
                Label = "Team",
                Style = "compact",
                IsRequired = true,
                ErrorMessage = "Choose the team.",
                Choices = [.. listed.Select(t => new Choice(TeamChoice(t.Key, t.Value, shared.Contains(t.Value)), t.Key))],
            },
        ];
        if (teams.Count > MaxTeamChoices)
        {
            body.Add(new TextBlock(CardText.Markdown(string.Create(CultureInfo.InvariantCulture,
                $"{teams.Count - MaxTeamChoices} more teams are not listed: type roles to see every team with its id, then roles grant manager <person> <team id>."), 300))
            { Size = "Small", IsSubtle = true });
        }

        return new AdaptiveCard
        {
            FallbackText = ChooseTeamTitle,
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback("Grant", RolesCommand.GrantVerb, new JsonObject { [RolesCommand.PersonId] = aadObjectId, [RolesCommand.RoleId] = nameof(Role.Manager) })],
        };
    }

    /// <summary>A configured team as plain text, "Name" (id), or the id alone while FocusBot is not installed in that team.</summary>
    public static string TeamLabel(string teamId, IReadOnlyDictionary<string, string> teams) =>
        teams.TryGetValue(teamId.Trim(), out var name) && name.Length > 0
            ? $"\"{CardText.Plain(name, 80)}\" ({CardText.Plain(teamId.Trim(), 120)})"
            : $"{CardText.Plain(teamId.Trim(), 120)} (FocusBot is not in this team yet)";

    private static string RoleLabel(RoleAssignment grant, IReadOnlyDictionary<string, string> teams) =>
        grant is { Role: Role.Manager, TeamId: { } teamId }
            ? "Manager of " + CardText.Markdown(RolesCommand.ManagedTeamLabel(teamId, teams), 140)
            : grant.Role.ToString();

    private static string TeamChoice(string teamId, string name, bool nameShared) =>
        name.Length == 0 ? CardText.Plain(teamId, 120)
        : nameShared ? $"{CardText.Plain(name, 60)} ({CardText.Plain(teamId, 120)})"
        : CardText.Plain(name, 60);

    private static string NameOf(string aadObjectId, IReadOnlyDictionary<string, string> names) =>
        names.TryGetValue(aadObjectId, out var name) ? name : aadObjectId;

    private static Container ProblemsBlock(IReadOnlyList<string> problems) => new(
        [.. problems.Select(p => new TextBlock(CardText.Markdown(p, 400)) { Color = "Attention", Weight = "Bolder" })])
    {
        Style = "attention",
    };
}
