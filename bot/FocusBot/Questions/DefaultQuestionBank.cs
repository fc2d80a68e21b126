using FocusBot.Domain.Questions;
using FocusBot.Questions.Interchange;

namespace FocusBot.Questions;

/// <summary>
/// The customer-focus questions a new installation starts with (DefaultQuestionBank.json, embedded). It is read with
/// the same reader as an HR import, so it obeys the same rules and HR can export, edit and re-import it.
/// </summary>
public static class DefaultQuestionBank
{
    public const string ResourceName = "FocusBot.Questions.DefaultQuestionBank.json";

    public static string ReadJson()
    {
        using var stream = typeof(DefaultQuestionBank).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<Question> Load(DateTimeOffset createdAt)
    {
        var result = QuestionBankReader.Read(ReadJson(), QuestionFileFormat.Json, createdAt);
        return result.IsValid
            ? result.Questions
            : throw new InvalidOperationException($"The default question bank is invalid: {string.Join("; ", result.Problems)}");
    }
}
