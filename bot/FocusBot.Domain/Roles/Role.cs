namespace FocusBot.Domain.Roles;

/// <summary>A FocusBot role beyond staff; every member of the tenant is staff.</summary>
public enum Role
{
    Admin,
    Executive,
    HR,

    /// <summary>Sees one team's figures: granted per team, bound to the team's Teams id (<see cref="RoleAssignment.TeamId"/>).</summary>
    Manager,
}
