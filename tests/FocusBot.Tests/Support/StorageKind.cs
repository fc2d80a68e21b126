using FocusBot.TestSupport;

namespace FocusBot.Tests.Support;

/// <summary>The two storage backends every flow runs on.</summary>
public enum StorageKind
{
    Sqlite,
    Azurite,
}

public static class StorageSettings
{
    public static IDictionary<string, string?> For(StorageKind kind, AzuriteFixture? azurite) => kind switch
    {
        StorageKind.Azurite => new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:ConnectionString"] = (azurite ?? throw new ArgumentNullException(nameof(azurite))).ConnectionString,
            ["Storage:AzureTables:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
        },
        _ => new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" },
    };
}
