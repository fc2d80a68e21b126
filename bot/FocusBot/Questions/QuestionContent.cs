using FocusBot.Domain.Questions;

namespace FocusBot.Questions;

/// <summary>
/// Compares what people see and how answers are scored. Record equality cannot: the lists compare by reference.
/// </summary>
public static class QuestionContent
{
    public static bool Same(Question left, Question right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return left.Id == right.Id
            && left.Text == right.Text
            && left.Dimension == right.Dimension
            && left.Level == right.Level
            && left.Kind == right.Kind
            && left.Options.SequenceEqual(right.Options)
            && left.CorrectOption == right.CorrectOption
            && left.Explanation == right.Explanation
            && left.Tags.SequenceEqual(right.Tags)
            && left.Active == right.Active
            && left.InsightId == right.InsightId;
    }
}
