using System.Globalization;
using FocusBot.Cards;
using FocusBot.Domain.Trends;

namespace FocusBot.Trends;

/// <summary>
/// The comments of a group, verbatim but masked, in no particular order and without dates, under the themes they form (as
/// the trends card words them): what `comments` answers.
/// A long list is cut at <see cref="MaxComments"/> (or the card's size) with the count said; the report page has them all.
/// </summary>
public static class CommentsCard
{
    public const string Title = "Comments";
    public const int MaxComments = 25;

    /// <summary>How the line of themes starts, above the comments.</summary>
    public const string ThemesLead = "Themes, with how many comments used each: ";

    // Comments are at most 500 characters each; with markdown escaping and the rest of the card this stays well under 28 KB.
    private const int MaxCharacters = 14_000;

    /// <summary>The same sentence whether nobody or a few people commented: hidden means hidden.</summary>
    public static string Hidden(int minimumCommenters) => string.Create(CultureInfo.InvariantCulture,
        $"Comments are hidden for this group and period: they are shown only when at least {minimumCommenters} people commented, and only where they cannot be worked out by comparing groups.");

    /// <summary>Said when some periods asked for start before the retention line, so their comments are not there to show.</summary>
    public static string? Deleted(PublishedComments published)
    {
        ArgumentNullException.ThrowIfNull(published);
        return published.DeletedBefore is { } line
            ? string.Create(CultureInfo.InvariantCulture,
                $"No comments from before {line:d MMM yyyy} are shown: FocusBot deletes comments and answers after {published.KeptMonths} months. The figures made from them stay.")
            : null;
    }

    public const string About =
        "What people wrote to \"What one thing could we do better for our customers?\", in no particular order and without dates. " +
        "Names, e-mail addresses and phone numbers are masked.";

    public static AdaptiveCard Create(PublishedComments published, Uri? reportUrl)
    {
        ArgumentNullException.ThrowIfNull(published);
        var report = published.Report;
        List<CardElement> body = [new TextBlock($"{Title}: {CardText.Escape(report.Focus.Name)}") { Size = "Medium", Weight = "Bolder" }];
        if (report.IsEmpty)
        {
            body.Add(new TextBlock("No comments to show yet: they appear once a pulse has closed and its results have been checked for privacy.") { IsSubtle = true });
            return new AdaptiveCard { FallbackText = Title, Body = body };
        }

        body.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture,
            $"{report.Periods.Count} {TrendText.PeriodWord(report.Kind, report.Periods.Count)} to {TrendText.Named(report.Periods[^1])}. {About}"))
        { IsSubtle = true, Spacing = "None" });
        if (Deleted(published) is { } deleted)
            body.Add(new TextBlock(deleted) { IsSubtle = true, Spacing = "None" });
        if (!published.IsShown)
        {
            body.Add(new TextBlock(Hidden(report.MinimumCommentGroupSize)) { Spacing = "Medium" });
            return new AdaptiveCard { FallbackText = Title, Body = body };
        }

        // What the comments add up to, before them: HR records an action against one of these (`action`).
        if (report.Themes.Count > 0)
            body.Add(new TextBlock(ThemesLead + TrendText.Themes(report.Themes)) { Spacing = "Medium" });

        var shown = 0;
        var characters = 0;
        foreach (var comment in published.Comments.Take(MaxComments))
        {
            var text = CardText.Escape(comment);
            if (shown > 0 && characters + text.Length > MaxCharacters)
                break;
            body.Add(new TextBlock(text) { Separator = true, Spacing = "Medium" });
            characters += text.Length;
            shown++;
        }

        body.Add(new TextBlock(shown == published.Comments.Count
            ? string.Create(CultureInfo.InvariantCulture, $"{published.Comments.Count} comments.")
            : string.Create(CultureInfo.InvariantCulture, $"Showing {shown} of {published.Comments.Count} comments{(reportUrl is null ? "." : "; the full report lists them all.")}"))
        { IsSubtle = true, Spacing = "Medium" });
        List<CardAction> actions = reportUrl is null ? [] : [new OpenUrlAction("Open full report", reportUrl)];
        return new AdaptiveCard { FallbackText = Title, Body = body, Actions = actions.Count == 0 ? null : actions };
    }
}
