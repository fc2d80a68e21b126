using System.Buffers;
using System.Text;
using System.Text.Json;

namespace FocusBot.Storage.Serialization;

/// <summary>
/// Stores a list of strings in one column or property as a JSON array: both backends keep lists (question ids, tags,
/// team ids) inside the row that owns them, and JSON survives any character a list item may contain.
/// </summary>
internal static class StringListJson
{
    public static string Encode(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return "[]";
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<string> Decode(string? json)
    {
        if (string.IsNullOrEmpty(json) || json == "[]")
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        var values = new List<string>(document.RootElement.GetArrayLength());
        foreach (var item in document.RootElement.EnumerateArray())
        {
            values.Add(item.GetString() ?? string.Empty);
        }

        return values;
    }
}
