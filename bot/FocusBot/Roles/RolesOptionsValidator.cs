using System.Text.RegularExpressions;
using FocusBot.Configuration;
using FocusBot.Domain.Roles;
using Microsoft.Extensions.Options;

namespace FocusBot.Roles;

/// <summary>
/// Refuses to start when Bot:RoleTeams holds anything but a Teams team id. A name would confer the role on whoever names a
/// team of their own the same; an Entra group id (the team link's groupId) cannot be matched because the roster FocusBot
/// keeps records team ids only.
/// </summary>
public sealed partial class RolesOptionsValidator : IValidateOptions<RolesOptions>
{
    public const string HowToFindTheId = "Use the team's Teams id, 19:…@thread.tacv2 (or 19:…@thread.skype for older teams). " +
        "To find it: an Admin types roles in FocusBot's personal chat, which lists every team FocusBot is in with its id; " +
        "or in Teams choose Get link to team and take the part after /l/team/, with %3a read as : and %40 as @.";

    public ValidateOptionsResult Validate(string? name, RolesOptions options)
    {
        List<string> failures = [];
        foreach (var (role, configured) in options.RoleTeams)
        {
            // Every member of a team would manage... which team? A Manager is granted for one team at a time.
            if (role == Role.Manager)
            {
                failures.Add($"{ConfigurationKeys.BotRoleTeams}:{role} is not possible: a Manager manages one team, granted by an Admin with " +
                    "roles grant manager <person> <team id> (or the roles card), one grant per team.");
                continue;
            }

            var value = configured?.Trim() ?? string.Empty;
            if (IsTeamId(value))
                continue;
            var key = $"{ConfigurationKeys.BotRoleTeams}:{role}";
            var shown = value.Length <= 80 ? value : value[..77] + "...";
            var what = Guid.TryParse(value, out _)
                ? "a Microsoft Entra group id (the groupId of the team link); FocusBot matches teams by their Teams id only"
                : "not a Teams team id; a team name is refused because anyone can name a team of their own the same";
            failures.Add($"{key} is \"{shown}\": {what}. {HowToFindTheId}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsTeamId(string value) => TeamId().IsMatch(value);

    [GeneratedRegex(@"^19:[^\s@/]+@thread\.(tacv2|skype)$", RegexOptions.CultureInvariant)]
    private static partial Regex TeamId();
}
