using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FocusBot.Conversations;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Pulses;
using FocusBot.Recognitions;

namespace FocusBot.Trends;

/// <summary>GET /reports/recognitions.csv: the recognition history's CSV, behind a signed link made for one HR person.</summary>
public static partial class ReportEndpoints
{
    private static async Task<IResult> RecognitionsCsvAsync(HttpContext http, ReportAccess access, RecognitionsCommand history, IConversationStore conversations,
        PulseSchedule schedule, TimeProvider timeProvider, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        Secure(http.Response, nonce);
        var (link, refusal) = await access.CheckRecognitionExportAsync(http.Request.Query[ReportUrls.TokenParameter].ToString(), cancellationToken);
        if (link is null)
        {
            LogRefused(loggers.CreateLogger(typeof(ReportEndpoints)), "recognitions csv");
            return Results.Content(ReportPage.Refusal(refusal!, nonce), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status403Forbidden);
        }

        // The link is signed, so its filters are the ones FocusBot offered when it was made; a month is still checked for shape.
        var view = new RecognitionHistoryView(link.TeamId, link.Behaviour, link.Month is { } m && RecognitionHistoryView.IsMonth(m) ? m : null,
            RecognitionKinds.FromCode(link.Kind), 0);
        var teams = (await history.TeamsAsync(link.TenantId, cancellationToken)).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var channels = new Dictionary<string, string?>(StringComparer.Ordinal);
        async Task<string?> ChannelTitleAsync(string channelId, CancellationToken token)
        {
            if (!channels.TryGetValue(channelId, out var title))
            {
                channels[channelId] = title = await conversations.GetAsync(link.TenantId, channelId, token) is { } channel ? TeamChannels.TitleOf(channel) : null;
            }

            return title;
        }

        var csv = await RecognitionCsv.WriteAsync(history.SelectAsync(link.TenantId, view, cancellationToken), new PulseCalendar(schedule).Zone,
            teams.GetValueOrDefault, ChannelTitleAsync, cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"focusbot-recognitions-{timeProvider.GetUtcNow():yyyy-MM-dd}.csv");
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        return Results.Bytes([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8");
    }
}
