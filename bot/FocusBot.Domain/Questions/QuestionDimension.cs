namespace FocusBot.Domain.Questions;

/// <summary>What a question measures: customer Knowledge, Behaviour, Attitude, or the free-text Voice.</summary>
public enum QuestionDimension
{
    Knowledge,
    Behaviour,
    Attitude,
    Voice,
}
