using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Recognitions;

namespace FocusBot.Recognitions;

/// <summary>Recognitions per behaviour in one calendar month.</summary>
public sealed record MonthlyCount(string Month, IReadOnlyDictionary<string, int> ByBehaviour)
{
    public int Total => ByBehaviour.Values.Sum();
}

/// <summary>What the reader of the history may do beyond reading it.</summary>
/// <param name="MayCount">HR and Executives: the monthly counts by behaviour and team.</param>
/// <param name="MayExport">HR: the CSV export of what the card shows.</param>
public sealed record HistoryReader(string? UserId, bool MayCount, bool MayExport);

/// <summary>
/// `recognitions`: the recognitions newest first, a page at a time, filtered by team, behaviour, month and kind; and,
/// unfiltered, how many each behaviour got this month and last month. Each says whether an executive or a colleague gave it.
/// </summary>
public static class RecognitionsCard
{
    public const string Title = "Customer focus recognition";

    /// <summary>The export button's verb; the export itself lives with the report links (Trends/), which check the HR role.</summary>
    public const string ExportVerb = "recognitions.export";

    public const string CountTableId = "behaviourCounts";

    /// <summary>The filter value meaning "no filter".</summary>
    public const string AnyValue = "all";

    public const int MaxStoryShown = 300;

    /// <param name="page">Up to <see cref="RecognitionHistoryView.PageSize"/> recognitions.</param>
    /// <param name="teams">Team id and name of the teams the filter offers.</param>
    /// <param name="months">Month keys ("2026-11") the filter offers, newest first.</param>
    /// <param name="counts">This month's and last month's count per behaviour, shown above the unfiltered first page.</param>
    public static AdaptiveCard Create(
        IReadOnlyList<Recognition> page,
        bool hasMore,
        RecognitionHistoryView view,
        IReadOnlyList<(string Id, string Name)> teams,
        IReadOnlyList<string> behaviours,
        IReadOnlyList<string> months,
        (MonthlyCount This, MonthlyCount Last)? counts,
        HistoryReader reader,
        string? justApplaudedId = null,
        bool alreadyApplauded = false)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(reader);
        List<CardElement> body = [new TextBlock(Title) { Size = "Large", Weight = "Bolder" }];
        if (counts is { } monthly)
        {
            body.Add(new TextBlock("Recognitions by behaviour") { Weight = "Bolder", Spacing = "Medium" });
            body.Add(CountTable(behaviours, monthly.This, monthly.Last));
        }

        body.AddRange(Filters(view, teams, behaviours, months));
        body.Add(new TextBlock(view.IsFiltered ? "Matching, newest first" : "Latest") { Weight = "Bolder", Spacing = "Large" });
        if (page.Count == 0)
        {
            body.Add(new TextBlock(view.IsFiltered || view.Skip > 0
                ? "No recognitions match."
                : "No recognitions yet. Recognise a colleague's customer focus with kudos; executives post theirs with recognize.")
            { IsSubtle = true });
        }

        foreach (var recognition in page)
            body.Add(Entry(recognition, view, reader, justApplaudedId, alreadyApplauded));

        List<CardAction> actions = [];
        if (view.Skip > 0)
            actions.Add(Show("Newer", view, Math.Max(0, view.Skip - RecognitionHistoryView.PageSize)));
        if (hasMore)
            actions.Add(Show("Older", view, view.Skip + RecognitionHistoryView.PageSize));
        if (reader.MayCount)
            actions.Add(ExecuteAction.WithSubmitFallback("Monthly counts", RecognitionCountsCommand.CountsVerb));
        if (reader.MayExport)
            actions.Add(WithoutInputs(ExecuteAction.WithSubmitFallback("Export CSV", ExportVerb, view.ToData(0))));
        return new AdaptiveCard { FallbackText = Title, Body = body, Actions = actions.Count > 0 ? actions : null };
    }

    /// <summary>One recognition as a list shows it: its kind first, in its colour.</summary>
    private static Container Entry(Recognition recognition, RecognitionHistoryView view, HistoryReader reader, string? justApplaudedId, bool alreadyApplauded)
    {
        List<CardElement> items =
        [
            new TextBlock($"{RecognitionKinds.Icon(recognition.Kind)} {RecognitionKinds.Label(recognition.Kind)}")
            {
                Size = "Small",
                Weight = "Bolder",
                Color = RecognitionKinds.Color(recognition.Kind),
            },
            new TextBlock($"**{CardText.Markdown(recognition.RecipientName, 80)}** · {CardText.Markdown(recognition.Behaviour, 80)}") { Spacing = "Small" },
            new TextBlock(CardText.Markdown(recognition.Story, MaxStoryShown)) { Spacing = "Small" },
            new TextBlock($"{RecognitionCard.Byline(recognition)} · {RecognitionCard.ApplauseLine(recognition.ApplauseCount)}")
            {
                Size = "Small",
                IsSubtle = true,
                Spacing = "Small",
            },
        ];
        if (recognition.Id == justApplaudedId)
        {
            items.Add(new TextBlock(alreadyApplauded ? "You have already applauded this one." : "You applauded. Thank you!")
            {
                Color = "Good",
                Size = "Small",
                Weight = "Bolder",
            });
        }
        else if (recognition.RecipientUserId != reader.UserId)
        {
            items.Add(new ActionSet([RecognitionCard.ApplaudAction(recognition.Id, view.ToData())]));
        }

        return new Container(items) { Separator = true, Spacing = "Medium" };
    }

    private static IEnumerable<CardElement> Filters(RecognitionHistoryView view, IReadOnlyList<(string Id, string Name)> teams, IReadOnlyList<string> behaviours,
        IReadOnlyList<string> months)
    {
        ChoiceSetInput Filter(string id, string label, string any, IEnumerable<Choice> choices, string? value) => new()
        {
            Id = id,
            Label = label,
            Style = "compact",
            Choices = [new Choice(any, AnyValue), .. choices],
            Value = value ?? AnyValue,
        };
        Column Cell(CardElement input) => new([input]) { Width = "stretch" };
        // Behaviours taken off the configured list can still be filtered on when the view already names one.
        var offered = view.Behaviour is { } chosen && !behaviours.Contains(chosen, StringComparer.Ordinal) ? [.. behaviours, chosen] : behaviours;
        yield return new ColumnSet(
        [
            Cell(Filter(RecognitionHistoryView.TeamInput, "Team", "All teams", teams.Select(t => new Choice(CardText.Plain(t.Name, 80), t.Id)), view.TeamId)),
            Cell(Filter(RecognitionHistoryView.BehaviourInput, "Behaviour", "All behaviours", offered.Select(b => new Choice(CardText.Plain(b, 80), b)), view.Behaviour)),
        ])
        {
            Spacing = "Large",
            Separator = true,
        };
        yield return new ColumnSet(
        [
            Cell(Filter(RecognitionHistoryView.MonthInput, "Month", "Any month", months.Select(m => new Choice(RecognitionHistoryView.MonthTitle(m), m)), view.Month)),
            Cell(Filter(RecognitionHistoryView.KindInput, "Given by", "Executives and colleagues",
                [new Choice("Executives", RecognitionKinds.Code(RecognitionKind.Executive)), new Choice("Colleagues", RecognitionKinds.Code(RecognitionKind.Peer))],
                view.Kind is { } kind ? RecognitionKinds.Code(kind) : null)),
        ]);
        // The chosen filters are the inputs; the page starts again at the newest.
        yield return new ActionSet([ExecuteAction.WithSubmitFallback("Show", RecognitionsCommand.ShowVerb, new JsonObject
        {
            [RecognitionHistoryView.ViewId] = RecognitionHistoryView.ViewValue,
            [RecognitionHistoryView.SkipId] = 0,
        })]);
    }

    private static ExecuteAction Show(string title, RecognitionHistoryView view, int skip) =>
        WithoutInputs(ExecuteAction.WithSubmitFallback(title, RecognitionsCommand.ShowVerb, view.ToData(skip)));

    // Paging and the export keep the filters the page was made with, whatever the inputs say now.
    private static ExecuteAction WithoutInputs(ExecuteAction action) =>
        action with { AssociatedInputs = "none", Fallback = ((SubmitAction)action.Fallback!) with { AssociatedInputs = "none" } };

    private static ColumnSet CountTable(IReadOnlyList<string> behaviours, MonthlyCount thisMonth, MonthlyCount lastMonth)
    {
        // Behaviours taken off the configured list still count in the months they were recognised in.
        var rows = behaviours
            .Concat(thisMonth.ByBehaviour.Keys).Concat(lastMonth.ByBehaviour.Keys)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        static string Count(MonthlyCount month, string behaviour) =>
            (month.ByBehaviour.TryGetValue(behaviour, out var n) ? n : 0).ToString(CultureInfo.InvariantCulture);

        TextBlock Cell(string text, bool header = false) => new(text) { Weight = header ? "Bolder" : null, Spacing = "Small", Wrap = true };
        return new ColumnSet(
        [
            new Column([Cell("Behaviour", true), .. rows.Select(b => Cell(CardText.Markdown(b, 80))), Cell("Total", true)]) { Width = "stretch" },
            new Column([Cell(thisMonth.Month, true), .. rows.Select(b => Cell(Count(thisMonth, b))), Cell(thisMonth.Total.ToString(CultureInfo.InvariantCulture), true)])
            {
                Width = "auto",
            },
            new Column([Cell(lastMonth.Month, true), .. rows.Select(b => Cell(Count(lastMonth, b))), Cell(lastMonth.Total.ToString(CultureInfo.InvariantCulture), true)])
            {
                Width = "auto",
            },
        ])
        {
            Id = CountTableId,
        };
    }
}
