namespace FocusBot.Domain.Roles;

/// <summary>A FocusBot role beyond staff; every member of the tenant is staff.</summary>
public enum Role
{
    Admin,
    Executive,
    HR,
}
