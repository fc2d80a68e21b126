using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FocusBot.Ship.Tests.Infra;

internal sealed record SecretFinding(string File, int Line, string Rule);

/// <summary>
/// Looks through infrastructure files for anything that is, or would put, a credential in the repository: keys,
/// connection strings with keys, SAS tokens, private keys, Entra client secrets, password-like literals and Bicep
/// calls that read keys (listKeys) into settings. Placeholders (${{...}}, $(...), &lt;...&gt;) are not secrets.
/// </summary>
internal static partial class SecretScanner
{
    private static readonly (string Rule, Regex Pattern)[] Rules =
    [
        ("storage account key", StorageKey()),
        ("connection string with a key", ConnectionString()),
        ("SAS token", SasToken()),
        ("private key", PrivateKey()),
        ("Entra client secret", EntraClientSecret()),
        ("base64 key", Base64Key()),
        ("instrumentation key literal", InstrumentationKey()),
        ("reads keys with list*()", ListKeys()),
        ("password-like literal", PasswordLiteral()),
        ("password-like environment value", PasswordAssignment()),
    ];

    public static IReadOnlyList<SecretFinding> Scan(string directory)
    {
        var findings = new List<SecretFinding>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');

            // Both are git-ignored (infra/.gitignore): the Toolkit's per-user secrets file and local publish output.
            if (relative.EndsWith(".user", StringComparison.Ordinal) || relative.StartsWith(".deploy/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                findings.AddRange(Rules.Where(rule => rule.Pattern.IsMatch(lines[i])).Select(rule => new SecretFinding(relative, i + 1, rule.Rule)));
            }
        }

        return findings;
    }

    /// <summary>Secure parameters (securestring, secureObject) in a compiled template that carry a default.</summary>
    public static IReadOnlyList<string> SecureParametersWithDefaults(JsonNode template) =>
        template["parameters"]?.AsObject()
            .Where(parameter => parameter.Value?["type"]?.GetValue<string>() is { } type && type.StartsWith("secure", StringComparison.OrdinalIgnoreCase))
            .Where(parameter => parameter.Value!.AsObject().TryGetPropertyValue("defaultValue", out var value)
                && !(value is JsonValue text && text.TryGetValue<string>(out var s) && s.Length == 0))
            .Select(parameter => parameter.Key)
            .ToList() ?? [];

    /// <summary>
    /// App settings whose name says they hold a secret (Privacy__PseudonymSecret, Reports__SigningKey, ...) but whose
    /// value is not a Key Vault reference: a secret written into the template or main.bicepparam.
    /// </summary>
    public static IReadOnlyList<string> SecretSettingsOutsideKeyVault(IReadOnlyDictionary<string, string> appSettings) =>
        appSettings
            .Where(setting => SecretSettingName().IsMatch(setting.Key))
            .Where(setting => !setting.Value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal)
                && !setting.Value.StartsWith("[format('@Microsoft.KeyVault(", StringComparison.Ordinal))
            .Select(setting => setting.Key)
            .ToList();

    [GeneratedRegex(@"(secret|password|signingkey|apikey|accountkey|privatekey)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretSettingName();

    [GeneratedRegex(@"AccountKey\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StorageKey();

    [GeneratedRegex(@"(DefaultEndpointsProtocol|SharedAccessSignature|SharedAccessKey)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionString();

    [GeneratedRegex(@"[?&]sig=[A-Za-z0-9%+/=]{16,}")]
    private static partial Regex SasToken();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    // Entra ID client secrets: three characters, a digit, "Q~", then 31-34 more.
    [GeneratedRegex(@"(?<![A-Za-z0-9_~.\-])[A-Za-z0-9_~.\-]{3}\dQ~[A-Za-z0-9_~.\-]{31,34}")]
    private static partial Regex EntraClientSecret();

    // Storage account and similar keys: 64 random bytes, 88 base64 characters.
    [GeneratedRegex(@"[A-Za-z0-9+/]{86}==")]
    private static partial Regex Base64Key();

    [GeneratedRegex(@"InstrumentationKey\s*=\s*[0-9a-fA-F]{8}-", RegexOptions.IgnoreCase)]
    private static partial Regex InstrumentationKey();

    [GeneratedRegex(@"\blist(Keys|AccountSas|ServiceSas|ConnectionStrings|Credentials?|Secrets)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListKeys();

    // password: 'x', "clientSecret": "x", param adminPassword string = 'x' -- a quoted literal, not a placeholder.
    [GeneratedRegex(@"(password|passwd|pwd|secret|client_?secret|api_?key|signing_?key)[""']?(\s+(secure)?string)?\s*[:=]\s*[""'](?![""'$<{])[^""']+[""']", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordLiteral();

    // FOO_PASSWORD=value, SECRET_X=value in env files and shell snippets, unless the value is $(...), ${...} or <...>.
    [GeneratedRegex(@"^\s*(export\s+)?[A-Za-z_]*(PASSWORD|SECRET)[A-Za-z_]*\s*=\s*(?![""']?[$<])[""']?\S", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordAssignment();
}
