using System.Globalization;
using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Domain.Programme;

namespace FocusBot.Programme;

/// <summary>What an event form holds once read and checked. Nothing is stored until every check passes.</summary>
public sealed record EventDraft(ProgrammeEventKind Kind, string Title, DateOnly Date, IReadOnlyList<string> TeamIds);

/// <summary>The event form's fields, limits and checks.</summary>
public static class EventForm
{
    public const string KindId = "kind";
    public const string TitleId = "title";
    public const string DateId = "date";
    public const string TeamsId = "teams";

    /// <summary>An event is recorded after the fact, or planned ahead; further out either way is a mistyped year.</summary>
    public const int MaxYearsBack = 5;

    public const int MaxDaysAhead = 366;

    public static IReadOnlyList<Choice> Kinds { get; } = [.. ProgrammeEventKinds.All.Select(k => new Choice(ProgrammeEventKinds.Title(k), k.ToString()))];

    /// <param name="teams">Team id to name, for the teams FocusBot is installed in.</param>
    public static EventDraft? Read(JsonElement data, IReadOnlyDictionary<string, string> teams, DateOnly today, out IReadOnlyList<string> problems)
    {
        var form = new FormValues(data);
        var kind = form.Choice(KindId, "Kind", [.. Kinds.Select(k => k.Value)], required: true);
        var title = form.Required(TitleId, "Title", ProgrammeEvent.MaxTitle);
        var date = ReadDate(form, today);
        var teamIds = form.Values(TeamsId);
        if (teamIds.Any(id => !teams.ContainsKey(id)))
            form.Problem("Teams: FocusBot is not installed in one of those teams (any more). Choose teams from the list, or none for the whole organisation.");
        if (teamIds.Count > ProgrammeEvent.MaxTeams)
            form.Problem($"{teamIds.Count} teams chosen; choose at most {ProgrammeEvent.MaxTeams}, or none for the whole organisation.");

        problems = form.Problems;
        return form.IsValid ? new EventDraft(Enum.Parse<ProgrammeEventKind>(kind!), title!, date!.Value, teamIds) : null;
    }

    private static DateOnly? ReadDate(FormValues form, DateOnly today)
    {
        var raw = CardText.Clean(form.Raw(DateId));
        if (raw.Length == 0)
        {
            form.Problem("Date is required: pick the day the event took place (its first day).");
            return null;
        }

        if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            form.Problem("Date: please pick a date from the calendar (for example 2027-01-31).");
            return null;
        }

        if (date < today.AddYears(-MaxYearsBack) || date > today.AddDays(MaxDaysAhead))
            form.Problem($"Date: {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} is more than {MaxYearsBack} years back or a year ahead; check the year.");
        return date;
    }
}
