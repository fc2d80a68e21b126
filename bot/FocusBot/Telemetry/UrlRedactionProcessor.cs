using System.Diagnostics;
using OpenTelemetry;

namespace FocusBot.Telemetry;

/// <summary>
/// Keeps ids out of the URLs that HTTP and Azure SDK spans record before any exporter sees them: Connector paths name
/// conversations and teams (a personal chat's id stands for a person), table paths name rows (pseudonyms, recipient
/// keys), and report links carry a signed token in their query. Path segments that are plain words stay; any other
/// segment becomes <c>{id}</c>, and the query goes.
/// </summary>
public sealed class UrlRedactionProcessor : BaseProcessor<Activity>
{
    private static readonly string[] s_urlTags = ["url.full", "http.url", "url.path", "http.target"];
    private static readonly string[] s_dropped = ["url.query"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var name in s_urlTags)
        {
            if (data.GetTagItem(name) is string value)
                data.SetTag(name, Redact(value));
        }

        foreach (var name in s_dropped)
        {
            if (data.GetTagItem(name) is not null)
                data.SetTag(name, null);
        }
    }

    /// <summary>The URL (absolute, or a path) with its query gone and every segment that is not a plain word as <c>{id}</c>.</summary>
    public static string Redact(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var end = url.IndexOfAny(['?', '#']);
        var withoutQuery = end < 0 ? url : url[..end];
        var pathStart = 0;
        var scheme = withoutQuery.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = withoutQuery.IndexOf('/', scheme + 3);
            if (slash < 0)
                return withoutQuery;
            pathStart = slash;
        }

        var segments = withoutQuery[pathStart..].Split('/');
        return withoutQuery[..pathStart] + string.Join('/', segments.Select(RedactSegment));
    }

    // "v3", "conversations", "activities", ".well-known", "trends.csv" are words; "a:1f…", "19:…@thread.tacv2", "Answers(PartitionKey='…')"
    // and anything else with digits, colons, quotes or escapes is not.
    private static string RedactSegment(string segment) =>
        segment.Length == 0 || IsWord(segment) ? segment : "{id}";

    private static bool IsWord(string segment) =>
        segment is "v1" or "v2" or "v3"
        || (segment.Length <= 40 && segment.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '.' or '-' or '_'));
}
