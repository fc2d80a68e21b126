using System.Text;

namespace FocusBot.Questions.Interchange;

/// <summary>
/// Writing one CSV value safely. A value a spreadsheet would run as a formula (it starts with = + - @, a tab or a
/// carriage return) gets a leading apostrophe, the OWASP-recommended guard against CSV injection; reading strips that
/// apostrophe again so an export imports back unchanged.
/// </summary>
internal static class CsvCell
{
    private const char Guard = '\'';

    public static string Write(string value, char delimiter)
    {
        if (value.Length > 0 && IsFormulaStart(value[0]))
            value = Guard + value;
        if (value.AsSpan().IndexOfAny([delimiter, '"', '\r', '\n']) < 0)
            return value;
        var quoted = new StringBuilder(value.Length + 8).Append('"');
        quoted.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return quoted.Append('"').ToString();
    }

    /// <summary>Undoes <see cref="Write"/>'s guard: a leading apostrophe followed by a formula character.</summary>
    public static string Unguard(string value) =>
        value.Length > 1 && value[0] == Guard && IsFormulaStart(value[1]) ? value[1..] : value;

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
