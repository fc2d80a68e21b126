using System.Globalization;
using FocusBot.Domain.Questions;

namespace FocusBot.Domain.Trends;

/// <summary>
/// What one answer adds to the aggregates of its question and of its index: the buckets and how much each gets. The
/// index a question feeds follows its kind (Quiz → Knowledge, Frequency → Behaviour, Agreement → Attitude, Advocacy,
/// FreeText → Voice), because the kind decides how it can be scored.
/// </summary>
public sealed record AnswerScore(string Measure, IReadOnlyList<KeyValuePair<string, long>> Buckets, string? Text)
{
    /// <summary>The score of <paramref name="value"/>, or null when the value is not a valid answer to the question.</summary>
    public static AnswerScore? Of(Question question, string value)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(value);
        if (question.Kind == QuestionKind.FreeText)
        {
            var text = value.Trim();
            return text.Length == 0 ? null : new AnswerScore(TrendMeasure.Voice, [Bucket(TrendBuckets.N, 1)], text);
        }

        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return null;
        return question.Kind switch
        {
            QuestionKind.Quiz when question.Options.Count == 0 || number < question.Options.Count =>
                new(TrendMeasure.Knowledge, [Bucket(TrendBuckets.N, 1), Bucket(TrendBuckets.Correct, question.IsRightAnswer(value) ? 1 : 0)], null),
            QuestionKind.Frequency when number <= 3 =>
                new(TrendMeasure.Behaviour, [Bucket(TrendBuckets.N, 1), Bucket(TrendBuckets.AtLeastTwice, number >= 2 ? 1 : 0), Bucket(TrendBuckets.Sum, number)], null),
            QuestionKind.Agreement when number is >= 1 and <= 5 =>
                new(TrendMeasure.Attitude,
                    [Bucket(TrendBuckets.N, 1), Bucket(TrendBuckets.Favourable, number >= 4 ? 1 : 0), Bucket(TrendBuckets.Unfavourable, number <= 2 ? 1 : 0), Bucket(TrendBuckets.Sum, number)],
                    null),
            QuestionKind.Advocacy when number <= 10 =>
                new(TrendMeasure.Advocacy,
                    [Bucket(TrendBuckets.N, 1), Bucket(TrendBuckets.Promoter, number >= 9 ? 1 : 0), Bucket(TrendBuckets.Detractor, number <= 6 ? 1 : 0), Bucket(TrendBuckets.Sum, number)],
                    null),
            _ => null,
        };
    }

    private static KeyValuePair<string, long> Bucket(string name, long value) => new(name, value);
}
