using System.Reflection;

namespace FocusBot.Ship.Tests.Infra;

/// <summary>
/// Every configuration key the host reads must reach it in Azure: either infra sets it as an App Service setting
/// (':' written '__') or the configuration reference table gives its default. The reverse holds too: every setting
/// infra writes must be a key the host reads (a misspelt setting is silently ignored) or a platform setting.
/// </summary>
internal static class ConfigurationKeyCoverage
{
    /// <summary>Settings read by App Service, the .NET runtime or Azure SDKs rather than by FocusBot's code.</summary>
    public static readonly IReadOnlySet<string> PlatformSettings = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ASPNETCORE_ENVIRONMENT",
        "AZURE_CLIENT_ID",
        "SCM_DO_BUILD_DURING_DEPLOYMENT",
    };

    public static string ToAppSettingName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>
    /// Whether an App Service setting configures a key: the key itself, or an element of it when the key is a list or
    /// dictionary (Pulse__Reminders__0, Bot__RoleTeams__Executive). Configuration keys ignore case.
    /// </summary>
    public static bool Sets(string setting, string key)
    {
        var name = ToAppSettingName(key);
        return setting.Equals(name, StringComparison.OrdinalIgnoreCase)
            || setting.StartsWith(name + "__", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The public constants of FocusBot.Configuration.ConfigurationKeys.</summary>
    public static IReadOnlyList<string> HostKeys(Type keys) => keys
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToList();

    public static IReadOnlyList<string> FindProblems(
        IEnumerable<string> hostKeys,
        IReadOnlyCollection<string> appSettingNames,
        IReadOnlyDictionary<string, string> documentedDefaults)
    {
        var problems = new List<string>();
        var keys = hostKeys.ToList();
        foreach (var key in keys)
        {
            if (appSettingNames.Any(setting => Sets(setting, key)))
            {
                continue;
            }

            if (!documentedDefaults.TryGetValue(key, out var documented))
            {
                problems.Add($"{key}: not set in infra/main.bicep and has no row in the configuration table of bot/FocusBot/README.md");
            }
            else if (string.IsNullOrWhiteSpace(documented))
            {
                problems.Add($"{key}: the configuration table row has an empty default");
            }
        }

        foreach (var setting in appSettingNames.Where(name => !keys.Any(key => Sets(name, key)) && !PlatformSettings.Contains(name)))
        {
            problems.Add($"{setting}: infra sets it but the host reads no such key (misspelt, or missing from ConfigurationKeys)");
        }

        return problems;
    }

    /// <summary>
    /// Keys implied by options types bound to a configuration section (a <c>const string Section</c>): each public
    /// settable property is read as Section:Property (nested options objects as Section:Property:Inner), so it
    /// belongs in ConfigurationKeys. A list counts as one key: it is configured under that key as a whole.
    /// </summary>
    public static IReadOnlyList<string> OptionsKeys(IEnumerable<Assembly> assemblies) => assemblies
        .SelectMany(assembly => assembly.GetTypes())
        .Where(type => type.Name.EndsWith("Options", StringComparison.Ordinal))
        .Select(type => (Type: type, Section: type.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
        .Where(pair => pair.Section is { IsLiteral: true } && pair.Section.FieldType == typeof(string))
        .SelectMany(pair => KeysOf(pair.Type, (string)pair.Section!.GetRawConstantValue()!, depth: 0))
        .ToList();

    private static IEnumerable<string> KeysOf(Type type, string prefix, int depth) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(property => property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
        .SelectMany(property => IsLeaf(property.PropertyType) || depth >= 3
            ? [$"{prefix}:{property.Name}"]
            : KeysOf(property.PropertyType, $"{prefix}:{property.Name}", depth + 1));

    private static bool IsLeaf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying.IsValueType
            || underlying == typeof(string) || underlying == typeof(Uri)
            || typeof(System.Collections.IEnumerable).IsAssignableFrom(underlying);
    }
}
