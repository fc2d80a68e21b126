using System.Text;

namespace FocusBot.Questions.Interchange;

/// <summary>
/// Splits CSV text into records the RFC 4180 way: values in double quotes may hold the delimiter, line breaks and
/// doubled quotes (""). Forgiving where spreadsheets and hand edits differ from the RFC: LF or CRLF line ends, spaces
/// before an opening quote, and a quote inside an unquoted value taken literally.
/// </summary>
internal static class CsvRecordReader
{
    public static IReadOnlyList<CsvRecord> Read(string text, char delimiter, List<ImportProblem> problems)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoteLine = 0;
        var inQuotes = false;
        var wasQuoted = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            wasQuoted = false;
        }

        void EndRecord()
        {
            EndField();
            records.Add(new CsvRecord(recordLine, [.. fields]));
            fields.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                        line++;
                    field.Append(c);
                }

                continue;
            }

            if (c == delimiter)
            {
                EndField();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                EndRecord();
                line++;
                recordLine = line;
            }
            else if (c == '"' && !wasQuoted && IsBlank(field))
            {
                // Spaces before the opening quote are padding, not part of the value.
                field.Clear();
                inQuotes = true;
                wasQuoted = true;
                quoteLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (inQuotes)
            problems.Add(new ImportProblem(new SourceLocation(quoteLine), "a value opened with \" is never closed (a closing \" is missing)"));
        if (fields.Count > 0 || field.Length > 0)
            EndRecord();
        return records;
    }

    /// <summary>The delimiter the header line uses most: commas, or semicolons (spreadsheets in many locales), or tabs (pasted cells).</summary>
    public static char DetectDelimiter(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
                inQuotes = !inQuotes;
            else if (!inQuotes && c is '\r' or '\n')
                break;
            else if (!inQuotes && c == ',')
                commas++;
            else if (!inQuotes && c == ';')
                semicolons++;
            else if (!inQuotes && c == '\t')
                tabs++;
        }

        if (tabs > commas && tabs >= semicolons)
            return '\t';
        return semicolons > commas ? ';' : ',';
    }

    private static bool IsBlank(StringBuilder field)
    {
        for (var i = 0; i < field.Length; i++)
        {
            if (!char.IsWhiteSpace(field[i]))
                return false;
        }

        return true;
    }
}
