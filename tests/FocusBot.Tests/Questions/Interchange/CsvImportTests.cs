using FocusBot.Domain.Questions;
using FocusBot.Questions.Interchange;

namespace FocusBot.Tests.Questions.Interchange;

public sealed class CsvImportTests
{
    private static QuestionBankReadResult Read(string csv) => QuestionBankReader.Read(csv, QuestionFileFormat.Csv, Samples.Now);

    private static IReadOnlyList<string> Problems(string csv) => [.. Read(csv).Problems.Select(p => p.ToString())];

    [Fact]
    public void Read_ValidRows_GivesQuestionsWithTypedValues()
    {
        var result = Read(Samples.Csv(Samples.QuizRow, Samples.AgreementRow));

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var quiz = result.Questions.Single(q => q.Id == "k-quiz");
        Assert.Equal(QuestionKind.Quiz, quiz.Kind);
        Assert.Equal(["Us", "The customer", "The auditor"], quiz.Options);
        Assert.Equal(1, quiz.CorrectOption);
        Assert.Equal(["quality"], quiz.Tags);
        var agreement = result.Questions.Single(q => q.Id == "a-agree");
        Assert.Empty(agreement.Options);
        Assert.Null(agreement.CorrectOption);
    }

    [Fact]
    public void Read_QuizWithOneOption_NamesTheLine()
    {
        var problems = Problems(Samples.Csv(Samples.AgreementRow, "k-bad,Who?,Knowledge,1,Quiz,Only one,0,Because.,,true"));

        Assert.Equal(["line 3: quiz question needs 2-6 options (it has 1)"], problems);
    }

    [Fact]
    public void Read_MisspeltDimension_SaysWhatWasExpected()
    {
        var problems = Problems(Samples.Csv(Samples.AgreementRow, "k-typo,Who?,Knowlege,1,Quiz,A|B,0,Because.,,true"));

        Assert.Equal(["line 3: unknown dimension 'Knowlege' (expected Knowledge, Behaviour, Attitude or Voice)"], problems);
    }

    [Fact]
    public void Read_ManyProblems_ReportsEveryOneWithItsLine()
    {
        var tooLong = new string('x', 301);
        var csv = Samples.Csv(
            Samples.QuizRow,
            "k-quiz,Same id again,Knowledge,1,Quiz,A|B,0,Because.,,true",
            $"a-long,{tooLong},Attitude,1,Agreement,,,,,true",
            "a-level,Fine text,Attitude,4,Agreement,,,,,true",
            "k-range,Which?,Knowledge,2,Quiz,A|B|C,3,Because.,,true",
            "b-opts,How often?,Behaviour,1,Frequency,Never|Always,,,,true",
            "a-kind,Agree?,Attitude,1,Agrement,,,,,maybe");

        var problems = Problems(csv);

        Assert.Equal(
        [
            "line 3: id 'k-quiz' is already used on line 2",
            "line 4: text is 301 characters long; the limit is 300",
            "line 5: level must be 1, 2 or 3, not '4'",
            "line 6: correctOption 3 is out of range: its 3 options are numbered 0 to 2",
            "line 7: only Quiz questions have options; a Frequency question uses the scale Never, Once, 2-3 times, 4+ times",
            "line 8: unknown kind 'Agrement' (expected Agreement, Frequency, Quiz, Advocacy or FreeText)",
            "line 8: active must be true or false, not 'maybe'",
        ], problems);
    }

    [Fact]
    public void Read_QuotedValueSpanningLines_KeepsLaterLineNumbersRight()
    {
        var csv = Samples.Csv(
            "k-multi,\"Who decides,\nreally?\",Knowledge,1,Quiz,A|B,0,Because.,,true",
            "k-next,Who?,Knowledge,1,Quiz,A,0,Because.,,true");

        var problems = Problems(csv);

        // The quoted text spans lines 2-3, so the next record starts on line 4.
        Assert.Equal(
        [
            "line 2: text contains a line break or other control character; keep it on one line",
            "line 4: quiz question needs 2-6 options (it has 1)",
        ], problems);
    }

    [Fact]
    public void Read_Rfc4180Quoting_ReadsCommasAndDoubledQuotes()
    {
        var csv = Samples.Csv("a-quoted,\"We say \"\"yes\"\", then deliver, on time.\",Attitude,2,Agreement,,,,,true");

        var question = Assert.Single(Read(csv).Questions);

        Assert.Equal("We say \"yes\", then deliver, on time.", question.Text);
    }

    [Fact]
    public void Read_UnquotedComma_SaysTheColumnsDoNotLineUp()
    {
        var problems = Problems(Samples.Csv("a-comma,We listen, then act.,Attitude,2,Agreement,,,,,true"));

        Assert.Equal(["line 2: 11 values but the header has 10 columns (put a value that contains a comma in double quotes)"], problems);
    }

    [Fact]
    public void Read_UnclosedQuote_NamesTheLineItOpened()
    {
        var problems = Problems(Samples.Csv(Samples.AgreementRow, "a-open,\"Never closed,Attitude,2,Agreement,,,,,true"));

        Assert.Contains("line 3: a value opened with \" is never closed (a closing \" is missing)", problems);
    }

    [Fact]
    public void Read_SemicolonsAndCrLfFromASpreadsheet_AreUnderstood()
    {
        var csv = "\uFEFFid;text;dimension;level;kind;options;correctOption;explanation;tags;active\r\n" +
            "k-semi;Who decides, in the end?;Knowledge;1;Quiz;Us|The customer;1;Customers do.;;TRUE\r\n";

        var question = Assert.Single(Read(csv).Questions);

        Assert.Equal("Who decides, in the end?", question.Text);
        Assert.Equal(1, question.CorrectOption);
    }

    [Fact]
    public void Read_TabSeparatedCellsPastedFromExcel_AreUnderstood()
    {
        var csv = "id\ttext\tdimension\tlevel\tkind\n" + "a-tab\tI see my impact on customers.\tAttitude\t1\tAgreement\n";

        var question = Assert.Single(Read(csv).Questions);

        Assert.Equal(QuestionKind.Agreement, question.Kind);
        Assert.True(question.Active);
    }

    [Fact]
    public void Read_UnknownAndMissingColumns_AreReportedOnTheHeaderLine()
    {
        var problems = Problems("id,txt,dimension,level\na-x,Hello,Attitude,1\n");

        Assert.Equal(
        [
            "line 1: unknown column 'txt' (expected id, text, dimension, level, kind, options, correctOption, explanation, tags, active)",
            "line 1: the header row lacks text, kind (the first line names the columns: id, text, dimension, level, kind, options, correctOption, explanation, tags, active)",
        ], problems);
    }

    [Fact]
    public void Read_HeaderOnly_SaysNoQuestionsWereFound()
    {
        Assert.Equal(["line 1: no questions found: after the header row, each line is one question"], Problems(Samples.CsvHeader + "\n"));
    }

    [Fact]
    public void Read_DimensionThatCannotBeScoredWithTheKind_IsRefused()
    {
        var problems = Problems(Samples.Csv("k-agree,I know our customers.,Knowledge,1,Agreement,,,,,true"));

        Assert.Equal(["line 2: a Knowledge question must be a Quiz, not Agreement (its score is the share of correct answers)"], problems);
    }

    [Fact]
    public void Read_AllInactive_IsRefusedBecauseNoPulseCouldBeSent()
    {
        var problems = Problems(Samples.Csv("a-off,Off.,Attitude,1,Agreement,,,,,false"));

        Assert.Equal(["line 2: every question is inactive; at least one must be active for the weekly pulse"], problems);
    }

    [Fact]
    public void Read_IdDifferingOnlyInCaseFromTheBank_IsRefused()
    {
        var result = QuestionBankReader.Read(Samples.Csv("A-AGREE,I understand.,Attitude,1,Agreement,,,,,true"), QuestionFileFormat.Csv, Samples.Now,
            ["a-agree"]);

        Assert.Equal(["line 2: id 'A-AGREE' differs only in letter case from the existing question 'a-agree'; write it as 'a-agree'"],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Read_GuardApostropheFromAnExport_IsRemoved()
    {
        var question = Assert.Single(Read(Samples.Csv("a-guard,'=We side with the customer.,Attitude,1,Agreement,,,,,true")).Questions);

        Assert.Equal("=We side with the customer.", question.Text);
    }
}
