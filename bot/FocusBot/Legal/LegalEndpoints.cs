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
        comments only for groups of at least {privacy.MinimumCommentGroupSize}, and a group is hidden when it could be worked out by subtracting two others.
        HR and executives see the figures of the whole organisation and of each team; a team's manager sees that team's figures only.</li>
        <li>What you write in the pulse's "one thing" box (or with the one thing command) is read as you wrote it by HR and executives,
        and by your team's manager among your team's comments, once at least {privacy.MinimumCommentGroupSize} people in the group have commented: without your name or a date, in a mixed order,
        with the names, e-mail addresses and phone numbers it mentions masked. Write nothing there you would not want read that way.</li>
        <li>Once a pulse's figures are final, everyone it reached gets its results: the organisation's figures, and their own team's
        under the same rules; for a team with too few answers, one sentence that does not say how many answered.</li>
        <li>Your pulse answers and "one thing" comments are kept for {retention.Months} months, then deleted (a daily job deletes each week's once it
        is older than that), together with the record of who was sent each pulse and who answered it. The group figures already made from them stay:
        they were fixed when each week, month and quarter closed, count only groups as above, and hold nobody's answer, so trends over those periods
        still show. From then on comments of those periods are not shown.</li>
        <li>Recognition is public, and is not part of your answers. When a colleague recognises you (kudos), or an executive does, the
        recognition is posted in a channel of your team: everyone in that channel sees your name, the name of the person who recognised you,
        the behaviour and the story, and whether it is an executive recognition or a colleague's. Everyone in your organisation can list
        recognitions with the recognitions command; HR and executives also see how many there were per month by behaviour and by team,
        and HR can download them as a file. Those counts are of recognitions people posted under their names, not of anyone's answers,
        so they are shown however small the team.</li>
        <li>A knowledge check you answer wrongly in a pulse comes back to you in a later pulse card, until you answer it right. FocusBot keeps
        which ones, under your pseudonym, with the day you last answered each; only you see them and your answers to them, and they are
        not counted in any figure, level, report or export. Each is deleted once it has not changed for {retention.Months} months.</li>
        <li>FocusBot knows who was sent a pulse and who answered, only to remind and to avoid duplicates; it never shows that per person.</li>
        <li>Your organisation's FocusBot admins can erase your conversation reference, delivery records and answers on request, together with
        the knowledge checks kept for you to review, the recognitions of you and those you gave a colleague, and their posts in the channels.</li>
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
