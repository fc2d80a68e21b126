using FocusBot.Domain.Roles;

namespace FocusBot.Roles;

/// <summary>Roles that come from configuration rather than from the `roles` command.</summary>
public sealed class RolesOptions
{
    public const string Section = "Bot";

    /// <summary>Entra object ids of the first Admins (comma-separated in App Service settings).</summary>
    public string AdminAadObjectIds { get; set; } = string.Empty;

    /// <summary>
    /// Teams whose members hold a role, by Teams team id, e.g. Bot:RoleTeams:Executive = "19:…@thread.tacv2". Never a team
    /// name: anyone can create a team and name it like the configured one (<see cref="RolesOptionsValidator"/>).
    /// </summary>
    public Dictionary<Role, string> RoleTeams { get; set; } = [];

    public IReadOnlySet<string> Admins => AdminAadObjectIds
        .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
