using System.Globalization;
using System.Text;
using FocusBot.Domain.Questions;

namespace FocusBot.Questions.Interchange;

/// <summary>
/// The bank as CSV: a header row naming the columns (id, text, dimension, level, kind, options, correctOption,
/// explanation, tags, active; options and tags separated by |), one question per record.
/// </summary>
public static class QuestionCsvFormat
{
    public const char Delimiter = ',';

    public static IReadOnlyList<QuestionFields> Read(string text, List<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        text = text.TrimStart('\uFEFF');
        var records = CsvRecordReader.Read(text, CsvRecordReader.DetectDelimiter(text), problems)
            .Where(r => !r.IsBlank)
            .ToList();
        if (records.Count == 0)
            return [];

        var header = records[0];
        var columns = ReadHeader(header, problems);
        if (columns is null)
            return [];

        var rows = new List<QuestionFields>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            var location = new SourceLocation(record.Line);
            if (record.Fields.Count > columns.Count && record.Fields.Skip(columns.Count).Any(f => !string.IsNullOrWhiteSpace(f)))
            {
                problems.Add(new ImportProblem(location,
                    $"{record.Fields.Count} values but the header has {columns.Count} columns (put a value that contains a comma in double quotes)"));
                continue;
            }

            var fields = new QuestionFields(location);
            for (var i = 0; i < columns.Count && i < record.Fields.Count; i++)
                Assign(fields, columns[i], CsvCell.Unguard(record.Fields[i].Trim()));
            rows.Add(fields);
        }

        return rows;
    }

    private static List<string>? ReadHeader(CsvRecord header, List<ImportProblem> problems)
    {
        var location = new SourceLocation(header.Line);
        var columns = new List<string>();
        var valid = true;
        foreach (var written in header.Fields.Select(f => f.Trim().TrimStart('\uFEFF')))
        {
            var name = QuestionColumns.Match(written, QuestionColumns.Csv);
            if (name is null)
            {
                problems.Add(new ImportProblem(location, written.Length == 0
                    ? "the header row has an empty column name"
                    : $"unknown column '{QuestionValidator.Quote(written)}' (expected {QuestionColumns.Describe(QuestionColumns.Csv)})"));
                valid = false;
            }
            else if (columns.Contains(name))
            {
                problems.Add(new ImportProblem(location, $"column '{name}' appears twice in the header row"));
                valid = false;
            }

            columns.Add(name ?? string.Empty);
        }

        var missing = QuestionColumns.RequiredInCsv.Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ImportProblem(location,
                $"the header row lacks {string.Join(", ", missing)} (the first line names the columns: {QuestionColumns.Describe(QuestionColumns.Csv)})"));
            valid = false;
        }

        return valid ? columns : null;
    }

    private static void Assign(QuestionFields fields, string column, string value)
    {
        switch (column)
        {
            case QuestionColumns.Options: fields.Options = SplitList(value); break;
            case QuestionColumns.Tags: fields.Tags = SplitList(value); break;
            default: fields.SetText(column, value.Length > 0 ? value : null); break;
        }
    }

    private static List<string> SplitList(string value) =>
        [.. value.Split(QuestionValidator.ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    public static string Write(IEnumerable<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var csv = new StringBuilder();
        WriteRecord(csv, QuestionColumns.Csv);
        foreach (var question in questions)
        {
            WriteRecord(csv,
            [
                question.Id,
                question.Text,
                question.Dimension.ToString(),
                question.Level.ToString(CultureInfo.InvariantCulture),
                question.Kind.ToString(),
                string.Join(QuestionValidator.ListSeparator, question.Options),
                question.CorrectOption?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                question.Explanation ?? string.Empty,
                string.Join(QuestionValidator.ListSeparator, question.Tags),
                question.Active ? "true" : "false",
            ]);
        }

        return csv.ToString();
    }

    private static void WriteRecord(StringBuilder csv, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
                csv.Append(Delimiter);
            csv.Append(CsvCell.Write(values[i], Delimiter));
        }

        // RFC 4180 ends records with CRLF.
        csv.Append("\r\n");
    }
}
