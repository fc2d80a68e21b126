namespace FocusBot.Domain.Trends;

/// <summary>Computes a shown figure's numbers from its cells, and the counts its change test uses.</summary>
internal static class FigureMath
{
    public static PublishedFigure Shown(SliceCells cells, TrendPeriod period, string measure)
    {
        var key = period.Key;
        var index = TrendMeasure.IsQuestion(measure) ? TrendMeasure.QuestionParts(measure).Index : measure;
        var n = cells.Get(key, measure, TrendBuckets.N);
        var respondents = cells.Respondents(key, measure);
        var figure = new PublishedFigure(period, measure, FigureStatus.Shown) { N = respondents };
        double Percent(string bucket) => n == 0 ? 0 : 100.0 * cells.Get(key, measure, bucket) / n;
        double Mean() => n == 0 ? 0 : (double)cells.Get(key, measure, TrendBuckets.Sum) / n;
        return index switch
        {
            TrendMeasure.Participation => figure with
            {
                N = cells.Get(key, measure, TrendBuckets.Delivered),
                Answered = respondents,
                Value = Math.Min(100, 100.0 * respondents / Math.Max(1, cells.Get(key, measure, TrendBuckets.Delivered))),
            },
            TrendMeasure.Knowledge => figure with { Value = Percent(TrendBuckets.Correct) },
            TrendMeasure.Behaviour => figure with { Value = Percent(TrendBuckets.AtLeastTwice), Mean = Mean() },
            TrendMeasure.Attitude => figure with { Value = Percent(TrendBuckets.Favourable), Secondary = Percent(TrendBuckets.Unfavourable), Mean = Mean() },
            TrendMeasure.Advocacy => figure with
            {
                Value = Percent(TrendBuckets.Promoter) - Percent(TrendBuckets.Detractor),
                Secondary = Percent(TrendBuckets.Promoter),
                Mean = Mean(),
            },
            _ => figure,
        };
    }

    /// <summary>
    /// The (successes, trials) a change test compares. An index pools several answers per person, which are not
    /// independent, so its test counts each respondent once: trials = respondents, successes = the share × respondents
    /// (rounded). That is conservative: several items per person cannot make a change look significant.
    /// </summary>
    public static (long Successes, long Trials)? TestCounts(PublishedFigure figure)
    {
        if (!figure.IsShown || figure.Value is not { } value || figure.N is not { } n || n <= 0)
            return null;
        var index = TrendMeasure.IsQuestion(figure.Measure) ? TrendMeasure.QuestionParts(figure.Measure).Index : figure.Measure;
        return index switch
        {
            TrendMeasure.Participation when figure.Answered is { } answered => (Math.Min(answered, n), n),
            TrendMeasure.Knowledge or TrendMeasure.Behaviour or TrendMeasure.Attitude => ((long)Math.Round(value / 100 * n, MidpointRounding.AwayFromZero), n),
            _ => null,
        };
    }
}
