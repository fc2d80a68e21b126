namespace FocusBot.Storage.AzureTables;

/// <summary>
/// The parts of a storage account connection string the Table client needs. Handles the account form, an explicit
/// TableEndpoint (Azurite's path-style http://127.0.0.1:10002/devstoreaccount1) and UseDevelopmentStorage=true.
/// </summary>
internal sealed record TableConnectionString(Uri TableEndpoint, string AccountName, byte[] AccountKey)
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Azurite's published, well-known development key; it opens nothing but a local emulator.
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static TableConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException("The Azure Tables connection string is not a list of Name=Value pairs.");
            }

            parts[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var useDevelopment) && useDevelopment)
        {
            return new TableConnectionString(
                new Uri("http://127.0.0.1:10002/" + DevelopmentAccountName),
                DevelopmentAccountName,
                Convert.FromBase64String(DevelopmentAccountKey));
        }

        if (parts.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("SAS connection strings are not supported; use an account key or Storage:AzureTables:Endpoint with a managed identity.");
        }

        if (!parts.TryGetValue("AccountName", out var account) || !parts.TryGetValue("AccountKey", out var key))
        {
            throw new FormatException("The Azure Tables connection string needs AccountName and AccountKey.");
        }

        byte[] keyBytes;
        try
        {
            keyBytes = Convert.FromBase64String(key);
        }
        catch (FormatException exception)
        {
            throw new FormatException("The AccountKey of the Azure Tables connection string is not Base64.", exception);
        }

        Uri endpoint;
        if (parts.TryGetValue("TableEndpoint", out var explicitEndpoint))
        {
            endpoint = new Uri(explicitEndpoint.TrimEnd('/'));
        }
        else
        {
            var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
            var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
            endpoint = new Uri($"{protocol}://{account}.table.{suffix}");
        }

        return new TableConnectionString(endpoint, account, keyBytes);
    }
}
