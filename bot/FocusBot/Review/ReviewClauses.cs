using System.Globalization;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Programme;

namespace FocusBot.Review;

/// <summary>
/// The pack's sections and the part of ISO 9001:2015 clause 5.1.2 (customer focus) each gives evidence for, in our own
/// words: top management shows leadership on customer focus by making sure that (a) customer and legal requirements
/// are known, understood and met every time, (b) the risks and opportunities that affect conformity and customer
/// satisfaction are found and acted on, and (c) the focus on raising customer satisfaction is kept up.
/// </summary>
public static class ReviewClauses
{
    public const string Leadership = "Top management's customer focus";
    public const string LeadershipSupports =
        "Clause 5.1.2, opening and (c): top management shows customer focus itself, and keeps the focus on customer satisfaction up: the insights it shared and the recognitions it gave, dated and by whom.";

    public const string Staff = "Staff knowledge, behaviour and attitude toward customers";
    public const string StaffSupports =
        "Clause 5.1.2 (a) and (c): customers and their requirements are understood across the organisation (knowledge), acted on (behaviour) and cared about (attitude), measured every week and shown side by side, never blended.";

    public const string Levels = "Programme levels by team";
    public const string LevelsSupports =
        "Clause 5.1.2 (a): how far each team has come in understanding its customers, from 1 Basic knowledge to 3 Partnership, by a stated mastery rule, and what stands before the next level.";

    public const string Kpis = "Customer KPIs: objective measures";
    public const string KpisSupports =
        "Clause 5.1.2 (a) and (c): objective measures rather than impressions (complaints, on-time delivery and rework show whether requirements are met every time; satisfaction scores whether it is rising), beside staff figures of the same periods, associations stated as associations, not causes.";

    public const string Events = "Programme events";
    public const string EventsSupports =
        "Clause 5.1.2 (c): the workshops, training, customer clinics, focus groups, customer focus teams and policy changes that keep the focus on customer satisfaction.";

    public const string Voice = "What staff say, and the actions taken";
    public const string VoiceSupports =
        "Clause 5.1.2 (b): risks and opportunities that affect customers are found (what staff say could be better for customers) and acted on (each action with its owner, due date and status).";

    /// <summary>The clause's parts and the sections that answer each.</summary>
    public static IReadOnlyList<(string Clause, IReadOnlyList<string> Sections)> Map { get; } =
    [
        ("Showing leadership and commitment on customer focus themselves", [Leadership]),
        ("(a) making sure customer and legal requirements are known, understood and met every time", [Staff, Levels, Kpis]),
        ("(b) finding and acting on the risks and opportunities that affect conformity and customer satisfaction", [Voice]),
        ("(c) keeping up the focus on raising customer satisfaction", [Leadership, Staff, Kpis, Events]),
    ];

    /// <summary>Who an event was for, by team name.</summary>
    public static string For(ProgrammeEvent programmeEvent, IReadOnlyDictionary<string, string> teamNames)
    {
        ArgumentNullException.ThrowIfNull(programmeEvent);
        ArgumentNullException.ThrowIfNull(teamNames);
        return programmeEvent.Audience(id => teamNames.GetValueOrDefault(id) is { Length: > 0 } name ? name : "a team");
    }

    /// <summary>An action's status as the review reads it: done (and when), or open and whether it ran past its due date in the range.</summary>
    public static string Status(ProgrammeAction action, ReviewRange range)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(range);
        return action.Status switch
        {
            ActionStatus.Done => "Done, " + action.UpdatedAt.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            _ when action.DueDate < range.LastDay => (action.Status == ActionStatus.Planned ? "Planned" : "In progress") + ", overdue",
            ActionStatus.Planned => "Planned",
            _ => "In progress",
        };
    }
}
