using FocusBot.Domain.Answers;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;

namespace FocusBot.Commands;

/// <summary>
/// One command a person can type to FocusBot, as listed in help and in the Teams manifest. A command with
/// <see cref="AllowedRoles"/> is answered only for people holding one of them; an empty list means every member of staff.
/// </summary>
public sealed record BotCommand(string Name, string Description, BotCommandScope Scopes)
{
    public IReadOnlyList<Role> AllowedRoles { get; init; } = [];

    /// <summary>What the refusal card suggests instead to someone without the role (e.g. the command everyone may use).</summary>
    public string? Instead { get; init; }

    /// <summary>Other spellings the router also answers (e.g. "recognise"); not listed in help or the manifest.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The help card's section for the command.</summary>
    public CommandGroup Group { get; init; } = CommandGroup.Help;

    /// <summary>How to type it; a command without arguments need not say, its name is all there is.</summary>
    public CommandUsage Usage
    {
        get => _usage ?? new CommandUsage([Name], Name);
        init => _usage = value;
    }

    private readonly CommandUsage? _usage;

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
    public static readonly BotCommand Help = new("help", "What FocusBot does and the commands you can use", BotCommandScope.Both)
    {
        Usage = new(["help", "help <command>"], "help insights")
        {
            Details = "help alone lists the commands you can use; followed by the name of one, it shows that command in detail.",
        },
    };

    public static readonly BotCommand Pulse = new("pulse", "Show my open customer pulse", BotCommandScope.Personal)
    {
        Group = CommandGroup.Pulse,
        Usage = new(["pulse"], "pulse")
        {
            Details = "Shows the pulse that is open now, to answer in the card, or your answers if you have given them. " +
                "When no pulse is open, it says when the next one is due.",
        },
    };

    public static readonly BotCommand OneThing = new("one thing", "Suggest one thing we could do better for customers", BotCommandScope.Personal)
    {
        Group = CommandGroup.Pulse,
        Usage = new(["one thing", "one thing <your suggestion>"], "one thing Call customers back the same day")
        {
            Details = "Alone, it opens a form to write in. A suggestion is filed without your name, up to " +
                $"{Answer.FreeTextMaxLength} characters; one counts per week, and a later one replaces it.",
        },
    };

    public static readonly BotCommand Pause = new("pause", "Pause my pulses and reminders", BotCommandScope.Personal)
    {
        Group = CommandGroup.Pulse,
        Usage = new(["pause"], "pause") { Details = "No pulses or reminders reach you until you type resume." },
    };

    public static readonly BotCommand Resume = new("resume", "Resume my pulses", BotCommandScope.Personal)
    {
        Group = CommandGroup.Pulse,
        Usage = new(["resume"], "resume") { Details = "Pulses start again with the next one." },
    };

    public static readonly BotCommand Roles = new("roles", "List, grant or revoke FocusBot roles (Admin)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.Admin],
        Group = CommandGroup.Administration,
        Usage = new(["roles", "roles grant <role> <person> [team id]", "roles revoke <role> <person> [team id]"], "roles grant HR Megan Bowen")
        {
            Details = "The role is Executive, HR, Admin or Manager; the person is a name as Teams shows it or an Entra object id; a " +
                "Manager also needs the id of the team they manage, last (roles grant manager Megan Bowen 19:…@thread.tacv2). " +
                "roles alone lists who holds which role and every team FocusBot is in with its id, with a form to grant and revoke.",
        },
    };

    public static readonly BotCommand Insight = new("insight", "Share a customer insight with staff (Executive, HR)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.Executive, Role.HR],
        Group = CommandGroup.InsightsAndRecognition,
        Usage = new(["insight"], "insight")
        {
            Details = "Opens the form for a customer insight: what a customer said or what the numbers show. It is posted with " +
                "your name, to everyone, chosen teams or team channels, now or at a date and time you choose. Check reach on the " +
                "posted card (or Reach and changes in insights) shows how far it has got, and edits, recalls or cancels it.",
        },
    };

    public static readonly BotCommand Insights = new("insights", "Read the latest customer insights", BotCommandScope.Both)
    {
        Group = CommandGroup.InsightsAndRecognition,
        Usage = new(["insights"], "insights")
        {
            Details = "Shows the latest customer insights; press Got it on one you have read. Executives and HR also see those " +
                "scheduled for later.",
        },
    };

    public static readonly BotCommand Action = new("action", "Record an action: you said, we did (Executive, HR)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.Executive, Role.HR],
        Group = CommandGroup.InsightsAndRecognition,
        Usage = new(["action"], "action")
        {
            Details = "Opens the form for an action that answers a Voice theme or the comments in general: what will change, its " +
                "owner, due date and status. Staff get it in their chat and/or a team channel; Change status in actions updates it.",
        },
    };

    public static readonly BotCommand Actions = new("actions", "What has changed because of what staff said", BotCommandScope.Both)
    {
        Group = CommandGroup.InsightsAndRecognition,
        Usage = new(["actions"], "actions") { Details = "Lists the actions taken in answer to the weekly pulse, newest first, with owner, due date and status." },
    };

    public static readonly BotCommand Event = new("event", "Record a programme event: a workshop, training or clinic (HR, Executive)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR, Role.Executive],
        Group = CommandGroup.Programme,
        Usage = new(["event"], "event")
        {
            Details = "Opens the form for a programme event: its kind (workshop, training, customer clinic, focus group, customer focus team " +
                "formed, policy change), title, date, and the teams involved or the whole organisation. It is marked on the report's charts; " +
                "Before and after in events compares the weeks either side.",
        },
    };

    public static readonly BotCommand Events = new("events", "Programme events, each with its before and after (HR, Executive)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR, Role.Executive],
        Group = CommandGroup.Programme,
        Usage = new(["events"], "events")
        {
            Details = "Lists the programme events, latest first. Before and after on one compares knowledge, behaviour and attitude in the weeks " +
                "before it with the weeks after, for the teams involved (or the organisation) and for the other teams where there are enough, " +
                "with the trends card's rule for a clear change and its privacy rules.",
        },
    };

    public static readonly BotCommand Programme = new("programme", "Each team's programme level and what stands before the next (HR, Executive, Manager)",
        BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR, Role.Executive, Role.Manager],
        Group = CommandGroup.Programme,
        Usage = new(["programme [team name]"], "programme Sales")
        {
            Details = "Each team's level (1 Basic knowledge, 2 Deeper understanding, 3 Partnership) under the mastery rule, and for the next level what " +
                "stands in the way: knowledge items below mastery and by how much, items without enough answers yet, behaviour or attitude below " +
                "favourable. A Manager sees the team they manage, and only that team.",
        },
    };

    public static readonly BotCommand Kpis = new("kpis", "Customer KPIs beside staff figures; import them as CSV (HR)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR],
        Group = CommandGroup.Programme,
        Usage = new(["kpis", "kpis import", "kpis key", "kpis key revoke"], "kpis import")
        {
            Details = "kpis alone shows each customer KPI (CSAT, NPS, complaints, on-time delivery, rework or your own) by period, beside knowledge, " +
                "behaviour and attitude of the same period, and how they go together where there are enough teams or periods to say. " +
                "kpis import takes a CSV attached, or pasted on the lines below the command (Shift+Enter starts a new line), with the header " +
                "kpi,period,team,value,unit,better; it stores the file only if every line is valid, and importing it again changes nothing. " +
                "kpis key makes the key for the import endpoint (shown once; a new one replaces it), kpis key revoke stops it.",
        },
    };

    public static readonly BotCommand Review = new("review", "ISO 9001 management-review pack of customer focus, as a page and CSV (HR, Executive)",
        BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR, Role.Executive],
        Group = CommandGroup.Programme,
        Usage = new(["review [Q<n> <year>|<year>|<month> <year>|<date> to <date>|this quarter]"], "review Q3 2026")
        {
            Details = "Links to the management-review pack for ISO 9001:2015 clause 5.1.2, customer focus: top management's insights and " +
                "recognitions, staff knowledge, behaviour and attitude, programme events, what staff say and the actions taken, each section " +
                "with the part of 5.1.2 it supports. A printable page and a CSV. review alone is the last complete quarter; also review this " +
                "quarter, review 2026, review Nov 2026.",
        },
    };

    public static readonly BotCommand Recognize = new("recognize", "Post an executive recognition of customer focus (Executive)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.Executive],
        Aliases = ["recognise"],
        Group = CommandGroup.InsightsAndRecognition,
        Instead = "To recognise a colleague in your team, type kudos.",
        Usage = new(["recognize"], "recognize")
        {
            Details = "Opens the form: choose the person, the behaviour and the team channel, and say what they did. " +
                "It is posted in that channel as an Executive recognition, set apart from colleagues' recognitions, and the person gets a " +
                "message too. recognise works as well.",
        },
    };

    public static readonly BotCommand Kudos = new("kudos", "Recognise a colleague's customer focus in your team", BotCommandScope.Both)
    {
        Group = CommandGroup.InsightsAndRecognition,
        Usage = new(["kudos"], "kudos")
        {
            Details = "Opens the form: choose a colleague of your team, the customer-focus behaviour, and say what they did for a customer. " +
                "Typed in a team's channel, it is posted there; in your personal chat, you choose one of your teams' channels. " +
                "Each person can recognise a few colleagues a week; the form says how many are left.",
        },
    };

    public static readonly BotCommand Recognitions = new("recognitions", "Recognitions, by team, behaviour, month and who gave them", BotCommandScope.Both)
    {
        Group = CommandGroup.InsightsAndRecognition,
        Usage = new(["recognitions"], "recognitions")
        {
            Details = "Shows the latest recognitions, executive and from colleagues, and this month's count per behaviour. Choose a team, " +
                "a behaviour, a month or a kind in the card to see only those, and page through them.",
        },
    };

    public static readonly BotCommand RecognitionCounts = new("recognitions counts", "Recognitions per month by behaviour and team (HR, Executive)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR, Role.Executive],
        Group = CommandGroup.Programme,
        Usage = new(["recognitions counts"], "recognitions counts")
        {
            Details = "How many recognitions each behaviour and each team had in each of the last months, executive and from colleagues " +
                "apart, to see where customer focus is being noticed.",
        },
    };

    public static readonly BotCommand RecognitionsExport = new("recognitions export", "Download recognitions as a CSV file (HR)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR],
        Group = CommandGroup.Programme,
        Usage = new(["recognitions export"], "recognitions export")
        {
            Details = "Gives you a link to a CSV file of every recognition (date, kind, who, by whom, behaviour, team, channel, story, " +
                "applause), for a spreadsheet. The link works while you hold the HR role, until it expires (a day unless your admin set otherwise); " +
                "Export CSV in the recognitions card exports only what the card shows.",
        },
    };

    public static readonly BotCommand Questions = new("questions", "List, import or export the question bank (HR)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR],
        Group = CommandGroup.Programme,
        Usage = new(["questions", "questions list [page]", "questions export csv|json", "questions import"], "questions export csv")
        {
            Details = "questions alone lists the bank by dimension and level. Export gives the whole bank as a file to edit. " +
                "Import takes the edited file attached, or the JSON or CSV pasted on the lines below the command " +
                "(Shift+Enter starts a new line), and replaces the bank only if every line is valid.",
        },
    };

    public static readonly BotCommand Trends = new("trends", "Knowledge, behaviour and attitude trends by team (HR, Executive, Manager)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR, Role.Executive, Role.Manager],
        Group = CommandGroup.Programme,
        Usage = new(["trends [team name] [knowledge|behaviour|attitude] [N weeks|months|quarters]"], "trends Sales 6 months")
        {
            Details = "Without a team name: the whole organisation (a Manager sees the team they manage, and only that team). Without a period: the last " +
                $"{TrendSpans.DefaultWeeks} weeks. N is {TrendSpans.Min} to {TrendSpans.Max(PeriodKind.Week)} weeks, " +
                $"{TrendSpans.Min} to {TrendSpans.Max(PeriodKind.Month)} months or {TrendSpans.Min} to {TrendSpans.Max(PeriodKind.Quarter)} quarters; " +
                "as the only word, week, month or quarter works too (trends month). Naming a dimension shows only that one.",
        },
    };

    public static readonly BotCommand Comments = new("comments", "Read the comments of large enough groups, masked (HR, Executive, Manager)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR, Role.Executive, Role.Manager],
        Group = CommandGroup.Programme,
        Usage = new(["comments [team name] [N weeks|months|quarters]"], "comments Sales 3 months")
        {
            Details = "What people wrote to the \"one thing\" question, word for word, for the organisation or one team (a Manager: " +
                "their own team only): only for periods where enough people commented, in no particular order, without dates, with " +
                $"names, e-mail addresses and phone numbers masked. Without a period: the last {TrendSpans.DefaultWeeks} weeks.",
        },
    };

    public static readonly BotCommand Digest = new("digest", "Turn your weekly digest off or on (HR, Executive, Manager)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR, Role.Executive, Role.Manager],
        Group = CommandGroup.Programme,
        Usage = new(["digest", "digest off|on"], "digest off")
        {
            Details = "After each pulse closes, HR and Executives get the organisation's weekly digest in this chat, and a Manager one " +
                "for each team they manage. digest off stops them, digest on starts them again; digest alone says which you get.",
        },
    };

    public static readonly BotCommand TrendsRebuild = new("trends rebuild", "Recompute trend figures from the raw answers (HR, Admin)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.HR, Role.Admin],
        Group = CommandGroup.Programme,
        Usage = new(["trends rebuild"], "trends rebuild")
        {
            Details = "Recomputes every trend figure from the raw answers in the background, and says here when it is done.",
        },
    };

    public static readonly BotCommand Erase = new("erase", "Erase a person's FocusBot data on request (Admin)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.Admin],
        Group = CommandGroup.Administration,
        Usage = new(["erase <person>"], "erase Megan Bowen")
        {
            Details = "The person is a name as Teams shows it, an Entra object id or a Teams user id. FocusBot first shows " +
                "what it keeps about them, as counts, and erases only when you press Erase.",
        },
    };

    public static readonly BotCommand Status = new("status", "Recent problems, the current pulse and the store (Admin, HR)", BotCommandScope.Personal)
    {
        AllowedRoles = [Role.Admin, Role.HR],
    };

    public static IReadOnlyList<BotCommand> All { get; } =
        [
            Help, Pulse, OneThing, Pause, Resume, Roles, Insight, Insights, Action, Actions, Recognize, Kudos, Recognitions, RecognitionCounts, RecognitionsExport,
            Questions, Trends, Comments, Digest, TrendsRebuild, Event, Events, Programme, Review, Kpis, Erase, Status,
        ];
}
