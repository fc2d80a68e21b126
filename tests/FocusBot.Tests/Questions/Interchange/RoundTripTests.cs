using FocusBot.Domain.Questions;
using FocusBot.Questions;
using FocusBot.Questions.Interchange;

namespace FocusBot.Tests.Questions.Interchange;

public sealed class RoundTripTests
{
    public static TheoryData<QuestionFileFormat> Formats => [QuestionFileFormat.Json, QuestionFileFormat.Csv];

    private static string Write(QuestionFileFormat format, IEnumerable<Question> bank) =>
        format == QuestionFileFormat.Json ? QuestionJsonFormat.Write(bank) : QuestionCsvFormat.Write(bank);

    [Theory]
    [MemberData(nameof(Formats))]
    public void ExportThenImport_OneOfEachKind_GivesTheSameBank(QuestionFileFormat format)
    {
        var bank = Samples.OneOfEach();
        if (format == QuestionFileFormat.Csv)
            bank = [.. bank.Select(q => q with { InsightId = null })]; // CSV has no insightId column: the importer keeps the stored one

        var result = QuestionBankReader.Read(Write(format, bank), format, Samples.Now);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Samples.AssertSameBank(bank, result.Questions);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void ExportThenImport_DefaultBank_GivesTheSameBank(QuestionFileFormat format)
    {
        var bank = DefaultQuestionBank.Load(Samples.Now);

        var result = QuestionBankReader.Read(Write(format, bank), format, Samples.Now);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Samples.AssertSameBank(bank, result.Questions);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void ExportThenImport_AwkwardText_SurvivesUnchanged(QuestionFileFormat format)
    {
        Question[] bank =
        [
            Quiz("k-formula", "=HYPERLINK(\"http://evil.example\",\"click\")", ["+1 call us", "-5%", "@team", "plain"], "=SUM(A1:A9) is not an answer"),
            Quiz("k-quotes", "\"Quoted\", with commas, and a 'single' quote; semicolons too", ["Über-Kunden 😀", "naïve café"], "Tab\u00ADsoft hyphen"),
        ];

        var result = QuestionBankReader.Read(Write(format, bank), format, Samples.Now);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Samples.AssertSameBank(bank, result.Questions);
    }

    [Fact]
    public void WriteCsv_CellsAFormulaWouldRun_StartWithAnApostrophe()
    {
        Question[] bank =
        [
            Quiz("k-formula", "=1+1", ["+44 20 7946 0000", "@mention", "-minus", "\tTabbed"], "Plain explanation"),
        ];

        var csv = QuestionCsvFormat.Write(bank);
        var record = csv.Split("\r\n")[1];

        Assert.StartsWith("k-formula,'=1+1,Knowledge,", record, StringComparison.Ordinal);
        // Options share one cell; only its first character reaches a spreadsheet's formula parser.
        Assert.Contains(",'+44 20 7946 0000|@mention|-minus|\tTabbed,", record, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", record, StringComparison.Ordinal);
        Assert.DoesNotContain(",+", record, StringComparison.Ordinal);
        Assert.DoesNotContain(",@", record, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteCsv_ValueStartingWithCarriageReturnOrTab_IsGuardedAndQuoted()
    {
        Assert.Equal("\"'\rx\"", CsvCellProbe.Write("\rx"));
        Assert.Equal("'\tx", CsvCellProbe.Write("\tx"));
        Assert.Equal("plain", CsvCellProbe.Write("plain"));
    }

    [Fact]
    public void WriteJson_UsesCamelCaseNamesAndEnumNames()
    {
        var json = QuestionJsonFormat.Write([Samples.OneOfEach()[0]]);

        Assert.Contains("\"correctOption\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"dimension\": \"Knowledge\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"Quiz\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("createdAt", json, StringComparison.OrdinalIgnoreCase);
    }

    private static Question Quiz(string id, string text, string[] options, string explanation) => new()
    {
        Id = id,
        Text = text,
        Dimension = QuestionDimension.Knowledge,
        Level = 2,
        Kind = QuestionKind.Quiz,
        Options = options,
        CorrectOption = options.Length - 1,
        Explanation = explanation,
        Tags = ["edge-cases"],
        CreatedAt = Samples.Now,
    };

    /// <summary>One cell as the CSV export writes it: a one-question bank's first cell.</summary>
    private static class CsvCellProbe
    {
        public static string Write(string id)
        {
            var csv = QuestionCsvFormat.Write([Samples.OneOfEach()[1] with { Id = id }]);
            var record = csv[(csv.IndexOf("\r\n", StringComparison.Ordinal) + 2)..];
            return record[..record.IndexOf(",\"In the past", StringComparison.Ordinal)];
        }
    }
}
