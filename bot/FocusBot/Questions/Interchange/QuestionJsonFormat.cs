using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FocusBot.Domain.Questions;

namespace FocusBot.Questions.Interchange;

/// <summary>
/// The bank as JSON: an array of question objects with camelCase names and enum names as text. Read with a streaming
/// reader so every problem can name the line of the field it is about.
/// </summary>
public static class QuestionJsonFormat
{
    private static readonly JsonReaderOptions s_readerOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // The export is read by people in a Teams message, not embedded in HTML: keep accents and apostrophes legible.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<QuestionFields> Read(string text, List<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var lines = new LineIndex(utf8);
        var rows = new List<QuestionFields>();
        var reader = new Utf8JsonReader(utf8, s_readerOptions);
        try
        {
            if (!reader.Read())
            {
                problems.Add(new ImportProblem(new SourceLocation(1), "the JSON is empty"));
                return rows;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                problems.Add(new ImportProblem(new SourceLocation(lines.LineOf(reader.TokenStartIndex)),
                    "the JSON must be a list of questions: [ { \"id\": ..., \"text\": ... }, ... ]"));
                return rows;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var location = new SourceLocation(lines.LineOf(reader.TokenStartIndex), rows.Count + 1);
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    rows.Add(ReadQuestion(ref reader, location, lines, problems));
                }
                else
                {
                    problems.Add(new ImportProblem(location, "each question must be an object in { }"));
                    reader.Skip();
                    rows.Add(new QuestionFields(location));
                }
            }

            // Anything after the closing ] makes the reader throw, which names its line below.
            while (reader.Read())
            {
            }
        }
        catch (JsonException exception)
        {
            problems.Add(new ImportProblem(new SourceLocation((int)(exception.LineNumber ?? 0) + 1), SyntaxMessage(exception, text)));
        }

        return rows;
    }

    private static QuestionFields ReadQuestion(ref Utf8JsonReader reader, SourceLocation location, LineIndex lines, List<ImportProblem> problems)
    {
        var fields = new QuestionFields(location);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var at = location with { Line = lines.LineOf(reader.TokenStartIndex) };
            var written = reader.GetString()!;
            reader.Read();
            var name = QuestionColumns.Match(written, QuestionColumns.Json);
            if (name is null)
            {
                problems.Add(new ImportProblem(at, $"unknown field '{QuestionValidator.Quote(written)}' (expected {QuestionColumns.Describe(QuestionColumns.Json)})"));
                reader.Skip();
                continue;
            }

            if (!seen.Add(name))
                problems.Add(new ImportProblem(at, $"field '{name}' appears twice"));
            fields.Locate(name, at);
            ReadField(ref reader, fields, name, at, problems);
        }

        return fields;
    }

    private static void ReadField(ref Utf8JsonReader reader, QuestionFields fields, string name, SourceLocation at, List<ImportProblem> problems)
    {
        switch (name)
        {
            case QuestionColumns.Options:
                fields.Options = ReadList(ref reader, name, at, problems);
                break;
            case QuestionColumns.Tags:
                fields.Tags = ReadList(ref reader, name, at, problems);
                break;
            case QuestionColumns.Level or QuestionColumns.CorrectOption:
                fields.SetText(name, ReadScalar(ref reader, name, at, problems, "a number", JsonTokenType.Number, JsonTokenType.String));
                break;
            case QuestionColumns.Active:
                fields.SetText(name, ReadScalar(ref reader, name, at, problems, "true or false", JsonTokenType.True, JsonTokenType.False, JsonTokenType.String));
                break;
            default:
                fields.SetText(name, ReadScalar(ref reader, name, at, problems, "text in double quotes", JsonTokenType.String));
                break;
        }
    }

    private static string? ReadScalar(ref Utf8JsonReader reader, string name, SourceLocation at, List<ImportProblem> problems, string expected,
        params ReadOnlySpan<JsonTokenType> allowed)
    {
        var type = reader.TokenType;
        if (type == JsonTokenType.Null)
            return null;
        if (allowed.Contains(type))
        {
            return type switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => Encoding.UTF8.GetString(reader.ValueSpan),
            };
        }

        problems.Add(new ImportProblem(at, $"{name} must be {expected}"));
        reader.Skip();
        return null;
    }

    private static List<string>? ReadList(ref Utf8JsonReader reader, string name, SourceLocation at, List<ImportProblem> problems)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            problems.Add(new ImportProblem(at, $"{name} must be a list of text, like [\"first\", \"second\"]"));
            reader.Skip();
            return null;
        }

        var values = new List<string>();
        var reported = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                values.Add(reader.GetString()!);
                continue;
            }

            if (!reported)
                problems.Add(new ImportProblem(at, $"{name} must be a list of text, like [\"first\", \"second\"]"));
            reported = true;
            reader.Skip();
        }

        return values;
    }

    private static string SyntaxMessage(JsonException exception, string text)
    {
        // The reader's own message ends with "LineNumber: n | BytePositionInLine: m."; the line is already in front.
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var detail = (cut > 0 ? message[..cut] : message).TrimEnd('.');
        var hint = text.AsSpan().IndexOfAny('\u201C', '\u201D') >= 0
            ? " (the text has curly quotes “ ”: JSON needs straight quotes; attach the file instead of pasting, or paste it as a code block)"
            : string.Empty;
        return $"not valid JSON: {detail}{hint}";
    }

    public static string Write(IEnumerable<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartArray();
            foreach (var question in questions)
                WriteQuestion(writer, question);
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteQuestion(Utf8JsonWriter writer, Question question)
    {
        writer.WriteStartObject();
        writer.WriteString(QuestionColumns.Id, question.Id);
        writer.WriteString(QuestionColumns.Text, question.Text);
        writer.WriteString(QuestionColumns.Dimension, question.Dimension.ToString());
        writer.WriteNumber(QuestionColumns.Level, question.Level);
        writer.WriteString(QuestionColumns.Kind, question.Kind.ToString());
        if (question.Options.Count > 0)
            WriteList(writer, QuestionColumns.Options, question.Options);
        if (question.CorrectOption is { } correct)
            writer.WriteNumber(QuestionColumns.CorrectOption, correct);
        if (question.Explanation is { } explanation)
            writer.WriteString(QuestionColumns.Explanation, explanation);
        WriteList(writer, QuestionColumns.Tags, question.Tags);
        writer.WriteBoolean(QuestionColumns.Active, question.Active);
        if (question.InsightId is { } insightId)
            writer.WriteString(QuestionColumns.InsightId, insightId);
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
