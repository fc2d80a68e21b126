using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Actions;
using FocusBot.Cards;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Trends;
using FocusBot.Trends;

namespace FocusBot.PulseResults;

/// <summary>
/// The results card everyone a pulse reached gets once its week is sealed: the organisation's knowledge, behaviour and
/// attitude with their change (worded as on HR's trends card), each of the person's teams or one line saying it had too
/// few answers to show, the week's Voice themes, and what is being done. One column of rows, so it reads on a phone.
/// </summary>
public static class ResultsCard
{
    public const string Kicker = "PULSE RESULTS";
    public const string AllActions = "All actions";
    public const string FullReport = "Open full report";
    public const string ThemesHeading = "What people say we could do better";
    public const string ActionsHeading = "You said, we did";

    /// <summary>A team measure, or the organisation's, that the privacy gate hides.</summary>
    public const string NotEnoughAnswers = "not enough answers to show";

    public static string Title(TrendPeriod week) => "Results of the pulse, " + week.Label;

    /// <summary>The notification line Teams shows for the message.</summary>
    public static string Summary(WeekResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return "Pulse results: " + results.Week.Label;
    }

    /// <summary>
    /// The one line for a team none of whose figures may be shown: the same whether nobody or nearly enough people
    /// answered, and whether the team was too small or hidden so that a smaller group cannot be worked out.
    /// </summary>
    public static string TeamHidden(string teamName) => $"There were not enough answers in {CardText.Escape(teamName)} this week to show its figures.";

    /// <param name="reportUrl">The full report, for a reader who may open it (HR); null for everyone else.</param>
    public static AdaptiveCard Create(WeekResults results, Uri? reportUrl)
    {
        ArgumentNullException.ThrowIfNull(results);
        List<CardElement> body =
        [
            new TextBlock(Kicker) { Size = "Small", Weight = "Bolder", Color = "Accent" },
            new TextBlock(Title(results.Week)) { Size = "Medium", Weight = "Bolder", Spacing = "None" },
            new TextBlock(string.Create(CultureInfo.InvariantCulture,
                $"Thank you to everyone who answered. Figures are shown only for groups of at least {results.MinimumGroupSize} people, and only where nobody's answers can be worked out from them."))
            { IsSubtle = true, Spacing = "Small" },
            Heading("Organisation"),
            .. TrendMeasure.Indices.SelectMany(measure => Measure(results.Organisation[measure].Latest)),
        ];
        foreach (var team in results.Teams)
        {
            body.Add(Heading("Your team: " + CardText.Escape(team.Name)));
            var figures = TrendMeasure.Indices.Select(measure => team[measure].Latest).ToList();
            if (figures.Any(f => f.IsShown))
                body.AddRange(figures.SelectMany(Measure));
            else
                body.Add(new TextBlock(TeamHidden(team.Name)) { Spacing = "Small" });
        }

        if (results.OtherTeams > 0)
        {
            body.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture,
                $"You are in {results.OtherTeams} more {(results.OtherTeams == 1 ? "team" : "teams")}; this card shows your first {results.Teams.Count} by name."))
            { IsSubtle = true, Size = "Small" });
        }

        body.AddRange(Themes(results));
        body.AddRange(Actions(results.Actions));
        body.Add(new TextBlock(string.Join("\n\n", TrendText.Legend(PeriodKind.Week, results.MinimumGroupSize).Take(3).Append("n = people who answered.")))
        { IsSubtle = true, Size = "Small", Spacing = "Medium", Separator = true });

        List<CardAction> buttons = [ExecuteAction.WithSubmitFallback(AllActions, ActionCommand.PageVerb, new JsonObject { ["skip"] = 0 })];
        if (reportUrl is not null)
            buttons.Add(new OpenUrlAction(FullReport, reportUrl));
        return new AdaptiveCard { FallbackText = Title(results.Week), Body = body, Actions = buttons };
    }

    private static TextBlock Heading(string text) => new(text) { Weight = "Bolder", Spacing = "Medium", Separator = true };

    /// <summary>One measure: its name and value on a line, what it counts and n under them, then its change line.</summary>
    private static IEnumerable<CardElement> Measure(PublishedFigure figure)
    {
        var name = TrendMeasure.Name(figure.Measure);
        if (!figure.IsShown)
        {
            var why = figure.Status == FigureStatus.Hidden ? NotEnoughAnswers : "not asked this week";
            yield return new TextBlock($"{name}: {why}") { IsSubtle = true, Spacing = "Small" };
            yield break;
        }

        yield return new ColumnSet(
        [
            new Column(
            [
                new TextBlock(name) { Weight = "Bolder" },
                new TextBlock($"{TrendText.MeasureDescription(figure.Measure)} · {TrendText.N(figure)}") { IsSubtle = true, Size = "Small", Spacing = "None" },
            ])
            { Width = "stretch" },
            new Column([new TextBlock(TrendText.Value(figure)) { Size = "Large", Weight = "Bolder", Wrap = false }]) { Width = "auto", VerticalContentAlignment = "Center" },
        ])
        { Spacing = "Small" };
        yield return new TextBlock(TrendText.Change(figure)) { Color = TrendText.ChangeColor(figure), Size = "Small", Spacing = "None" };
    }

    private static IEnumerable<CardElement> Themes(WeekResults results)
    {
        yield return Heading(ThemesHeading);
        if (results.Themes.Count == 0)
        {
            yield return new TextBlock($"Themes appear once at least {results.MinimumCommentGroupSize} people have commented in a week.") { IsSubtle = true, Spacing = "Small" };
            yield break;
        }

        foreach (var theme in results.Themes)
            yield return new TextBlock(string.Create(CultureInfo.InvariantCulture, $"“{CardText.Escape(theme.Term)}” · {theme.Mentions} comments")) { Spacing = "Small" };
        yield return new TextBlock("Phrases people wrote in answer to \"What one thing could we do better for our customers?\", with how many comments used each.")
        { IsSubtle = true, Size = "Small", Spacing = "Small" };
    }

    private static IEnumerable<CardElement> Actions(IReadOnlyList<ProgrammeAction> actions)
    {
        yield return Heading(ActionsHeading);
        if (actions.Count == 0)
        {
            yield return new TextBlock("No actions yet. When HR or the leadership team decide what changes in answer to the pulse, it appears here.") { IsSubtle = true, Spacing = "Small" };
            yield break;
        }

        foreach (var action in actions)
        {
            yield return new Container(
            [
                new TextBlock("We will: " + CardText.Markdown(action.Change, ActionForm.MaxChange)),
                new TextBlock($"{ActionCard.StatusText(action.Status)} · due {ActionCard.Due(action.DueDate)} · {ActionCard.Sponsor(action)}")
                {
                    IsSubtle = true,
                    Size = "Small",
                    Spacing = "None",
                },
            ])
            { Spacing = "Small" };
        }
    }
}
