using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Insights;

namespace FocusBot.Insights;

/// <summary>The insight as staff receive it, in a team channel or their personal chat, with its "Got it" button.</summary>
public static class InsightCard
{
    public const string Kicker = "CUSTOMER INSIGHT";

    /// <summary>How the person who pressed "Got it" sees the card afterwards.</summary>
    public enum GotItState
    {
        NotYet,
        JustNow,
        Already,
    }

    public static AdaptiveCard Create(Insight insight, GotItState state = GotItState.NotYet) => new()
    {
        FallbackText = Summary(insight),
        Body = [.. Elements(insight, state, includeActions: true)],
    };

    /// <summary>What a Got it on a recalled insight's card answers (its message could not be deleted, or not yet).</summary>
    public const string RecalledMessage = "This insight was recalled by its author.";

    /// <summary>"12 people", or "fewer than 5 people" below the minimum group size: who pressed Got it is nobody's figure to work out.</summary>
    public static string GotItCount(int count, int minimumGroupSize) => count >= minimumGroupSize
        ? string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "person" : "people")}")
        : string.Create(CultureInfo.InvariantCulture, $"fewer than {minimumGroupSize} people");

    /// <summary>The notification line Teams shows for the message.</summary>
    public static string Summary(Insight insight) => "Customer insight: " + CardText.Plain(insight.Title, InsightForm.MaxTitle);

    /// <summary>The insight's elements, also used inside the list of latest insights.</summary>
    public static IEnumerable<CardElement> Elements(Insight insight, GotItState state, bool includeActions)
    {
        yield return new TextBlock($"{Kicker} · {CardText.Markdown(insight.Source, 120)}")
        {
            Size = "Small",
            Weight = "Bolder",
            Color = "Accent",
            Spacing = "None",
        };
        yield return new TextBlock(CardText.Markdown(insight.Title, InsightForm.MaxTitle)) { Size = "Large", Weight = "Bolder", Spacing = "Small" };
        yield return new TextBlock(CardText.Markdown(insight.Body, InsightForm.MaxBody));
        if (insight.KpiName is not null && insight.KpiValue is not null)
        {
            var value = CardText.Markdown(insight.KpiValue, InsightForm.MaxKpiValue)
                + (insight.KpiTrend is null ? string.Empty : " · " + CardText.Markdown(insight.KpiTrend, 20));
            yield return new FactSet([new Fact(CardText.Markdown(insight.KpiName, InsightForm.MaxKpiName), value)]);
        }

        yield return new TextBlock($"Shared by {CardText.Markdown(insight.AuthorName, 80)} on {insight.SendAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
            + (insight.Revision > 1 && insight.ChangedAt > insight.SendAt ? " · edited" : string.Empty))
        {
            Size = "Small",
            IsSubtle = true,
        };

        if (state != GotItState.NotYet)
        {
            yield return new TextBlock(state == GotItState.JustNow ? "✓ Got it. Thank you for reading." : "✓ You already said you got this one.")
            {
                Color = "Good",
                Weight = "Bolder",
            };
        }

        if (!includeActions)
            yield break;
        List<CardAction> actions = [];
        if (state == GotItState.NotYet)
            actions.Add(ExecuteAction.WithSubmitFallback("Got it", InsightCommand.GotItVerb, new JsonObject { ["insightId"] = insight.Id }));
        if (insight.Link is { } link && InsightForm.IsSafeLink(link))
            actions.Add(new OpenUrlAction("Open link", new Uri(link)));
        if (actions.Count > 0)
            yield return new ActionSet(actions);
    }
}
