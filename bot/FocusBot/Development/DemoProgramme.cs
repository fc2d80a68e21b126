using FocusBot.Domain.Actions;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Trends;

namespace FocusBot.Development;

/// <summary>
/// The demo's programme records, so `review` shows what a quality manager expects beside the figures: insights and
/// executive recognitions from the Playground's user (HR and Executive in the demo), colleague recognitions, a workshop
/// and a policy change, and actions in answer to the demo's Voice themes. Dated from the quarter holding "now": some in
/// the last complete quarter, some in this one, so `review` and `review this quarter` both hold some. Fixed ids: a
/// record already there is left as it is.
/// </summary>
public sealed class DemoProgramme(IInsightStore insights, IRecognitionStore recognitions, IProgrammeEventStore events, IActionStore actions)
{
    private static readonly PlaygroundPerson Leader = PlaygroundDefaults.User;

    /// <returns>How many records were written (none when all were there).</returns>
    public async Task<int> AddAsync(string tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var thisQuarter = TrendPeriod.Holding(PeriodKind.Quarter, DateOnly.FromDateTime(now.UtcDateTime));
        var lastStart = At(thisQuarter.Previous().FirstDay);
        var thisStart = At(thisQuarter.FirstDay);
        // This quarter's records fall between its first day and now, however little of it has gone.
        DateTimeOffset Recent(double share) => thisStart + ((now - thisStart) * share);

        var written = 0;
        foreach (var insight in Insights(tenant, lastStart, Recent))
            written += await insights.CreateAsync(insight, cancellationToken) ? 1 : 0;
        foreach (var recognition in Recognitions(tenant, lastStart, Recent))
            written += await recognitions.CreateAsync(recognition, cancellationToken) ? 1 : 0;
        foreach (var programmeEvent in Events(tenant, lastStart, Recent))
            written += await events.CreateAsync(programmeEvent, cancellationToken) ? 1 : 0;
        foreach (var action in Actions(tenant, lastStart, now, Recent))
            written += await actions.CreateAsync(action, cancellationToken) ? 1 : 0;
        return written;
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);

    private static IEnumerable<Insight> Insights(string tenant, DateTimeOffset lastStart, Func<double, DateTimeOffset> recent)
    {
        Insight Sent(string id, DateTimeOffset at, string title, string body, string source) => new()
        {
            Id = id,
            TenantId = tenant,
            Title = title,
            Body = body,
            Source = source,
            AuthorAadObjectId = Leader.AadObjectId,
            AuthorName = Leader.Name,
            // No audience: the made-up people have no chat, and a reach notice about deliveries that never happened would mislead.
            CreatedAt = at,
            SendAt = at,
            Status = InsightStatus.Sent,
        };

        yield return Sent("demo-insight-complaints", lastStart.AddDays(23), "Late call-backs are our top complaint",
            "One complaint in four last quarter was about a call-back that never came. Call customers back when we said we would.", "Complaints review");
        yield return Sent("demo-insight-csat", lastStart.AddDays(58), "Customer satisfaction is up after the onboarding changes",
            "New customers rate their first week higher since the onboarding checklist was rewritten.", "Customer survey") with
        {
            KpiName = "CSAT",
            KpiValue = "82%",
            KpiTrend = "up 4 points",
        };
        yield return Sent("demo-insight-invoices", recent(0.4), "Customers ask what our invoice lines mean",
            "Billing questions are a fifth of support tickets: most ask what a line on the invoice is for.", "Support ticket analysis");
    }

    private static IEnumerable<Recognition> Recognitions(string tenant, DateTimeOffset lastStart, Func<double, DateTimeOffset> recent)
    {
        // Behaviours from the default list (Recognitions' RecognitionOptions), which the demo does not change.
        Recognition Of(string id, RecognitionKind kind, int person, int team, string behaviour, string story, DateTimeOffset at, PlaygroundPerson? author = null)
        {
            var (teamId, _, _, _) = DemoBank.Teams[team];
            var authorKey = author?.AadObjectId ?? DemoTeams.UserId(person + 1);
            return new Recognition
            {
                Id = id,
                Kind = kind,
                TenantId = tenant,
                RecipientUserId = DemoTeams.UserId(person),
                RecipientName = DemoTeams.Name(person),
                AuthorAadObjectId = authorKey,
                AuthorName = author?.Name ?? DemoTeams.Name(person + 1),
                Behaviour = behaviour,
                Story = story,
                TeamId = teamId,
                // The demo's channels are their teams' General channels, whose id is the team's.
                ChannelId = teamId,
                CreatedAt = at,
            };
        }

        yield return Of("demo-recognition-exec-1", RecognitionKind.Executive, 3, 0, "Owning the problem",
            "Stayed with a customer's billing problem across three teams until it was fixed.", lastStart.AddDays(40), Leader);
        yield return Of("demo-recognition-exec-2", RecognitionKind.Executive, 27, 2, "Listening to customers",
            "Ran five customer interviews and changed the release plan on what they heard.", recent(0.5), Leader);
        yield return Of("demo-recognition-peer-1", RecognitionKind.Peer, 14, 1, "Going the extra mile",
            "Drove a replacement part to a customer before their launch.", lastStart.AddDays(30));
        yield return Of("demo-recognition-peer-2", RecognitionKind.Peer, 40, 3, "Sharing customer insight",
            "Shared the outage feedback with every team the same morning.", lastStart.AddDays(65));
        yield return Of("demo-recognition-peer-3", RecognitionKind.Peer, 5, 0, "Partnering with customers",
            "Rebuilt the onboarding plan with the customer, not for them.", recent(0.6));
    }

    private static IEnumerable<ProgrammeEvent> Events(string tenant, DateTimeOffset lastStart, Func<double, DateTimeOffset> recent)
    {
        ProgrammeEvent Event(string id, ProgrammeEventKind kind, string title, DateTimeOffset at, IReadOnlyList<string> teams) => new()
        {
            Id = id,
            TenantId = tenant,
            Kind = kind,
            Title = title,
            Date = DateOnly.FromDateTime(at.UtcDateTime),
            TeamIds = teams,
            RecordedByAadObjectId = Leader.AadObjectId,
            RecordedAt = at,
        };

        yield return Event("demo-event-workshop", ProgrammeEventKind.Workshop, "Customer journey workshop", lastStart.AddDays(45), [DemoBank.Teams[0].Id]);
        yield return Event("demo-event-refunds", ProgrammeEventKind.PolicyChange, "Support may refund small amounts without approval", recent(0.3), []);
    }

    private static IEnumerable<ProgrammeAction> Actions(string tenant, DateTimeOffset lastStart, DateTimeOffset now, Func<double, DateTimeOffset> recent)
    {
        ProgrammeAction Action(string id, string change, string owner, string theme, DateOnly due, ActionStatus status, DateTimeOffset created, DateTimeOffset updated) => new()
        {
            Id = id,
            TenantId = tenant,
            Change = change,
            Owner = owner,
            Theme = theme,
            DueDate = due,
            Status = status,
            RecordedByAadObjectId = Leader.AadObjectId,
            Sponsor = ActionSponsor.Hr,
            Revision = status == ActionStatus.Planned ? 1 : 2,
            CreatedAt = created,
            UpdatedAt = updated,
        };

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        yield return Action("demo-action-onboarding", "Rewrite the onboarding checklist with new customers", "Head of Customer Success", "onboarding",
            DateOnly.FromDateTime(lastStart.AddDays(60).UtcDateTime), ActionStatus.Done, lastStart.AddDays(20), lastStart.AddDays(55));
        yield return Action("demo-action-response-times", "Answer every support ticket within one working day", "Support Team Lead", "response times",
            today.AddDays(-7), ActionStatus.InProgress, lastStart.AddDays(50), recent(0.2));
        yield return Action("demo-action-invoices", "Plain-language invoice lines", "Finance Manager", "invoices",
            today.AddDays(45), ActionStatus.Planned, recent(0.5), recent(0.5));
    }
}
