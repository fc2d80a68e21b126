using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Pulses;

namespace FocusBot.Bench.Pulses;

/// <summary>
/// People answering the pulse card through POST /api/messages, as the pulse and cold-start scenarios send them: the
/// invoke a Teams client posts, timed one by one, paced or all at once, and reported against the issue #4 goals.
/// </summary>
internal static class AnswerTraffic
{
    public const string BotId = "28:focusbot-bench";

    /// <summary>What people type in a free-text item, the same for everyone.</summary>
    public const string FreeTextAnswer = "Call customers back the same day.";

    /// <summary>The Action.Execute a person's Teams client sends when they answer every question of the card.</summary>
    public static string AnswerInvoke(string serviceUrl, string tenantId, Pulse pulse, IReadOnlyList<Question> questions, string user)
    {
        var data = new JsonObject { ["pulseId"] = pulse.Id };
        foreach (var question in questions)
            data[PulseCard.InputPrefix + question.Id] = question.Kind == QuestionKind.FreeText ? FreeTextAnswer : AnswerScales.ChoicesFor(question)[^1].Value;
        return ActionInvoke(serviceUrl, tenantId, user, PulseCard.AnswerVerb, data);
    }

    /// <summary>The invoke a Teams client posts when <paramref name="user"/> presses an Action.Execute in their personal chat.</summary>
    public static string ActionInvoke(string serviceUrl, string tenantId, string user, string verb, JsonObject data) => new JsonObject
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = "f:" + Guid.NewGuid(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = user, ["aadObjectId"] = AadOf(user) },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "FocusBot" },
        ["conversation"] = new JsonObject { ["id"] = ChatOf(user), ["conversationType"] = "personal", ["tenantId"] = tenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        },
    }.ToJsonString();

    public static string ChatOf(string user) => "a:bench-chat-" + user[3..];

    public static string AadOf(string user) => new Guid(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(user))[..16]).ToString();

    /// <summary>
    /// Answers arriving at a steady rate (an open loop: each starts on time whether or not earlier ones finished), so a
    /// slow host shows as latency, as it would to people pressing the button.
    /// </summary>
    public static async Task<AnswerFigures> PacedAsync(HttpClient http, IReadOnlyList<string> bodies, int perSecond)
    {
        var latencies = new double[bodies.Count];
        var inFlight = new List<Task<bool>>(bodies.Count);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < bodies.Count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            while (watch.Elapsed < due)
                await Task.Delay(1);
            inFlight.Add(TimedPostAsync(http, bodies[i], latencies, i));
        }

        var results = await Task.WhenAll(inFlight);
        watch.Stop();
        return new AnswerFigures(bodies.Count, watch.Elapsed, latencies, results.Count(r => r));
    }

    /// <summary>Everyone presses "Submit answers" at the same moment.</summary>
    public static async Task<AnswerFigures> BurstAsync(HttpClient http, IReadOnlyList<string> bodies)
    {
        var latencies = new double[bodies.Count];
        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(bodies.Select((body, i) => TimedPostAsync(http, body, latencies, i)));
        watch.Stop();
        return new AnswerFigures(bodies.Count, watch.Elapsed, latencies, results.Count(r => r));
    }

    /// <summary>
    /// Answers from a fixed number of concurrent callers (a closed loop, as load tools count concurrency): each caller
    /// sends its next answer as soon as the previous one is answered.
    /// </summary>
    public static async Task<AnswerFigures> ConcurrentAsync(HttpClient http, IReadOnlyList<string> bodies, int callers)
    {
        var latencies = new double[bodies.Count];
        var results = new bool[bodies.Count];
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, bodies.Count), new ParallelOptions { MaxDegreeOfParallelism = callers },
            async (i, _) => results[i] = await TimedPostAsync(http, bodies[i], latencies, i));
        watch.Stop();
        return new AnswerFigures(bodies.Count, watch.Elapsed, latencies, results.Count(r => r));
    }

    public static async Task<bool> TimedPostAsync(HttpClient http, string body, double[] latencies, int index)
    {
        var watch = Stopwatch.StartNew();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        latencies[index] = watch.Elapsed.TotalMilliseconds;
        // The answered card replaces the form: it carries the "Change answers" action.
        return response.StatusCode == HttpStatusCode.OK && text.Contains(PulseCard.EditVerb, StringComparison.Ordinal);
    }
}

/// <summary>How one group of answers went: throughput over the whole group and each invoke's latency.</summary>
internal sealed class AnswerFigures
{
    private readonly double[] _sorted;

    public AnswerFigures(int count, TimeSpan elapsed, double[] latencies, int answeredCards)
    {
        Count = count;
        Elapsed = elapsed;
        AnsweredCards = answeredCards;
        _sorted = [.. latencies.Order()];
    }

    public int Count { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Replies that were the answered card, as they should all be.</summary>
    public int AnsweredCards { get; }

    public double PerSecond => Count / Elapsed.TotalSeconds;

    /// <summary>Answers a second that came back as the answered card (an invoke that ran out of time does not count).</summary>
    public double AnsweredPerSecond => AnsweredCards / Elapsed.TotalSeconds;

    public double Max => _sorted[^1];

    public double Percentile(double p) => _sorted[Math.Min(_sorted.Length - 1, (int)Math.Ceiling(p * _sorted.Length) - 1)];

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{PerSecond:F0} answers/s (goal >= 1,000); invoke latency p50 {Percentile(0.50):F1} ms, p99 {Percentile(0.99):F1} ms, max {Max:F1} ms " +
        $"(goal p99 < 100 ms); answered cards {AnsweredCards}/{Count}");
}
