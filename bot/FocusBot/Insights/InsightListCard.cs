using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Insights;

namespace FocusBot.Insights;

/// <summary>Who reads the list: their Entra object id (to tell their own insights), whether they may manage insights, and the minimum group size.</summary>
public sealed record InsightListViewer(string? AadObjectId, bool MayManage, int MinimumGroupSize);

/// <summary>
/// `insights`: the latest customer insights, readable by everyone, a recalled one marked as such. Those who share
/// insights (Executive, HR) also see the ones scheduled for later, with their time, and a button to manage each; authors
/// see how many people got theirs.
/// </summary>
public static class InsightListCard
{
    public const string Title = "Latest customer insights";

    /// <summary>How many insights the list shows: each can be 1,000 characters, and a card must stay under 28 KB.</summary>
    public const int Count = 5;

    /// <summary>The value a "Got it" in the list sends in its data, so the answer is the list again.</summary>
    public const string ListView = "list";

    /// <summary>What the list holds for a reader: the latest they may read, and for managers those scheduled, soonest first.</summary>
    public static IReadOnlyList<Insight> Select(IReadOnlyList<Insight> latest, bool mayManage)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var shown = latest.Where(i => i.Status is InsightStatus.Sent or InsightStatus.Recalled).Take(Count);
        return mayManage ? [.. latest.Where(i => i.Status == InsightStatus.Scheduled).OrderBy(i => i.SendAt).Take(Count), .. shown] : [.. shown];
    }

    /// <param name="shown">What <see cref="Select"/> chose.</param>
    public static AdaptiveCard Create(IReadOnlyList<Insight> shown, InsightListViewer viewer, string? justGotId = null, bool alreadyGot = false)
    {
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(viewer);
        List<CardElement> body = [new TextBlock(Title) { Size = "Large", Weight = "Bolder" }];
        if (shown.Count == 0)
        {
            body.Add(new TextBlock("No customer insights yet. Executives and HR share them with the insight command, and they appear here.")
            {
                IsSubtle = true,
            });
        }

        foreach (var insight in shown)
        {
            var items = insight.Status switch
            {
                InsightStatus.Scheduled => Scheduled(insight),
                InsightStatus.Recalled => Recalled(insight, viewer),
                _ => Sent(insight, viewer, justGotId, alreadyGot),
            };
            body.Add(new Container(items) { Separator = true, Spacing = "Large" });
        }

        return new AdaptiveCard { FallbackText = Title, Body = body };
    }

    private static List<CardElement> Scheduled(Insight insight) =>
    [
        new TextBlock($"SCHEDULED · goes out {InsightTimes.Show(insight.SendAt, insight.TimeZone)}") { Size = "Small", Weight = "Bolder", Color = "Warning", Spacing = "None" },
        new TextBlock(CardText.Markdown(insight.Title, InsightForm.MaxTitle)) { Weight = "Bolder", Spacing = "Small" },
        new TextBlock("Only Executives and HR see it here until it goes out.") { Size = "Small", IsSubtle = true },
        new ActionSet([Manage(insight)]),
    ];

    // Recalled means taken back: staff see that there was one, not what it said.
    private static List<CardElement> Recalled(Insight insight, InsightListViewer viewer)
    {
        List<CardElement> items =
        [
            new TextBlock($"{InsightCard.Kicker} · RECALLED") { Size = "Small", Weight = "Bolder", Color = "Attention", Spacing = "None" },
            new TextBlock($"Recalled by its author on {(insight.ChangedAt ?? insight.SendAt).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.") { IsSubtle = true },
        ];
        if (viewer.MayManage)
        {
            items.Add(new TextBlock(CardText.Markdown(insight.Title, InsightForm.MaxTitle)) { Weight = "Bolder", Spacing = "Small" });
            items.Add(new ActionSet([Manage(insight)]));
        }

        return items;
    }

    private static List<CardElement> Sent(Insight insight, InsightListViewer viewer, string? justGotId, bool alreadyGot)
    {
        var state = insight.Id == justGotId
            ? alreadyGot ? InsightCard.GotItState.Already : InsightCard.GotItState.JustNow
            : InsightCard.GotItState.NotYet;
        List<CardElement> items = [.. InsightCard.Elements(insight, state, includeActions: false)];
        if (string.Equals(insight.AuthorAadObjectId, viewer.AadObjectId, StringComparison.OrdinalIgnoreCase))
        {
            items.Add(new TextBlock($"Your insight: {InsightCard.GotItCount(insight.GotItCount, viewer.MinimumGroupSize)} said got it.")
            {
                Size = "Small",
                Color = "Accent",
            });
        }

        List<CardAction> actions = [];
        if (state == InsightCard.GotItState.NotYet)
            actions.Add(ExecuteAction.WithSubmitFallback("Got it", InsightCommand.GotItVerb, new JsonObject { ["insightId"] = insight.Id, ["view"] = ListView }));
        if (insight.Link is { } link && InsightForm.IsSafeLink(link))
            actions.Add(new OpenUrlAction("Open link", new Uri(link)));
        if (viewer.MayManage)
            actions.Add(Manage(insight));
        if (actions.Count > 0)
            items.Add(new ActionSet(actions));
        return items;
    }

    private static ExecuteAction Manage(Insight insight) =>
        ExecuteAction.WithSubmitFallback("Reach and changes", InsightManagement.ReachVerb, new JsonObject { ["insightId"] = insight.Id });
}
