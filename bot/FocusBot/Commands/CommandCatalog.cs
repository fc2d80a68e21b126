using FocusBot.Domain.Roles;

namespace FocusBot.Commands;

/// <summary>
/// One command a person can type to FocusBot, as listed in help and in the Teams manifest. A command with
/// <see cref="AllowedRoles"/> is answered only for people holding one of them; an empty list means every member of staff.
/// </summary>
public sealed record BotCommand(string Name, string Description, BotCommandScope Scopes)
{
    public IReadOnlyList<Role> AllowedRoles { get; init; } = [];

    public bool IsAllowedFor(IReadOnlySet<Role> roles) => AllowedRoles.Count == 0 || AllowedRoles.Any(roles.Contains);
}

[Flags]
public enum BotCommandScope
{
    Personal = 1,
    Team = 2,
    Both = Personal | Team,
}

/// <summary>
/// The commands FocusBot really answers. Help cards and the Teams manifest's commandLists are both checked
/// against this list, so a command cannot be advertised without being handled or handled without being listed.
/// </summary>
public static class CommandCatalog
{
    public static readonly BotCommand Help = new("help", "What FocusBot does and the commands you can use", BotCommandScope.Both);

    public static IReadOnlyList<BotCommand> All { get; } = [Help];
}
