using System.Globalization;
using System.Text;
using FocusBot.Domain.Recognitions;
using FocusBot.Recognitions;

namespace FocusBot.Trends;

/// <summary>
/// The recognition export: one row per recognition, newest first. Recognition is public (it was posted in a channel with
/// both names), so the rows name the person and who recognised them, as the channel did. Dates are the tenant's calendar
/// days as ISO 8601, the month as its filter key; every text cell goes through <see cref="TrendCsv.Text"/>, which
/// defuses what a spreadsheet would run as a formula.
/// </summary>
public static class RecognitionCsv
{
    public const string Header = "date,month,kind,recognised,recognised_by,behaviour,team,channel,story,applause";

    /// <param name="teamName">The team's name by its id, or null for a team FocusBot has left.</param>
    /// <param name="channelTitle">"Team › Channel" by the channel's id, or null when FocusBot no longer knows it.</param>
    public static async Task<string> WriteAsync(IAsyncEnumerable<Recognition> recognitions, TimeZoneInfo zone, Func<string, string?> teamName,
        Func<string, CancellationToken, Task<string?>> channelTitle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recognitions);
        ArgumentNullException.ThrowIfNull(teamName);
        ArgumentNullException.ThrowIfNull(channelTitle);
        var csv = new StringBuilder(Header).Append("\r\n");
        await foreach (var recognition in recognitions.WithCancellation(cancellationToken))
        {
            var day = TimeZoneInfo.ConvertTime(recognition.CreatedAt, zone);
            string[] cells =
            [
                day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                RecognitionKinds.Code(recognition.Kind),
                TrendCsv.Text(recognition.RecipientName),
                TrendCsv.Text(recognition.AuthorName),
                TrendCsv.Text(recognition.Behaviour),
                TrendCsv.Text(teamName(recognition.TeamId) ?? RecognitionCountsCard.LeftTeam),
                TrendCsv.Text(await channelTitle(recognition.ChannelId, cancellationToken) ?? string.Empty),
                TrendCsv.Text(recognition.Story),
                recognition.ApplauseCount.ToString(CultureInfo.InvariantCulture),
            ];
            csv.Append(string.Join(',', cells)).Append("\r\n");
        }

        return csv.ToString();
    }
}
