using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;

namespace FocusBot.Insights;

/// <summary>What the author sees after posting, and when they check how far the insight has reached.</summary>
public static class InsightReachCard
{
    public const string PostedTitle = "Insight posted";

    public static AdaptiveCard Posted(InsightPublished published) => Create(published.Insight, PostedTitle, Where(published),
        published.StaffQueued > 0 || published.Insight.AllStaff ? new Dictionary<DeliveryStatus, int> { [DeliveryStatus.Pending] = published.StaffQueued } : null);

    public static AdaptiveCard Reach(Insight insight, IReadOnlyDictionary<DeliveryStatus, int>? deliveries) =>
        Create(insight, "Reach of your insight", [], insight.AllStaff ? deliveries : null);

    private static AdaptiveCard Create(Insight insight, string heading, IReadOnlyList<string> notes, IReadOnlyDictionary<DeliveryStatus, int>? deliveries)
    {
        List<Fact> facts = [];
        if (insight.AudienceChannelId is not null)
            facts.Add(new Fact("Team channel", "posted"));
        if (deliveries is not null)
        {
            int Count(DeliveryStatus status) => deliveries.TryGetValue(status, out var n) ? n : 0;
            var total = deliveries.Values.Sum();
            var delivered = Count(DeliveryStatus.Sent) + Count(DeliveryStatus.Answered);
            facts.Add(new Fact("Personal chats", string.Create(CultureInfo.InvariantCulture, $"{delivered} of {total} delivered")));
            var waiting = Count(DeliveryStatus.Pending) + Count(DeliveryStatus.Sending);
            if (waiting > 0)
                facts.Add(new Fact("Still sending", waiting.ToString(CultureInfo.InvariantCulture)));
            var unreachable = Count(DeliveryStatus.Blocked) + Count(DeliveryStatus.Failed);
            if (unreachable > 0)
                facts.Add(new Fact("Could not be reached", unreachable.ToString(CultureInfo.InvariantCulture)));
        }

        facts.Add(new Fact("Got it", string.Create(CultureInfo.InvariantCulture, $"{insight.GotItCount} {(insight.GotItCount == 1 ? "person" : "people")}")));
        if (insight.QuestionId is not null)
            facts.Add(new Fact("Knowledge check", "joins the next pulse"));

        return new AdaptiveCard
        {
            FallbackText = heading,
            Body =
            [
                new TextBlock(heading) { Size = "Medium", Weight = "Bolder", Color = heading == PostedTitle ? "Good" : null },
                new TextBlock(CardText.Markdown(insight.Title, InsightForm.MaxTitle)) { Weight = "Bolder" },
                .. notes.Select(n => new TextBlock(CardText.Markdown(n, 300)) { IsSubtle = true, Spacing = "Small" }),
                new FactSet(facts),
            ],
            Actions = [ExecuteAction.WithSubmitFallback("Check reach", InsightCommand.ReachVerb, new JsonObject { ["insightId"] = insight.Id })],
        };
    }

    private static List<string> Where(InsightPublished published)
    {
        List<string> notes = [];
        if (published.ChannelTitle is { } channel)
        {
            notes.Add(published.ChannelPosted
                ? $"Posted in {channel}."
                : $"Posting in {channel} failed: Teams did not accept the message. Staff in personal chats still get it if you chose all staff.");
        }

        if (published.Insight.AllStaff)
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Sending to {published.StaffQueued} people in their personal chat with FocusBot."));
        if (published.QuestionAdded)
            notes.Add("Your knowledge-check question joins the next weekly pulse.");
        return notes;
    }
}
