using System.Globalization;
using FocusBot.Cards;
using FocusBot.Domain.Recognitions;

namespace FocusBot.Recognitions;

/// <summary>Recognitions per behaviour in one calendar month.</summary>
public sealed record MonthlyCount(string Month, IReadOnlyDictionary<string, int> ByBehaviour)
{
    public int Total => ByBehaviour.Values.Sum();
}

/// <summary>`recognitions`: the latest recognitions, and how many each behaviour got this month and last month.</summary>
public static class RecognitionsCard
{
    public const string Title = "Customer focus recognition";

    public const int Recent = 5;

    public const int MaxStoryShown = 300;

    public static AdaptiveCard Create(IReadOnlyList<Recognition> recent, IReadOnlyList<string> behaviours, MonthlyCount thisMonth,
        MonthlyCount lastMonth, string? viewerUserId, string? justApplaudedId = null, bool alreadyApplauded = false)
    {
        List<CardElement> body = [new TextBlock(Title) { Size = "Large", Weight = "Bolder" }];
        body.Add(new TextBlock("Recognitions by behaviour") { Weight = "Bolder", Spacing = "Medium" });
        body.Add(CountTable(behaviours, thisMonth, lastMonth));

        body.Add(new TextBlock("Latest") { Weight = "Bolder", Spacing = "Large" });
        if (recent.Count == 0)
            body.Add(new TextBlock("No recognitions yet. Executives recognise outstanding customer focus with the recognize command.") { IsSubtle = true });
        foreach (var recognition in recent)
        {
            List<CardElement> items =
            [
                new TextBlock($"**{CardText.Markdown(recognition.RecipientName, 80)}** · {CardText.Markdown(recognition.Behaviour, 80)}"),
                new TextBlock(CardText.Markdown(recognition.Story, MaxStoryShown)) { Spacing = "Small" },
                new TextBlock($"From {CardText.Markdown(recognition.AuthorName, 80)} · " +
                    $"{recognition.CreatedAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} · {RecognitionCard.ApplauseLine(recognition.ApplauseCount)}")
                {
                    Size = "Small",
                    IsSubtle = true,
                    Spacing = "Small",
                },
            ];
            if (recognition.Id == justApplaudedId)
            {
                items.Add(new TextBlock(alreadyApplauded ? "You have already applauded this one." : "You applauded. Thank you!")
                {
                    Color = "Good",
                    Size = "Small",
                    Weight = "Bolder",
                });
            }
            else if (recognition.RecipientUserId != viewerUserId)
            {
                items.Add(new ActionSet([RecognitionCard.ApplaudAction(recognition.Id, RecognitionsCommand.ListView)]));
            }

            body.Add(new Container(items) { Separator = true, Spacing = "Medium" });
        }

        return new AdaptiveCard { FallbackText = Title, Body = body };
    }

    private static ColumnSet CountTable(IReadOnlyList<string> behaviours, MonthlyCount thisMonth, MonthlyCount lastMonth)
    {
        // Behaviours taken off the configured list still count in the months they were recognised in.
        var rows = behaviours
            .Concat(thisMonth.ByBehaviour.Keys).Concat(lastMonth.ByBehaviour.Keys)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        static string Count(MonthlyCount month, string behaviour) =>
            (month.ByBehaviour.TryGetValue(behaviour, out var n) ? n : 0).ToString(CultureInfo.InvariantCulture);

        TextBlock Cell(string text, bool header = false) => new(text) { Weight = header ? "Bolder" : null, Spacing = "Small", Wrap = true };
        return new ColumnSet(
        [
            new Column([Cell("Behaviour", true), .. rows.Select(b => Cell(CardText.Markdown(b, 80))), Cell("Total", true)]) { Width = "stretch" },
            new Column([Cell(thisMonth.Month, true), .. rows.Select(b => Cell(Count(thisMonth, b))), Cell(thisMonth.Total.ToString(CultureInfo.InvariantCulture), true)])
            {
                Width = "auto",
            },
            new Column([Cell(lastMonth.Month, true), .. rows.Select(b => Cell(Count(lastMonth, b))), Cell(lastMonth.Total.ToString(CultureInfo.InvariantCulture), true)])
            {
                Width = "auto",
            },
        ]);
    }
}
