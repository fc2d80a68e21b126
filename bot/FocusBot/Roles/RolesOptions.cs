using FocusBot.Domain.Roles;

namespace FocusBot.Roles;

/// <summary>Roles that come from configuration rather than from the `roles` command.</summary>
public sealed class RolesOptions
{
    public const string Section = "Bot";

    /// <summary>Entra object ids of the first Admins (comma-separated in App Service settings).</summary>
    public string AdminAadObjectIds { get; set; } = string.Empty;

    /// <summary>Team names whose members hold a role, e.g. Bot:RoleTeams:Executive = "Leadership".</summary>
    public Dictionary<Role, string> RoleTeams { get; set; } = [];

    public IReadOnlySet<string> Admins => AdminAadObjectIds
        .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
