using System.Text.Json.Nodes;
using FocusBot.Commands;

namespace FocusBot.Ship.Tests.Manifest;

/// <summary>
/// Compares the manifest's bot commandLists with CommandCatalog, the list of commands the bot really answers, scope by
/// scope, and applies Teams' limits for bot menus: at most 10 commands a list, titles of 32 characters at most,
/// descriptions of 128 at most. Teams shows the same menu to everyone, so it lists exactly the commands open to all
/// staff; a command restricted to roles (Admin, HR, Executive) is left out and reaches its holders through help.
/// </summary>
internal static class CommandListCheck
{
    public const int MaxCommandsPerList = 10;
    public const int MaxTitleLength = 32;
    public const int MaxDescriptionLength = 128;

    private static readonly (string Name, BotCommandScope Flag)[] Scopes =
    [
        ("personal", BotCommandScope.Personal),
        ("team", BotCommandScope.Team),
    ];

    public static IReadOnlyList<string> Compare(JsonNode manifest, IEnumerable<BotCommand> catalog)
    {
        var problems = new List<string>();
        var bot = manifest["bots"]?[0];
        if (bot is null)
        {
            return ["manifest has no bot"];
        }

        var botScopes = Strings(bot["scopes"]);
        var lists = bot["commandLists"]?.AsArray().Select(list => list!).ToList() ?? [];
        foreach (var list in lists)
        {
            var commandCount = list["commands"]?.AsArray().Count ?? 0;
            if (commandCount > MaxCommandsPerList)
            {
                problems.Add($"a commandList for [{string.Join(", ", Strings(list["scopes"]))}] has {commandCount} commands; Teams shows at most {MaxCommandsPerList}");
            }

            foreach (var scope in Strings(list["scopes"]).Where(scope => !botScopes.Contains(scope)))
            {
                problems.Add($"a commandList is for scope '{scope}', which is not one of the bot's scopes");
            }
        }

        foreach (var (scope, flag) in Scopes)
        {
            var inScope = catalog.Where(command => command.Scopes.HasFlag(flag)).ToList();
            var expected = inScope.Where(command => command.AllowedRoles.Count == 0).ToList();
            var listed = lists
                .Where(list => Strings(list["scopes"]).Contains(scope))
                .SelectMany(list => list["commands"]?.AsArray() ?? [])
                .Select(command => (Title: command?["title"]?.GetValue<string>() ?? "", Description: command?["description"]?.GetValue<string>()))
                .ToList();

            if (expected.Count > 0 && !botScopes.Contains(scope))
            {
                problems.Add($"CommandCatalog has {scope} commands but the bot's scopes lack '{scope}'");
            }

            foreach (var duplicate in listed.GroupBy(command => command.Title, StringComparer.Ordinal).Where(group => group.Count() > 1))
            {
                problems.Add($"'{duplicate.Key}' is listed {duplicate.Count()} times for scope {scope}");
            }

            foreach (var (title, description) in listed)
            {
                if (title.Length > MaxTitleLength)
                {
                    problems.Add($"{scope} command '{title}' is {title.Length} characters; Teams allows {MaxTitleLength}");
                }

                if (string.IsNullOrWhiteSpace(description))
                {
                    problems.Add($"{scope} command '{title}' has no description");
                }
                else if (description.Length > MaxDescriptionLength)
                {
                    problems.Add($"{scope} command '{title}' has a {description.Length}-character description; Teams allows {MaxDescriptionLength}");
                }
            }

            foreach (var command in expected)
            {
                var match = listed.FirstOrDefault(item => string.Equals(item.Title, command.Name, StringComparison.Ordinal));
                if (match.Title is null)
                {
                    problems.Add($"'{command.Name}' is in CommandCatalog for scope {scope} but missing from the manifest's {scope} commandList");
                }
                else if (!string.Equals(match.Description, command.Description, StringComparison.Ordinal))
                {
                    problems.Add($"{scope} command '{command.Name}': manifest description \"{match.Description}\" differs from CommandCatalog \"{command.Description}\"");
                }
            }

            foreach (var extra in listed.Where(item => !expected.Any(command => string.Equals(command.Name, item.Title, StringComparison.Ordinal))))
            {
                var restricted = inScope.FirstOrDefault(command => string.Equals(command.Name, extra.Title, StringComparison.Ordinal));
                problems.Add(restricted is null
                    ? $"'{extra.Title}' is in the manifest's {scope} commandList but CommandCatalog does not answer it in {scope}"
                    : $"'{extra.Title}' is only for {string.Join(", ", restricted.AllowedRoles)}; the {scope} menu is shown to everyone, so leave it out");
            }
        }

        return problems;
    }

    private static List<string> Strings(JsonNode? array) =>
        array?.AsArray().Select(item => item?.GetValue<string>() ?? "").ToList() ?? [];
}
