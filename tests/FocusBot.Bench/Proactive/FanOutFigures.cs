using FocusBot.ConnectorSimulator.Recording;

namespace FocusBot.Bench.Proactive;

/// <summary>What one fan-out looked like from the simulator's side: pace, 429s, how evenly requests arrived.</summary>
internal sealed record FanOutFigures(
    int Messages,
    double ElapsedSeconds,
    double Ratio,
    int Throttled,
    double GapsUnderOneMillisecond,
    double MedianMillisecondsEarly,
    int Lost,
    int Duplicates,
    int SendErrors,
    string LoadAverage)
{
    public double ThrottledShare => (double)Throttled / Messages;

    /// <param name="limit">Requests per second the simulator allows the tenant.</param>
    public static FanOutFigures From(int messages, int limit, TimeSpan elapsed, IReadOnlyList<RecordedRequest> requests,
        IReadOnlyList<SentActivity> sent, int sendErrors, string loadAverage)
    {
        var sends = requests.Where(r => r.Operation == FocusBot.ConnectorSimulator.ConnectorOperation.Send).ToArray();
        var arrivals = sends.Select(r => r.Time).Order().ToArray();
        var bunched = 0;
        for (var i = 1; i < arrivals.Length; i++)
        {
            if (arrivals[i] - arrivals[i - 1] < TimeSpan.FromMilliseconds(1))
                bunched++;
        }

        var accepted = sends.Where(r => r.StatusCode is 200 or 201).Select(r => r.Time).Order().ToArray();
        var throttled = sends.Where(r => r.StatusCode == 429).Select(r => r.Time).ToArray();
        var delivered = sent.Select(s => s.ConversationId).Distinct(StringComparer.Ordinal).Count();
        return new FanOutFigures(messages, elapsed.TotalSeconds, elapsed.TotalSeconds / ((double)messages / limit),
            throttled.Length, arrivals.Length > 1 ? (double)bunched / (arrivals.Length - 1) : 0,
            MedianEarly(accepted, throttled, limit), messages - delivered, sent.Count - delivered, sendErrors, loadAverage);
    }

    // A 429 came in while the window already held `limit` accepted requests; it was early by the time until the oldest
    // of them left the one-second window.
    private static double MedianEarly(DateTimeOffset[] accepted, DateTimeOffset[] throttled, int limit)
    {
        var early = new List<double>();
        foreach (var time in throttled)
        {
            var before = Array.BinarySearch(accepted, time);
            var count = before >= 0 ? before : ~before;
            if (count >= limit)
                early.Add((accepted[count - limit] + TimeSpan.FromSeconds(1) - time).TotalMilliseconds);
        }

        return early.Count == 0 ? 0 : early.Order().ElementAt(early.Count / 2);
    }
}
