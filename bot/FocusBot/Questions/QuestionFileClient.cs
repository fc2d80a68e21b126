using System.Net;
using System.Text;

namespace FocusBot.Questions;

/// <summary>What fetching an attached file gave: its text, or why not (a sentence to show the person).</summary>
public sealed record QuestionFileDownload(string? Text, string? Refusal)
{
    public static QuestionFileDownload Refused(string reason) => new(null, reason);
}

/// <summary>
/// Downloads a file a person attached in Teams. The URL comes from the message, so it is checked before any request
/// (SSRF guard): https only, on SharePoint/OneDrive hosts (where Teams keeps chat files), default port, no credentials
/// in the URL; redirects are followed by hand and checked the same way. At most <see cref="MaxBytes"/> are read.
/// </summary>
public sealed partial class QuestionFileClient(IHttpClientFactory httpClients, ILogger<QuestionFileClient> logger)
{
    /// <summary>The named HttpClient used for downloads (tests give it a fake handler).</summary>
    public const string HttpClientName = "FocusBot.QuestionFiles";

    public const int MaxBytes = 1024 * 1024;
    public const int MaxRedirects = 3;

    private static readonly string[] s_allowedHostSuffixes = [".sharepoint.com", ".sharepoint-df.com"];

    public static bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri
            && uri.Scheme == Uri.UriSchemeHttps
            && uri.IsDefaultPort
            && string.IsNullOrEmpty(uri.UserInfo)
            && uri.HostNameType == UriHostNameType.Dns
            && s_allowedHostSuffixes.Any(suffix => uri.IdnHost.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && uri.IdnHost.Length > suffix.Length);
    }

    public async Task<QuestionFileDownload> DownloadAsync(string downloadUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(downloadUrl, UriKind.Absolute, out var uri) || !IsAllowed(uri))
        {
            LogRefusedHost(logger);
            return QuestionFileDownload.Refused("I only fetch files that Teams stores in SharePoint or OneDrive, and this one's link points elsewhere.");
        }

        using var http = httpClients.CreateClient(HttpClientName);
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            // ExecutionRejectedException: the resilience handler's timeout (or its open circuit) gave up on the download.
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or Polly.ExecutionRejectedException
                && !cancellationToken.IsCancellationRequested)
            {
                LogFailed(logger, null);
                return QuestionFileDownload.Refused("I could not download the file from Teams. Please try again in a moment.");
            }

            using (response)
            {
                if (IsRedirect(response.StatusCode))
                {
                    var next = response.Headers.Location is { } location ? new Uri(uri, location) : null;
                    if (next is null || !IsAllowed(next) || redirects >= MaxRedirects)
                    {
                        LogRefusedHost(logger);
                        return QuestionFileDownload.Refused("The file's link redirected somewhere I do not fetch from.");
                    }

                    uri = next;
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    LogFailed(logger, (int)response.StatusCode);
                    return QuestionFileDownload.Refused($"I could not download the file (Teams answered {(int)response.StatusCode}). Please attach it again.");
                }

                if (response.Content.Headers.ContentLength > MaxBytes)
                    return TooLarge();
                return await ReadTextAsync(response.Content, cancellationToken);
            }
        }
    }

    private static async Task<QuestionFileDownload> ReadTextAsync(HttpContent content, CancellationToken cancellationToken)
    {
        // Content-Length can be absent or wrong: count what actually arrives.
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return TooLarge();
            buffer.Write(chunk, 0, read);
        }

        return Decode(buffer.ToArray());
    }

    /// <summary>UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused rather than garbled.</summary>
    internal static QuestionFileDownload Decode(byte[] bytes)
    {
        try
        {
            if (bytes.AsSpan().StartsWith(Encoding.Unicode.Preamble))
                return new QuestionFileDownload(new UnicodeEncoding(false, true, true).GetString(bytes, 2, bytes.Length - 2), null);
            if (bytes.AsSpan().StartsWith(Encoding.BigEndianUnicode.Preamble))
                return new QuestionFileDownload(new UnicodeEncoding(true, true, true).GetString(bytes, 2, bytes.Length - 2), null);
            var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
            return new QuestionFileDownload(new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start), null);
        }
        catch (DecoderFallbackException)
        {
            return QuestionFileDownload.Refused("The file is not UTF-8 text. In Excel choose Save As > \"CSV UTF-8 (Comma delimited)\" and attach that.");
        }
    }

    private static QuestionFileDownload TooLarge() =>
        QuestionFileDownload.Refused($"The file is larger than {MaxBytes / 1024 / 1024} MB, more than an import of questions or KPIs needs. Please check it is the right file.");

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to fetch an attached file: its link is not an allowed SharePoint https URL")]
    private static partial void LogRefusedHost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Downloading an attached file failed (status {Status})")]
    private static partial void LogFailed(ILogger logger, int? status);
}
