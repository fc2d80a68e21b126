using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Trends;

namespace FocusBot.Programme;

/// <summary>`events`: the programme events, latest date first, a page at a time, each with its before-and-after button.</summary>
public static class EventListCard
{
    public const string Title = "Programme events";

    public const int PageSize = 8;

    /// <param name="teams">Team id to name, for the teams FocusBot is installed in.</param>
    public static AdaptiveCard Create(IReadOnlyList<ProgrammeEvent> page, int skip, bool hasMore, IReadOnlyDictionary<string, string> teams, string? notice = null)
    {
        List<CardElement> body = [new TextBlock(Title) { Size = "Large", Weight = "Bolder" }];
        if (notice is not null)
            body.Add(Forms.FormNotice.Done(notice));
        if (page.Count == 0)
        {
            body.Add(new TextBlock(skip == 0
                ? "No events yet. Type event to record a workshop, a training or a customer clinic; it is marked on the charts and compared before and after."
                : "No earlier events.")
            { IsSubtle = true });
        }

        foreach (var programmeEvent in page)
            body.Add(new Container([.. Elements(programmeEvent, teams), new ActionSet([CompareButton(programmeEvent)])]) { Separator = true, Spacing = "Large" });

        List<CardAction> paging = [];
        if (skip > 0)
            paging.Add(ExecuteAction.WithSubmitFallback("Later", EventsCommand.PageVerb, new JsonObject { ["skip"] = Math.Max(0, skip - PageSize) }));
        if (hasMore)
            paging.Add(ExecuteAction.WithSubmitFallback("Earlier", EventsCommand.PageVerb, new JsonObject { ["skip"] = skip + PageSize }));
        return new AdaptiveCard { FallbackText = Title, Body = body, Actions = paging.Count > 0 ? paging : null };
    }

    public static CardAction CompareButton(ProgrammeEvent programmeEvent) =>
        ExecuteAction.WithSubmitFallback("Before and after", EventsCommand.CompareVerb, new JsonObject { ["eventId"] = programmeEvent.Id });

    /// <summary>An event's title line and facts, also shown once it is recorded and above its comparison.</summary>
    public static IEnumerable<CardElement> Elements(ProgrammeEvent programmeEvent, IReadOnlyDictionary<string, string> teams)
    {
        ArgumentNullException.ThrowIfNull(programmeEvent);
        yield return new TextBlock(CardText.Markdown(programmeEvent.Title, ProgrammeEvent.MaxTitle)) { Size = "Medium", Weight = "Bolder", Wrap = true };
        yield return new FactSet(
        [
            new Fact("Kind", ProgrammeEventKinds.Title(programmeEvent.Kind)),
            new Fact("Date", DateText(programmeEvent.Date)),
            new Fact("For", WhoText(programmeEvent, teams)),
        ]);
    }

    public static string DateText(DateOnly date) =>
        $"{date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} (the {TrendPeriod.WeekOf(date).Label})";

    /// <summary>"The whole organisation" or the teams by name; a team FocusBot has left reads as "a team no longer installed".</summary>
    public static string WhoText(ProgrammeEvent programmeEvent, IReadOnlyDictionary<string, string> teams)
    {
        ArgumentNullException.ThrowIfNull(programmeEvent);
        ArgumentNullException.ThrowIfNull(teams);
        return programmeEvent.Audience(id => teams.TryGetValue(id, out var name) && name.Length > 0 ? CardText.Markdown(name, 80) : "a team FocusBot is no longer in");
    }
}
