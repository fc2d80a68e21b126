using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Entity JSON in the Table service's OData form: types JSON cannot tell apart (Int64, DateTime, Guid, Binary, and
/// Double to keep 1.0 a double) carry a "Name@odata.type" annotation beside the value.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static byte[] Serialize(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity.Properties)
        {
            switch (value)
            {
                case null:
                    break;
                case string text:
                    writer.WriteString(name, text);
                    break;
                case bool flag:
                    writer.WriteBoolean(name, flag);
                    break;
                case int number:
                    writer.WriteNumber(name, number);
                    break;
                case long number:
                    writer.WriteString(name + TypeSuffix, "Edm.Int64");
                    writer.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
                    break;
                case double number:
                    writer.WriteString(name + TypeSuffix, "Edm.Double");
                    writer.WriteNumber(name, number);
                    break;
                case DateTimeOffset time:
                    writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                    writer.WriteString(name, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                    break;
                case Guid guid:
                    writer.WriteString(name + TypeSuffix, "Edm.Guid");
                    writer.WriteString(name, guid);
                    break;
                case byte[] bytes:
                    writer.WriteString(name + TypeSuffix, "Edm.Binary");
                    writer.WriteBase64String(name, bytes);
                    break;
                default:
                    throw new NotSupportedException($"Property '{name}' has type {value.GetType().Name}, which has no Azure Tables mapping.");
            }
        }

        writer.WriteEndObject();
    }

    public static TableEntity Read(JsonElement element)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        string? partitionKey = null;
        string? rowKey = null;
        string? etag = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                types[property.Name[..^TypeSuffix.Length]] = property.Value.GetString() ?? string.Empty;
            }
            else if (property.Name == "PartitionKey")
            {
                partitionKey = property.Value.GetString();
            }
            else if (property.Name == "RowKey")
            {
                rowKey = property.Value.GetString();
            }
            else if (property.Name == "odata.etag")
            {
                etag = property.Value.GetString();
            }
        }

        var entity = new TableEntity(partitionKey ?? string.Empty, rowKey ?? string.Empty) { ETag = etag };
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" || name.StartsWith("odata.", StringComparison.Ordinal) || name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            if (name == "Timestamp")
            {
                // Azurite leaves out the Edm.DateTime annotation on the system Timestamp.
                entity.Timestamp = (DateTimeOffset?)ReadValue(property.Value, "Edm.DateTime");
                continue;
            }

            var value = ReadValue(property.Value, types.GetValueOrDefault(name));
            entity[name] = value;
        }

        return entity;
    }

    private static object? ReadValue(JsonElement value, string? type) => type switch
    {
        "Edm.Int64" => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        "Edm.DateTime" => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        "Edm.Guid" => Guid.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        "Edm.Binary" => value.GetBytesFromBase64(),
        "Edm.Double" => value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDouble(),
        "Edm.Int32" => value.GetInt32(),
        "Edm.Boolean" => value.GetBoolean(),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.Number => value.GetDouble(),
            _ => null,
        },
    };
}
