using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Insights;

namespace FocusBot.Insights;

/// <summary>`insights`: the latest customer insights, readable by everyone; authors also see how many people got theirs.</summary>
public static class InsightListCard
{
    public const string Title = "Latest customer insights";

    /// <summary>How many insights the list shows: each can be 1,000 characters, and a card must stay under 28 KB.</summary>
    public const int Count = 5;

    /// <summary>The value a "Got it" in the list sends in its data, so the answer is the list again.</summary>
    public const string ListView = "list";

    public static AdaptiveCard Create(IReadOnlyList<Insight> latest, string? viewerAadObjectId, string? justGotId = null, bool alreadyGot = false)
    {
        List<CardElement> body = [new TextBlock(Title) { Size = "Large", Weight = "Bolder" }];
        if (latest.Count == 0)
        {
            body.Add(new TextBlock("No customer insights yet. Executives and HR share them with the insight command, and they appear here.")
            {
                IsSubtle = true,
            });
        }

        foreach (var insight in latest)
        {
            var state = insight.Id == justGotId
                ? alreadyGot ? InsightCard.GotItState.Already : InsightCard.GotItState.JustNow
                : InsightCard.GotItState.NotYet;
            List<CardElement> items = [.. InsightCard.Elements(insight, state, includeActions: false)];
            if (string.Equals(insight.AuthorAadObjectId, viewerAadObjectId, StringComparison.OrdinalIgnoreCase))
            {
                items.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture,
                    $"Your insight: {insight.GotItCount} {(insight.GotItCount == 1 ? "person has" : "people have")} said got it."))
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
            if (actions.Count > 0)
                items.Add(new ActionSet(actions));
            body.Add(new Container(items) { Separator = true, Spacing = "Large" });
        }

        return new AdaptiveCard { FallbackText = Title, Body = body };
    }
}
