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
        var nonce = Secure(http.Response);
        var (link, refusal) = await access.CheckRecognitionExportAsync(http.Request.Query[ReportUrls.TokenParameter].ToString(), cancellationToken);
        if (link is null)
            return Refused(loggers, "recognitions csv", refusal!, nonce);

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
        return CsvFile(http, "focusbot-recognitions", timeProvider, csv);
    }
}
