using FocusBot.Domain.Roles;

namespace FocusBot.Commands;

/// <summary>
/// One command a person can type to FocusBot, as listed in help and in the Teams manifest. A command with
/// <see cref="AllowedRoles"/> is answered only for people holding one of them; an empty list means every member of staff.
/// </summary>
public sealed record BotCommand(string Name, string Description, BotCommandScope Scopes)
{
    public IReadOnlyList<Role> AllowedRoles { get; init; } = [];

    /// <summary>Other spellings the router also answers (e.g. "recognise"); not listed in help or the manifest.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

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

    public static readonly BotCommand Pulse = new("pulse", "Show my open customer pulse", BotCommandScope.Personal);

    public static readonly BotCommand OneThing = new("one thing", "Suggest one thing we could do better for customers", BotCommandScope.Personal);

    public static readonly BotCommand Pause = new("pause", "Pause my pulses and reminders", BotCommandScope.Personal);

    public static readonly BotCommand Resume = new("resume", "Resume my pulses", BotCommandScope.Personal);

    public static readonly BotCommand Roles = new("roles", "List, grant or revoke FocusBot roles (Admin)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.Admin],
    };

    public static readonly BotCommand Insight = new("insight", "Share a customer insight with staff (Executive, HR)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.Executive, Role.HR],
    };

    public static readonly BotCommand Insights = new("insights", "Read the latest customer insights", BotCommandScope.Both);

    public static readonly BotCommand Recognize = new("recognize", "Recognise a colleague's customer focus (Executive)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.Executive],
        Aliases = ["recognise"],
    };

    public static readonly BotCommand Recognitions = new("recognitions", "Recent recognitions and this month's count per behaviour", BotCommandScope.Both);

    public static readonly BotCommand Questions = new("questions", "List, import or export the question bank (HR)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR],
    };

    public static readonly BotCommand Trends = new("trends", "Knowledge, behaviour and attitude trends by team (HR)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR],
    };

    public static readonly BotCommand TrendsRebuild = new("trends rebuild", "Recompute trend figures from the raw answers (HR, Admin)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR, Role.Admin],
    };

    public static readonly BotCommand Erase = new("erase", "Erase a person's FocusBot data on request (Admin)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.Admin],
    };

    public static readonly BotCommand Status = new("status", "Recent problems, the current pulse and the store (Admin, HR)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.Admin, Role.HR],
    };

    public static IReadOnlyList<BotCommand> All { get; } =
        [Help, Pulse, OneThing, Pause, Resume, Roles, Insight, Insights, Recognize, Recognitions, Questions, Trends, TrendsRebuild, Erase, Status];
}
