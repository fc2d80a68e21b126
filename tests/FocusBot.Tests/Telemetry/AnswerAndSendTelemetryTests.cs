using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Faults;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Proactive;
using FocusBot.Protocol.Connector;
using FocusBot.Pulses;
using FocusBot.Telemetry;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static FocusBot.TestSupport.TeamsActivities;
using SimOperation = FocusBot.ConnectorSimulator.ConnectorOperation;

namespace FocusBot.Tests.Telemetry;

/// <summary>
/// One pulse card sent (Teams throttles the first try) and answered, through the real host with OpenTelemetry's
/// in-memory exporter in place of Azure Monitor: FocusBot's spans nest as the work does, its counters say what happened,
/// and nothing exported names the person or repeats their answer.
/// </summary>
[Collection(TelemetryRunsAlone.Name)]
public sealed class AnswerAndSendTelemetryTests : IAsyncLifetime
{
    private const string Person = "29:ada-lovelace";
    private const string PersonName = "Ada Lovelace";
    private const string Comment = "The returns desk keeps losing parcels";
    private static readonly string[] QuestionIds = ["a-agree-1", "v-one-thing"];
    private readonly ShiftableTimeProvider _clock = new();
    private readonly ExportedCollection<Activity> _spans = new();
    private readonly ExportedCollection<MetricSnapshot> _metrics = new();
    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _clock.Offset = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero) - DateTimeOffset.UtcNow;
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        _connector.AddConversation(ChatOf(Person), TenantId);
        _host = new FocusBotTestHost("Development", new Dictionary<string, string?>
        {
            ["Delivery:RunInBackground"] = "false",
            ["Pulse:RunInBackground"] = "false",
        }, services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            // What the host registers when an exporter is configured, with the in-memory exporter in its place.
            services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddFocusBotTracing().AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                    .AddInMemoryExporter(_spans))
                .WithMetrics(metrics => metrics.AddFocusBotMetrics().AddInMemoryExporter(_metrics));
        });
        _ = _host.Client;
        await _host.Services.GetRequiredService<IQuestionStore>().ReplaceBankAsync(TestQuestions.Bank, CancellationToken.None);
        await PostAsync(PersonalInstall(_connector.BaseUrl, Person, PersonName, "Europe/London"));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task SendAndAnswer_SpansNestAndCountersCount_WithNothingThatNamesThePersonOrTheirAnswer()
    {
        var pulse = await OpenAndSendAsync();
        var answer = await AnswerAsync(pulse.Id);
        var metrics = await CollectAsync();
        var spans = await SpansWhenAsync(all => all.Any(IsMessagesRequest));

        // The send: one fan-out for the pulse; the row's send holds the Connector call, which holds both HTTP attempts.
        var fanOut = Assert.Single(spans, s => s.OperationName == FocusBotTelemetry.Spans.FanOut);
        Assert.Equal("pulse", fanOut.GetTagItem(FocusBotTelemetry.Tags.DeliveryKind));
        Assert.Equal(1, fanOut.GetTagItem(FocusBotTelemetry.Tags.Recipients));
        Assert.Equal(1, fanOut.GetTagItem(FocusBotTelemetry.Tags.Added));
        var send = Assert.Single(spans, s => s.OperationName == FocusBotTelemetry.Spans.Send);
        Assert.Equal("pulse", send.GetTagItem(FocusBotTelemetry.Tags.DeliveryKind));
        Assert.Equal(FocusBotTelemetry.SendOutcomes.Delivered, send.GetTagItem(FocusBotTelemetry.Tags.SendOutcome));
        var call = Assert.Single(spans, s => s.OperationName == ConnectorTelemetry.CallSpan && s.ParentSpanId == send.SpanId);
        Assert.Equal("send_message", call.GetTagItem(ConnectorTelemetry.OperationTag));
        Assert.Equal(2, call.GetTagItem(ConnectorTelemetry.AttemptsTag));
        var attempts = spans.Where(s => s.Kind == ActivityKind.Client && s.ParentSpanId == call.SpanId).ToList();
        Assert.Equal(new[] { 429, 201 }, attempts.OrderBy(s => s.StartTimeUtc).Select(s => s.GetTagItem("http.response.status_code")).Cast<int>());

        // The answer: a child of the POST /api/messages request that carried it.
        var answerSpan = Assert.Single(spans, s => s.OperationName == FocusBotTelemetry.Spans.PulseAnswer);
        var request = Assert.Single(spans, s => IsMessagesRequest(s) && s.SpanId == answerSpan.ParentSpanId);
        Assert.Equal(answerSpan.TraceId, request.TraceId);
        Assert.Equal(FocusBotTelemetry.AnswerOutcomes.Saved, answerSpan.GetTagItem(FocusBotTelemetry.Tags.AnswerOutcome));
        Assert.Equal(2, answerSpan.GetTagItem(FocusBotTelemetry.Tags.AnswersStored));
        Assert.Contains(Comment, answer, StringComparison.Ordinal); // the card shows it back, so it was there to leak

        // The counters.
        Assert.Equal(1, Sum(metrics, FocusBotTelemetry.Instruments.Sends,
            (FocusBotTelemetry.Tags.DeliveryKind, "pulse"), (FocusBotTelemetry.Tags.SendOutcome, FocusBotTelemetry.SendOutcomes.Delivered)));
        Assert.Equal(1, Sum(metrics, ConnectorTelemetry.ThrottledCounter, (ConnectorTelemetry.OperationTag, "send_message")));
        Assert.Equal(1, Sum(metrics, ConnectorTelemetry.RetriesCounter,
            (ConnectorTelemetry.OperationTag, "send_message"), (ConnectorTelemetry.ReasonTag, "throttled")));
        Assert.Equal(2, Sum(metrics, FocusBotTelemetry.Instruments.AnswersRecorded));
        var latency = Assert.Single(Points(metrics, FocusBotTelemetry.Instruments.AnswerDuration));
        Assert.Equal(FocusBotTelemetry.AnswerOutcomes.Saved, Tag(latency, FocusBotTelemetry.Tags.AnswerOutcome));
        Assert.Equal(1, latency.GetHistogramCount());
        Assert.InRange(latency.GetHistogramSum(), 0.001, 5000);

        // Nothing exported carries the person's id, chat, Entra id or name, or the comment they wrote.
        string[] personal = [Person, Person[3..], ChatOf(Person), Uri.EscapeDataString(ChatOf(Person)), AadOf(Person), PersonName, Comment];
        var exported = spans.SelectMany(Texts).Concat(metrics.SelectMany(m => m.MetricPoints).SelectMany(p => TagTexts(p.Tags))).ToList();
        Assert.NotEmpty(exported);
        foreach (var text in exported)
            Assert.DoesNotContain(personal, p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
    }

    // Opens the pulse at Tuesday 10:30 London and sends it; the first send is throttled once.
    private async Task<Pulse> OpenAndSendAsync()
    {
        await PassAsync(new DateTimeOffset(2026, 11, 30, 19, 30, 0, TimeSpan.Zero));
        var pulses = _host.Services.GetRequiredService<IPulseStore>();
        var pulse = Assert.Single(await pulses.ListRecentAsync(10, CancellationToken.None));
        pulse = await pulses.UpdateAsync(pulse with { QuestionIds = QuestionIds }, CancellationToken.None);
        _connector.Reset();
        _connector.Faults.Enqueue(InjectedFault.Status(429, TimeSpan.FromMilliseconds(50)) with { Operation = SimOperation.Send });
        await PassAsync(new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero));
        Assert.Single(_connector.Sent, s => s.Activity.GetRawText().Contains(PulseCard.Title, StringComparison.Ordinal));
        return pulse;
    }

    private async Task PassAsync(DateTimeOffset now)
    {
        _clock.Offset = now - DateTimeOffset.UtcNow;
        await _host.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        await _host.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);
    }

    private async Task<string> AnswerAsync(string pulseId)
    {
        var data = new JsonObject
        {
            ["pulseId"] = pulseId,
            [PulseCard.InputPrefix + "a-agree-1"] = "4",
            [PulseCard.InputPrefix + "v-one-thing"] = Comment,
        };
        var response = await _host.PostActivityAsync(Execute(_connector.BaseUrl, Person, ChatOf(Person), PulseCard.AnswerVerb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task PostAsync(string json) => Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(json)).StatusCode);

    private async Task<IReadOnlyList<MetricSnapshot>> CollectAsync()
    {
        Assert.True(_host.Services.GetRequiredService<MeterProvider>().ForceFlush(5000));
        await Task.Yield();
        // Cumulative: the last snapshot of each instrument holds everything so far.
        return [.. _metrics.Snapshot().GroupBy(m => m.Name).Select(g => g.Last())];
    }

    // A server span ends once its response has gone, which can be just after the client has read it.
    private async Task<IReadOnlyList<Activity>> SpansWhenAsync(Func<IReadOnlyList<Activity>, bool> ready)
    {
        for (var i = 0; i < 50 && !ready(_spans.Snapshot()); i++)
            await Task.Delay(100);
        return _spans.Snapshot();
    }

    private static bool IsMessagesRequest(Activity span) =>
        span.Kind == ActivityKind.Server && span.GetTagItem("url.path") as string == "/api/messages";

    private static IEnumerable<MetricPoint> Points(IReadOnlyList<MetricSnapshot> metrics, string name) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints);

    private static long Sum(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name).Where(p => tags.All(t => Tag(p, t.Key) == t.Value)).Sum(p => p.GetSumLong());

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
                return tag.Value?.ToString();
        }

        return null;
    }

    private static List<string> TagTexts(ReadOnlyTagCollection tags)
    {
        var texts = new List<string>();
        foreach (var tag in tags)
            texts.Add($"{tag.Key}={tag.Value}");
        return texts;
    }

    private static IEnumerable<string> Texts(Activity span) =>
        new[] { span.DisplayName, span.StatusDescription ?? string.Empty }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}"));
}
