using System.Diagnostics;
using System.Diagnostics.Metrics;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Trends;
using FocusBot.Protocol.Connector;

namespace FocusBot.Telemetry;

/// <summary>
/// FocusBot's own spans and instruments, their names and their tags in one place. A tag says what kind of work it was,
/// how it ended and how many: never a name, an id of a person or a conversation, or an answer, just as in the logs.
/// Nothing is recorded unless an exporter listens (see <see cref="TelemetryServiceCollectionExtensions"/>).
/// </summary>
public static class FocusBotTelemetry
{
    /// <summary>The name of both FocusBot's <see cref="ActivitySource"/> and its <see cref="Meter"/>.</summary>
    public const string Name = "FocusBot";

    /// <summary>Every source and meter FocusBot's code writes to: the host's and the protocol layer's.</summary>
    public static IReadOnlyList<string> Names { get; } = [Name, ConnectorTelemetry.Name];

    /// <summary>Span names.</summary>
    public static class Spans
    {
        /// <summary>A campaign written to the delivery ledger for many people (pulse, insight, recognition).</summary>
        public const string FanOut = "focusbot.fanout";

        /// <summary>One ledger row sent to the Connector, conversation creation and the client's retries included.</summary>
        public const string Send = "focusbot.delivery.send";

        /// <summary>One press of a pulse card's submit button, from the invoke to the card that comes back.</summary>
        public const string PulseAnswer = "focusbot.pulse.answer";

        /// <summary>One trend report computed behind the privacy gate (card, page, CSV or digest).</summary>
        public const string Trends = "focusbot.trends.compute";
    }

    /// <summary>Instrument names.</summary>
    public static class Instruments
    {
        public const string Sends = "focusbot.delivery.sends";
        public const string AnswersRecorded = "focusbot.pulse.answers";
        public const string AnswerDuration = "focusbot.pulse.answer.duration";
    }

    /// <summary>Tag names; the values are the constants below and small counts.</summary>
    public static class Tags
    {
        /// <summary>pulse, insight, recognition, action or results: the ledger's kind, never its id.</summary>
        public const string DeliveryKind = "focusbot.delivery.kind";
        public const string SendOutcome = "focusbot.send.outcome";
        public const string WillRetry = "focusbot.send.will_retry";
        public const string Recipients = "focusbot.fanout.recipients";
        public const string Added = "focusbot.fanout.added";
        public const string AnswerOutcome = "focusbot.answer.outcome";
        public const string AnswersStored = "focusbot.answer.stored";
        public const string TrendsRoute = "focusbot.trends.route";
        public const string TrendsPeriodKind = "focusbot.trends.period_kind";
        public const string TrendsPeriods = "focusbot.trends.periods";
    }

    /// <summary>How one ledger row's send ended.</summary>
    public static class SendOutcomes
    {
        public const string Delivered = "delivered";

        /// <summary>403 or 404: the person removed FocusBot or the chat is gone.</summary>
        public const string Blocked = "blocked";

        /// <summary>Another 4xx: Teams refused the message itself.</summary>
        public const string Refused = "refused";

        /// <summary>Still 429 after the client's retries.</summary>
        public const string Throttled = "throttled";

        /// <summary>Unreachable, 5xx or an unknown outcome after the client's retries.</summary>
        public const string Failed = "failed";

        /// <summary>Its content had nothing to send any more (e.g. a withdrawn insight).</summary>
        public const string Skipped = "skipped";

        /// <summary>Not sent by this sender: it stopped, lost its lease, or another sender had the row. Not counted as a send.</summary>
        public const string Deferred = "deferred";
    }

    /// <summary>Where a trend report was asked for.</summary>
    public static class TrendsRoutes
    {
        public const string Card = "card";
        public const string Page = "page";
        public const string Csv = "csv";
        public const string Digest = "digest";
        public const string Results = "results";
    }

    /// <summary>How one press of a pulse card's submit button ended.</summary>
    public static class AnswerOutcomes
    {
        public const string Saved = "saved";

        /// <summary>The press repeated what was stored (a double click, a replay).</summary>
        public const string Unchanged = "unchanged";

        /// <summary>An older card: nothing saved, the stored answers shown.</summary>
        public const string OutdatedCard = "outdated_card";
        public const string Invalid = "invalid";
        public const string Closed = "closed";
        public const string UnknownPulse = "unknown_pulse";

        /// <summary>An exception escaped (the store failed, the invoke was cancelled).</summary>
        public const string Failed = "failed";
    }

    private static readonly ActivitySource s_source = new(Name);
    private static readonly Meter s_meter = new(Name);
    private static readonly Counter<long> s_sends = s_meter.CreateCounter<long>(Instruments.Sends, "{message}",
        "Proactive messages sent to the Connector, by ledger kind and outcome.");
    private static readonly Counter<long> s_answers = s_meter.CreateCounter<long>(Instruments.AnswersRecorded, "{answer}",
        "Pulse answers stored (new or changed).");
    private static readonly Histogram<double> s_answerDuration = s_meter.CreateHistogram<double>(Instruments.AnswerDuration, "ms",
        "Time from a pulse card's submit reaching FocusBot to the card that answers it, by outcome.");

    public static Activity? StartFanOut(string ledgerId, int recipients) =>
        s_source.StartActivity(Spans.FanOut)?.SetTag(Tags.DeliveryKind, KindOf(ledgerId)).SetTag(Tags.Recipients, recipients);

    public static Activity? StartSend(string ledgerId) => s_source.StartActivity(Spans.Send)?.SetTag(Tags.DeliveryKind, KindOf(ledgerId));

    /// <summary>Ends a send: its outcome on the span and, unless deferred, one count.</summary>
    public static void RecordSend(Activity? span, string ledgerId, string outcome, bool willRetry)
    {
        span?.SetTag(Tags.SendOutcome, outcome).SetTag(Tags.WillRetry, willRetry);
        if (outcome is not (SendOutcomes.Delivered or SendOutcomes.Skipped or SendOutcomes.Deferred))
            span?.SetStatus(ActivityStatusCode.Error, outcome);
        if (outcome != SendOutcomes.Deferred)
        {
            s_sends.Add(1, new KeyValuePair<string, object?>(Tags.DeliveryKind, KindOf(ledgerId)),
                new KeyValuePair<string, object?>(Tags.SendOutcome, outcome), new KeyValuePair<string, object?>(Tags.WillRetry, willRetry));
        }
    }

    /// <summary>Starts measuring one submit of a pulse card; dispose it when the answering card is ready.</summary>
    public static AnswerMeasurement MeasureAnswer(TimeProvider timeProvider) => new(s_source.StartActivity(Spans.PulseAnswer), timeProvider);

    /// <summary><see cref="PrivacyGate.PublishAsync"/> in a trends span naming the route that asked (one of <see cref="TrendsRoutes"/>).</summary>
    public static async Task<TrendReport> PublishTracedAsync(this PrivacyGate gate, TrendRequest request, string route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(request);
        using var span = s_source.StartActivity(Spans.Trends)?.SetTag(Tags.TrendsRoute, route)
            .SetTag(Tags.TrendsPeriodKind, request.Kind.ToString().ToLowerInvariant());
        var report = await gate.PublishAsync(request, cancellationToken);
        span?.SetTag(Tags.TrendsPeriods, report.Periods.Count);
        return report;
    }

    internal static void RecordAnswer(Activity? span, string outcome, int stored, TimeSpan elapsed)
    {
        span?.SetTag(Tags.AnswerOutcome, outcome).SetTag(Tags.AnswersStored, stored);
        if (stored > 0)
            s_answers.Add(stored);
        s_answerDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>(Tags.AnswerOutcome, outcome));
    }

    // Ledger ids are "kind:id" with a kind from FocusBot's code (pulse, insight, recognition): the kind is a tag, the id never.
    private static string KindOf(string ledgerId) => LedgerIds.KindOf(ledgerId);
}
