namespace FocusBot.Questions.Interchange;

/// <summary>The two formats HR exchanges the question bank in.</summary>
public enum QuestionFileFormat
{
    Json,
    Csv,
}
