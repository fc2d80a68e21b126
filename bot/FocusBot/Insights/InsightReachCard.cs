using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Forms;

namespace FocusBot.Insights;

/// <summary>
/// What the author (and HR and Executives) see of one insight: once posted or scheduled, and whenever they check its
/// reach. Counts only, never who: personal chats delivered, still to go and unreachable, Got it (hidden below the minimum
/// group size), each channel post, and how the latest edit or the recall went. Its buttons edit, recall or cancel it.
/// </summary>
public static class InsightReachCard
{
    public const string PostedTitle = "Insight posted";
    public const string ScheduledTitle = "Insight scheduled";
    public const string ReachTitle = "Reach of your insight";
    public const string RecallTitle = "Recall this insight?";

    /// <summary>Right after posting: where it went, or when it will go.</summary>
    public static AdaptiveCard Posted(InsightPublished published, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(published);
        var insight = published.Insight;
        List<string> notes = [];
        if (published.Released is { } released)
        {
            foreach (var post in released.Channels)
                notes.Add(ChannelNote(post));
            if (released.ChannelsGone > 0)
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"FocusBot is no longer in {released.ChannelsGone} of the channels you chose: nothing was posted there."));
            if (insight.AllStaff || insight.TeamIds.Count > 0)
            {
                notes.Add(released.People > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"Sending to {released.People} {(released.People == 1 ? "person" : "people")} in their personal chat with FocusBot.")
                    : "FocusBot knows nobody in the chosen teams yet, so no personal chat gets it.");
            }
        }
        else
        {
            notes.Add($"It goes out {InsightTimes.Show(insight.SendAt, insight.TimeZone)}. Until then it is listed in insights, where you can edit or cancel it.");
        }

        if (published.QuestionAdded)
            notes.Add(published.Released is null ? "Your knowledge-check question joins the weekly pulse once the insight has gone out." : "Your knowledge-check question joins the next weekly pulse.");
        var heading = published.Released is null ? ScheduledTitle : PostedTitle;
        List<CardElement> body =
        [
            new TextBlock(heading) { Size = "Medium", Weight = "Bolder", Color = "Good" },
            new TextBlock(CardText.Markdown(insight.Title, InsightForm.MaxTitle)) { Weight = "Bolder" },
            .. notes.Select(n => new TextBlock(CardText.Markdown(n, 300)) { IsSubtle = true, Spacing = "Small" }),
        ];
        return new AdaptiveCard { FallbackText = heading, Body = body, Actions = Buttons(insight, now) };
    }

    /// <param name="gotIt">The Got it figure as it may be shown (<see cref="InsightCard.GotItCount"/>).</param>
    /// <param name="notice">What just happened (an edit saved, a recall begun), shown above the figures.</param>
    public static AdaptiveCard Reach(Insight insight, InsightReach reach, string gotIt, DateTimeOffset now, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(insight);
        ArgumentNullException.ThrowIfNull(reach);
        List<Fact> facts = [new("Status", StatusText(insight)), new("For", CardText.Markdown(reach.Audience, 1500))];
        if (insight.AllStaff || insight.TeamIds.Count > 0)
        {
            facts.Add(new Fact("Personal chats", string.Create(CultureInfo.InvariantCulture, $"{reach.People.Done} of {reach.People.Total} delivered")));
            if (reach.People.Pending > 0)
                facts.Add(new Fact("Still sending", Number(reach.People.Pending)));
            if (reach.People.Unreachable > 0)
                facts.Add(new Fact("Could not be reached", Number(reach.People.Unreachable)));
        }

        foreach (var post in reach.Channels)
            facts.Add(new Fact(CardText.Markdown(post.Title, 170), ChannelStatus(post.Status)));
        if (insight.Status is InsightStatus.Sent or InsightStatus.Recalled)
            facts.Add(new Fact("Got it", gotIt));
        if (reach.Edit is { } edit)
            facts.Add(new Fact("Last edit", ChangeText("Updated in", "to update", edit)));
        if (reach.Recall is { } recall)
            facts.Add(new Fact("Recall", ChangeText("Removed from", "to remove", recall)));
        if (insight.QuestionId is not null)
            facts.Add(new Fact("Knowledge check", insight.Status switch
            {
                InsightStatus.Sent => "in the weekly pulse",
                InsightStatus.Scheduled => "joins the weekly pulse once it has gone out",
                _ => "not asked",
            }));

        List<CardElement> body =
        [
            new TextBlock(ReachTitle) { Size = "Medium", Weight = "Bolder" },
            .. notice is null ? Array.Empty<CardElement>() : [FormNotice.Done(notice)],
            new TextBlock(CardText.Markdown(insight.Title, InsightForm.MaxTitle)) { Weight = "Bolder" },
            new FactSet(facts),
        ];
        return new AdaptiveCard { FallbackText = ReachTitle, Body = body, Actions = Buttons(insight, now) };
    }

    /// <summary>Asks before a recall: it cannot be undone.</summary>
    public static AdaptiveCard ConfirmRecall(Insight insight)
    {
        ArgumentNullException.ThrowIfNull(insight);
        var id = new JsonObject { ["insightId"] = insight.Id };
        return new AdaptiveCard
        {
            FallbackText = RecallTitle,
            Body =
            [
                new TextBlock(RecallTitle) { Size = "Medium", Weight = "Bolder", Color = "Attention" },
                new TextBlock(CardText.Markdown(insight.Title, InsightForm.MaxTitle)) { Weight = "Bolder" },
                new TextBlock("FocusBot deletes it from every personal chat and team channel it went to, and lists it as recalled. Its knowledge-check " +
                    "question is no longer asked. This cannot be undone."),
            ],
            Actions =
            [
                ExecuteAction.WithSubmitFallback("Recall it", InsightManagement.RecallVerb, new JsonObject { ["insightId"] = insight.Id, ["confirmed"] = "true" }),
                ExecuteAction.WithSubmitFallback("Keep it", InsightManagement.ReachVerb, id),
            ],
        };
    }

    public static string StatusText(Insight insight)
    {
        ArgumentNullException.ThrowIfNull(insight);
        return insight.Status switch
        {
            InsightStatus.Scheduled => "Scheduled for " + InsightTimes.Show(insight.SendAt, insight.TimeZone),
            InsightStatus.Cancelled => "Cancelled: it never went out",
            InsightStatus.Recalled => "Recalled on " + InsightTimes.Show(insight.ChangedAt ?? insight.SendAt, insight.TimeZone),
            _ => "Sent " + InsightTimes.Show(insight.SendAt, insight.TimeZone),
        };
    }

    private static List<CardAction> Buttons(Insight insight, DateTimeOffset now)
    {
        List<CardAction> actions = [ExecuteAction.WithSubmitFallback("Check reach", InsightManagement.ReachVerb, new JsonObject { ["insightId"] = insight.Id })];
        if (InsightChanges.MayEdit(insight, now))
            actions.Add(ExecuteAction.WithSubmitFallback("Edit", InsightManagement.EditVerb, new JsonObject { ["insightId"] = insight.Id }));
        if (InsightChanges.MayRecall(insight, now))
            actions.Add(ExecuteAction.WithSubmitFallback("Recall", InsightManagement.RecallVerb, new JsonObject { ["insightId"] = insight.Id }));
        if (insight.Status == InsightStatus.Scheduled)
            actions.Add(ExecuteAction.WithSubmitFallback("Cancel it", InsightManagement.CancelVerb, new JsonObject { ["insightId"] = insight.Id }));
        return actions;
    }

    private static string ChannelNote(InsightChannelPost post) => post.Status switch
    {
        DeliveryStatus.Sent => $"Posted in {post.Title}.",
        DeliveryStatus.Pending or DeliveryStatus.Sending => $"Posting in {post.Title}: Check reach shows when it is there.",
        _ => $"Posting in {post.Title} failed: Teams did not accept the message.",
    };

    private static string ChannelStatus(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => "posted",
        DeliveryStatus.Pending or DeliveryStatus.Sending => "posting",
        _ => "not posted: Teams did not accept it, or FocusBot is no longer there",
    };

    // "Updated in 412 chats and 1 channel, 3 could not be reached, 2 still to update".
    private static string ChangeText(string done, string toGo, (DeliveryTally People, DeliveryTally Channels) change)
    {
        var text = $"{done} {Places(change.People.Done, change.Channels.Done)}";
        var unreachable = change.People.Unreachable + change.Channels.Unreachable;
        if (unreachable > 0)
            text += string.Create(CultureInfo.InvariantCulture, $", {unreachable} could not be reached");
        var pending = change.People.Pending + change.Channels.Pending;
        if (pending > 0)
            text += string.Create(CultureInfo.InvariantCulture, $", {pending} still {toGo}");
        return text;
    }

    private static string Places(int chats, int channels)
    {
        var chatText = string.Create(CultureInfo.InvariantCulture, $"{chats} {(chats == 1 ? "chat" : "chats")}");
        return channels == 0 ? chatText : chatText + string.Create(CultureInfo.InvariantCulture, $" and {channels} {(channels == 1 ? "channel" : "channels")}");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
