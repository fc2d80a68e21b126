using System.Globalization;
using FocusBot.Cards;
using FocusBot.Domain.Recognitions;

namespace FocusBot.Recognitions;

/// <summary>How many recognitions each row had in each month, oldest month first.</summary>
public sealed record CountRows(IReadOnlyList<string> Labels, IReadOnlyList<IReadOnlyList<int>> Counts);

/// <summary>
/// `recognitions counts` (HR, Executive): recognitions per month by behaviour, by team and by who gave them. Counts of
/// public recognitions, not of answers, so no minimum group applies (the privacy page says why).
/// </summary>
public static class RecognitionCountsCard
{
    public const string Title = "Recognition by month";

    public const string LeftTeam = "A team FocusBot has left";

    /// <param name="months">Month keys ("2026-11"), oldest first.</param>
    public static AdaptiveCard Create(IReadOnlyList<string> months, CountRows byBehaviour, CountRows byTeam, CountRows byKind)
    {
        ArgumentNullException.ThrowIfNull(months);
        var titles = months.Select(m => DateTime.ParseExact(m, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMM", CultureInfo.InvariantCulture)).ToList();
        List<CardElement> body =
        [
            new TextBlock(Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock($"{RecognitionHistoryView.MonthTitle(months[0])} to {RecognitionHistoryView.MonthTitle(months[^1])}, executive recognition and " +
                "colleagues' recognition together; the current month so far.") { IsSubtle = true },
            .. Table("By behaviour", byBehaviour, titles),
            .. Table("By team", byTeam, titles),
            .. Table("By who gave them", byKind, titles),
        ];
        return new AdaptiveCard { FallbackText = Title, Body = body };
    }

    /// <summary>The kind rows, executive first.</summary>
    public static IReadOnlyList<string> KindLabels { get; } = [RecognitionKinds.ExecutiveLabel, RecognitionKinds.PeerLabel];

    private static IEnumerable<CardElement> Table(string heading, CountRows rows, List<string> monthTitles)
    {
        yield return new TextBlock(heading) { Weight = "Bolder", Spacing = "Large" };
        if (rows.Labels.Count == 0)
        {
            yield return new TextBlock("No recognitions in these months.") { IsSubtle = true, Spacing = "Small" };
            yield break;
        }

        TextBlock Cell(string text, bool header = false) => new(text) { Weight = header ? "Bolder" : null, Spacing = "Small", Wrap = true };
        string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
        List<Column> columns = [new([Cell(" ", true), .. rows.Labels.Select(l => Cell(CardText.Markdown(l, 80))), Cell("Total", true)]) { Width = "stretch" }];
        for (var m = 0; m < monthTitles.Count; m++)
        {
            var month = m;
            columns.Add(new Column([Cell(monthTitles[month], true), .. rows.Counts.Select(r => Cell(Number(r[month]))), Cell(Number(rows.Counts.Sum(r => r[month])), true)])
            {
                Width = "auto",
            });
        }

        yield return new ColumnSet(columns) { Spacing = "Small" };
    }
}
