using SdkEntity = Azure.Data.Tables.TableEntity;

namespace FocusBot.Storage.AzureTables;

/// <summary>Between FocusBot's <see cref="TableRow"/> (typed properties, string ETag) and the SDK's dictionary entity.</summary>
internal static class TableRowConversion
{
    public static SdkEntity ToSdk(TableRow entity)
    {
        var sdk = new SdkEntity(entity.PartitionKey, entity.RowKey);
        foreach (var (name, value) in entity.Properties)
        {
            switch (value)
            {
                case null:
                    break;
                case string or bool or int or long or double or DateTimeOffset or Guid or byte[]:
                    sdk[name] = value;
                    break;
                default:
                    throw new NotSupportedException($"Property '{name}' has type {value.GetType().Name}, which has no Azure Tables mapping.");
            }
        }

        return sdk;
    }

    public static TableRow FromSdk(SdkEntity sdk)
    {
        var entity = new TableRow(sdk.PartitionKey, sdk.RowKey)
        {
            ETag = sdk.ETag == default ? null : sdk.ETag.ToString(),
            Timestamp = sdk.Timestamp,
        };
        foreach (var (name, value) in sdk)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains("@odata.", StringComparison.Ordinal))
            {
                continue;
            }

            entity[name] = value is BinaryData binary ? binary.ToArray() : value;
        }

        return entity;
    }
}
