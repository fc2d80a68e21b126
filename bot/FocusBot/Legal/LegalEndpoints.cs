using FocusBot.Domain.Trends;
using Microsoft.AspNetCore.Mvc;

namespace FocusBot.Legal;

/// <summary>GET /privacy and /terms: the pages the Teams manifest links to, in plain HTML.</summary>
public static class LegalEndpoints
{
    // The thresholds and the retention period are the configured ones (Privacy:MinimumGroupSize, MinimumCommentGroupSize,
    // Retention:RawAnswersMonths): the page promises what the reports and the daily deletion keep.
    private static string Privacy(PrivacyThresholds privacy, RawAnswerRetention retention) => $"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>FocusBot privacy</title></head><body>
        <h1>FocusBot privacy</h1>
        <ul>
        <li>Your pulse answers are stored under a pseudonym (a keyed hash of your tenant and user id), never your name.</li>
        <li>Nobody can read one person's answers through FocusBot. Scores are only shown for groups of at least {privacy.MinimumGroupSize} people,
        comments only for groups of at least {privacy.MinimumCommentGroupSize}, and a group is hidden when it could be worked out by subtracting two others.</li>
        <li>What you write in the pulse's "one thing" box (or with the one thing command) is read as you wrote it by HR and executives,
        once at least {privacy.MinimumCommentGroupSize} people in the group have commented: without your name or a date, in a mixed order,
        with the names, e-mail addresses and phone numbers it mentions masked. Write nothing there you would not want read that way.</li>
        <li>Your pulse answers and "one thing" comments are kept for {retention.Months} months, then deleted (a daily job deletes each week's once it
        is older than that), together with the record of who was sent each pulse and who answered it. The group figures already made from them stay:
        they were fixed when each week, month and quarter closed, count only groups as above, and hold nobody's answer, so trends over those periods
        still show. From then on comments of those periods are not shown.</li>
        <li>FocusBot knows who was sent a pulse and who answered, only to remind and to avoid duplicates; it never shows that per person.</li>
        <li>Your organisation's FocusBot admins can erase your conversation reference, delivery records and answers on request.</li>
        </ul></body></html>
        """;

    private const string Terms = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>FocusBot terms</title></head><body>
        <h1>FocusBot terms of use</h1>
        <p>FocusBot is run by your organisation for its customer-focus programme. Use it for that purpose; your organisation's
        own policies on acceptable use and data protection apply.</p></body></html>
        """;

    public static IEndpointRouteBuilder MapLegalPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/privacy", ([FromServices] PrivacyThresholds privacy, [FromServices] RawAnswerRetention retention) => Results.Content(
            Privacy(privacy, retention), "text/html; charset=utf-8"));
        endpoints.MapGet("/terms", () => Results.Content(Terms, "text/html; charset=utf-8"));
        return endpoints;
    }
}
