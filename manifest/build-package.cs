#!/usr/bin/env dotnet
// Builds the Teams app package (the zip you upload in Teams admin center or sideload) from manifest.json.
//
//   dotnet run manifest/build-package.cs -- --app-id <guid> --bot-id <guid> --domain <host> [options]
//
// Fills the ${{TEAMS_APP_ID}}, ${{BOT_ID}} and ${{BOT_DOMAIN}} placeholders (the same names the Microsoft 365 Agents
// Toolkit fills from env/.env.<env>), refuses anything that is not a GUID or a bare host name, and writes a zip with
// manifest.json, color.png and outline.png at its root. Needs only the .NET 10 SDK. See manifest/README.md.
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

const string Usage = """
    Usage: dotnet run manifest/build-package.cs -- --app-id <guid> --bot-id <guid> --domain <host> [options]

      --app-id <guid>      Teams app id (manifest "id"). Generate it once (uuidgen) and keep it for every update.
      --bot-id <guid>      Bot id: the BOT_ID output of the infra deployment (the managed identity's client id).
      --domain <host>      Bot host name, the BOT_DOMAIN output, e.g. focusbot-abc123.azurewebsites.net (no https://).
      --version <x.y.z>    App version written into the package (default: the one in manifest.json). Raise it for
                           every update you upload: Teams admin center refuses an update with the same version.
      --privacy-url <url>  Your organisation's privacy statement for FocusBot (default: https://<domain>/privacy).
      --terms-url <url>    Your terms of use for FocusBot (default: https://<domain>/terms).
      --website-url <url>  Support or information page (default: https://<domain>/).
      --env <name>         Environment name used in the default output file name (default: dev).
      --out <zip>          Output file (default: manifest/build/appPackage.<env>.zip).
      --help               Show this text.
    """;

var manifestDirectory = AppContext.GetData("EntryPointFileDirectoryPath") as string
    ?? Path.Combine(Directory.GetCurrentDirectory(), "manifest");

Dictionary<string, string> options;
try
{
    options = ParseOptions(args);
}
catch (ArgumentException error)
{
    return Fail(2, error.Message + Environment.NewLine + Environment.NewLine + Usage);
}

if (options.ContainsKey("help"))
{
    Console.WriteLine(Usage);
    return 0;
}

var problems = new List<string>();
var appId = RequireGuid(options, "app-id", "the Teams app id", problems);
var botId = RequireGuid(options, "bot-id", "the BOT_ID output of the infra deployment", problems);
var domain = RequireHostName(options, problems);
var environment = options.GetValueOrDefault("env", "dev");
if (!Regex.IsMatch(environment, "^[a-z0-9][a-z0-9-]{0,31}$"))
{
    problems.Add($"--env '{environment}' must be lower-case letters, digits and '-', like dev or prod.");
}

// The Teams schema's semver pattern: three numbers without leading zeros.
var version = options.GetValueOrDefault("version");
if (version is not null && !Regex.IsMatch(version, @"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$"))
{
    problems.Add($"--version '{version}' must look like 1.2.3 (three numbers, no leading zeros).");
}

// Teams shows these links on the app's details page and requires https.
var developerUrls = new Dictionary<string, string>(StringComparer.Ordinal);
foreach (var (option, field) in new[] { ("website-url", "websiteUrl"), ("privacy-url", "privacyUrl"), ("terms-url", "termsOfUseUrl") })
{
    if (options.TryGetValue(option, out var url))
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme == Uri.UriSchemeHttps)
        {
            developerUrls[field] = parsed.AbsoluteUri;
        }
        else
        {
            problems.Add($"--{option} '{url}' must be an absolute https:// URL.");
        }
    }
}

if (problems.Count > 0)
{
    return Fail(2, string.Join(Environment.NewLine, problems) + Environment.NewLine + Environment.NewLine + Usage);
}

var templatePath = Path.Combine(manifestDirectory, "manifest.json");
if (!File.Exists(templatePath))
{
    return Fail(1, $"No manifest template at {templatePath}.");
}

var filled = File.ReadAllText(templatePath)
    .Replace("${{TEAMS_APP_ID}}", appId, StringComparison.Ordinal)
    .Replace("${{BOT_ID}}", botId, StringComparison.Ordinal)
    .Replace("${{BOT_DOMAIN}}", domain, StringComparison.Ordinal);

// A placeholder this script does not know would reach Teams as literal text; name it instead.
var leftOver = Regex.Matches(filled, @"\$\{\{[A-Za-z0-9_]+\}\}").Select(match => match.Value).Distinct().ToList();
if (leftOver.Count > 0)
{
    return Fail(1, $"manifest.json has placeholders this script does not fill: {string.Join(", ", leftOver)}.");
}

JsonNode manifest;
try
{
    manifest = JsonNode.Parse(filled) ?? throw new JsonException("manifest.json is empty.");
}
catch (JsonException error)
{
    return Fail(1, $"manifest.json is not valid JSON: {error.Message}");
}

if (version is not null)
{
    manifest["version"] = version;
}

foreach (var (field, url) in developerUrls)
{
    manifest["developer"]![field] = url;
}

string?[] icons = [manifest["icons"]?["color"]?.GetValue<string>(), manifest["icons"]?["outline"]?.GetValue<string>()];
if (icons.Any(string.IsNullOrEmpty))
{
    return Fail(1, "manifest.json must name both icons.color and icons.outline.");
}

var iconPaths = icons.Select(icon => Path.Combine(manifestDirectory, icon!)).ToList();
var missing = iconPaths.Where(path => !File.Exists(path)).ToList();
if (missing.Count > 0)
{
    return Fail(1, $"Icon file not found: {string.Join(", ", missing)}. Regenerate with: dotnet run manifest/tools/make-icons.cs");
}

var outputPath = Path.GetFullPath(options.GetValueOrDefault("out")
    ?? Path.Combine(manifestDirectory, "build", $"appPackage.{environment}.zip"));
Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
File.Delete(outputPath);

// Teams reads the files at the zip root; a fixed timestamp keeps the same input producing the same zip.
var timestamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
using (var zip = ZipFile.Open(outputPath, ZipArchiveMode.Create))
{
    var manifestEntry = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
    manifestEntry.LastWriteTime = timestamp;
    using (var writer = new StreamWriter(manifestEntry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
    {
        // Relaxed escaping keeps apostrophes and accents readable; the file is JSON, never embedded in HTML.
        var json = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        writer.Write(manifest.ToJsonString(json));
    }

    for (var i = 0; i < icons.Length; i++)
    {
        var entry = zip.CreateEntry(Path.GetFileName(icons[i]!), CompressionLevel.Optimal);
        entry.LastWriteTime = timestamp;
        using var iconStream = entry.Open();
        iconStream.Write(File.ReadAllBytes(iconPaths[i]));
    }
}

Console.WriteLine($"Built {outputPath}");
Console.WriteLine($"  app id {appId}, bot id {botId}, domain {domain}, version {manifest["version"]}");
Console.WriteLine("Upload it in Teams admin center (Teams apps > Manage apps > Upload new app) or sideload it in Teams.");
return 0;

static int Fail(int exitCode, string message)
{
    Console.Error.WriteLine(message);
    return exitCode;
}

static Dictionary<string, string> ParseOptions(string[] args)
{
    string[] known = ["app-id", "bot-id", "domain", "version", "env", "out", "privacy-url", "terms-url", "website-url"];
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i < args.Length; i++)
    {
        var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
        if (name is "help" or "h")
        {
            options["help"] = "";
            continue;
        }

        if (name is null || !known.Contains(name))
        {
            throw new ArgumentException($"Unknown argument '{args[i]}'.");
        }

        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"--{name} needs a value.");
        }

        options[name] = args[++i].Trim();
    }

    return options;
}

static string RequireGuid(Dictionary<string, string> options, string name, string meaning, List<string> problems)
{
    if (!options.TryGetValue(name, out var value))
    {
        problems.Add($"--{name} is required ({meaning}).");
        return "";
    }

    // Teams wants the 8-4-4-4-12 form; braces, other layouts and the all-zero GUID are mistakes, not ids.
    if (!Guid.TryParseExact(value, "D", out var guid) || guid == Guid.Empty)
    {
        problems.Add($"--{name} '{value}' is not a GUID like 3f2504e0-4f89-41d3-9a0c-0305e82c3301, not all zeros ({meaning}).");
        return "";
    }

    return guid.ToString("D", CultureInfo.InvariantCulture);
}

static string RequireHostName(Dictionary<string, string> options, List<string> problems)
{
    if (!options.TryGetValue("domain", out var value))
    {
        problems.Add("--domain is required (the BOT_DOMAIN output, e.g. focusbot-abc123.azurewebsites.net).");
        return "";
    }

    if (value.Contains("://", StringComparison.Ordinal))
    {
        problems.Add($"--domain '{value}' must be the host name only, without a scheme: drop the https://.");
        return "";
    }

    if (value.IndexOfAny(['/', ':', '?', '#', '*', ' ']) >= 0)
    {
        problems.Add($"--domain '{value}' must be a bare host name: no path, port, query or wildcard.");
        return "";
    }

    // validDomains and the messaging endpoint need a public DNS name: at least one dot, labels of 1-63 characters.
    var labels = value.Split('.');
    if (Uri.CheckHostName(value) != UriHostNameType.Dns || labels.Length < 2 || value.Length > 253
        || labels.Any(label => label.Length is 0 or > 63))
    {
        problems.Add($"--domain '{value}' is not a DNS host name like focusbot-abc123.azurewebsites.net.");
        return "";
    }

    return value.ToLowerInvariant();
}
