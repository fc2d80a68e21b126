using FocusBot.Domain.Questions;
using FocusBot.Questions.Interchange;

namespace FocusBot.Tests.Questions.Interchange;

public sealed class JsonImportTests
{
    private static QuestionBankReadResult Read(string json) => QuestionBankReader.Read(json, QuestionFileFormat.Json, Samples.Now);

    private static IReadOnlyList<string> Problems(string json) => [.. Read(json).Problems.Select(p => p.ToString())];

    [Fact]
    public void Read_ValidArray_GivesQuestions()
    {
        const string json = """
            [
              { "id": "k-quiz", "text": "Who decides?", "dimension": "Knowledge", "level": 1, "kind": "Quiz",
                "options": ["Us", "The customer"], "correctOption": 1, "explanation": "Customers do.", "tags": ["quality"] },
              { "id": "v-one", "text": "One thing?", "dimension": "voice", "level": "1", "kind": "Free text", "active": true }
            ]
            """;

        var result = Read(json);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(["k-quiz", "v-one"], result.Questions.Select(q => q.Id));
        Assert.Equal(QuestionKind.FreeText, result.Questions[1].Kind);
        Assert.Equal(QuestionDimension.Voice, result.Questions[1].Dimension);
    }

    [Fact]
    public void Read_ProblemsInSeveralQuestions_NameTheArrayPositionAndTheFieldsLine()
    {
        const string json = """
            [
              {
                "id": "a-ok",
                "text": "Fine.",
                "dimension": "Attitude",
                "level": 1,
                "kind": "Agreement"
              },
              {
                "id": "k-typo",
                "text": "Who?",
                "dimension": "Knowlege",
                "level": 5,
                "kind": "Quiz",
                "options": ["A", "B"],
                "correctOption": 1,
                "explanation": "Because."
              }
            ]
            """;

        Assert.Equal(
        [
            "line 12 (question 2): unknown dimension 'Knowlege' (expected Knowledge, Behaviour, Attitude or Voice)",
            "line 13 (question 2): level must be 1, 2 or 3, not '5'",
        ], Problems(json));
    }

    [Fact]
    public void Read_MissingFieldsAndWrongTypes_AreEachReported()
    {
        const string json = """
            [
              { "text": "No id here.", "dimension": "Attitude", "level": 1, "kind": "Agreement" },
              { "id": "k-x", "text": "Which?", "dimension": "Knowledge", "level": 1, "kind": "Quiz",
                "options": "A|B", "correctOption": "first", "explanation": "Because.", "colour": "red" }
            ]
            """;

        Assert.Equal(
        [
            "line 2 (question 1): id is missing",
            "line 4 (question 2): options must be a list of text, like [\"first\", \"second\"]",
            "line 4 (question 2): unknown field 'colour' (expected id, text, dimension, level, kind, options, correctOption, explanation, tags, active, insightId)",
            "line 4 (question 2): quiz question needs 2-6 options (it has 0)",
            "line 4 (question 2): correctOption must be a whole number, not 'first'",
        ], Problems(json));
    }

    [Fact]
    public void Read_SyntaxError_NamesTheLine()
    {
        const string json = "[\n  { \"id\": \"a-x\",\n    \"text\" \"missing colon\" }\n]";

        var problem = Assert.Single(Problems(json));

        Assert.StartsWith("line 3: not valid JSON", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CurlyQuotesFromAChatClient_GetAHint()
    {
        var problem = Assert.Single(Problems("[{\u201Cid\u201D: \u201Ca-x\u201D}]"));

        Assert.Contains("curly quotes", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ObjectInsteadOfArray_SaysTheShapeExpected()
    {
        Assert.Equal(["line 1: the JSON must be a list of questions: [ { \"id\": ..., \"text\": ... }, ... ]"], Problems("{ \"questions\": [] }"));
    }

    [Fact]
    public void Read_EmptyArray_SaysNoQuestionsWereFound()
    {
        Assert.Equal(["line 1: no questions found: the list [ ] is empty"], Problems("[]"));
    }

    [Fact]
    public void Read_CommentsAndTrailingCommas_AreTolerated()
    {
        const string json = """
            [
              // the one open question
              { "id": "v-one", "text": "One thing?", "dimension": "Voice", "level": 1, "kind": "FreeText", },
            ]
            """;

        Assert.True(Read(json).IsValid);
    }

    [Fact]
    public void Detect_ArrayOrObject_IsJsonAndAnythingElseCsv()
    {
        Assert.Equal(QuestionFileFormat.Json, QuestionBankReader.Detect("\n  [ {} ]"));
        Assert.Equal(QuestionFileFormat.Csv, QuestionBankReader.Detect(Samples.CsvHeader));
    }
}
