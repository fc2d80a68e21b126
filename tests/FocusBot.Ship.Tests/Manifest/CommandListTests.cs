using System.Text.Json.Nodes;
using FocusBot.Commands;
using FocusBot.Domain.Roles;
using FocusBot.TestSupport;

namespace FocusBot.Ship.Tests.Manifest;

public sealed class CommandListTests
{
    private static JsonNode Template() => JsonNode.Parse(File.ReadAllText(RepositoryPaths.ManifestTemplate))!;

    [Fact]
    public void ManifestCommandLists_CommittedTemplate_MatchCommandCatalogPerScope()
    {
        var problems = CommandListCheck.Compare(Template(), CommandCatalog.All);

        Assert.True(problems.Count == 0, "Update manifest/manifest.json commandLists:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void CommandCatalog_MenuCommands_FitTeamsLimits()
    {
        var menu = CommandCatalog.All.Where(command => command.AllowedRoles.Count == 0).ToList();

        Assert.All(menu, command =>
        {
            Assert.InRange(command.Name.Length, 1, CommandListCheck.MaxTitleLength);
            Assert.InRange(command.Description.Length, 1, CommandListCheck.MaxDescriptionLength);
        });
        Assert.InRange(menu.Count(c => c.Scopes.HasFlag(BotCommandScope.Personal)), 1, CommandListCheck.MaxCommandsPerList);
        Assert.InRange(menu.Count(c => c.Scopes.HasFlag(BotCommandScope.Team)), 1, CommandListCheck.MaxCommandsPerList);
    }

    // The check must fail when the two drift apart. These start from a synthetic catalog and the committed template
    // with its lists rewritten to match it, so they do not depend on today's real commands; then break one thing.

    private static readonly BotCommand[] SampleCatalog =
    [
        new("help", "What FocusBot does", BotCommandScope.Both),
        new("status", "Where this week's pulse stands", BotCommandScope.Personal),
        new("audit", "Admins only", BotCommandScope.Both) { AllowedRoles = [Role.Admin] },
    ];

    [Fact]
    public void Compare_SampleCatalogAndMatchingManifest_HasNoProblem()
    {
        Assert.Empty(CommandListCheck.Compare(ManifestFor(SampleCatalog), SampleCatalog));
    }

    // What the lead will do over the day: add a command to the catalog. Until the manifest lists it, this fails.
    [Fact]
    public void Compare_CommandAddedToCatalogOnly_IsReportedForItsScope()
    {
        BotCommand[] catalog = [.. SampleCatalog, new("insights", "Read this week's customer insight", BotCommandScope.Personal)];

        var problem = Assert.Single(CommandListCheck.Compare(ManifestFor(SampleCatalog), catalog));

        Assert.Contains("'insights' is in CommandCatalog for scope personal but missing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ManifestCommandNotInCatalog_IsReported()
    {
        var manifest = ManifestFor(SampleCatalog);
        TeamCommands(manifest).Add(new JsonObject { ["title"] = "bogus", ["description"] = "Not a real command" });

        var problem = Assert.Single(CommandListCheck.Compare(manifest, SampleCatalog));

        Assert.Contains("'bogus' is in the manifest's team commandList but CommandCatalog does not answer it", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_RoleRestrictedCommandInMenu_IsReported()
    {
        var manifest = ManifestFor(SampleCatalog);
        TeamCommands(manifest).Add(new JsonObject { ["title"] = "audit", ["description"] = "Admins only" });

        var problem = Assert.Single(CommandListCheck.Compare(manifest, SampleCatalog));

        Assert.Contains("'audit' is only for Admin; the team menu is shown to everyone", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_DescriptionEditedInManifestOnly_IsReported()
    {
        var manifest = ManifestFor(SampleCatalog);
        TeamCommands(manifest)[0]!["description"] = "Something else";

        Assert.Contains("differs from CommandCatalog", Assert.Single(CommandListCheck.Compare(manifest, SampleCatalog)), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TeamsLimitsExceeded_AreReported()
    {
        var longTitle = new string('x', CommandListCheck.MaxTitleLength + 1);
        var longDescription = new string('y', CommandListCheck.MaxDescriptionLength + 1);
        var catalog = Enumerable.Range(0, 10).Select(i => new BotCommand($"command{i}", "d", BotCommandScope.Team))
            .Append(new BotCommand(longTitle, longDescription, BotCommandScope.Team))
            .ToList();

        var problems = CommandListCheck.Compare(ManifestFor(catalog), catalog);

        Assert.Contains(problems, p => p.Contains("has 11 commands", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("is 33 characters", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("129-character description", StringComparison.Ordinal));
    }

    /// <summary>The committed template with one commandList per scope written from <paramref name="catalog"/>.</summary>
    private static JsonNode ManifestFor(IReadOnlyCollection<BotCommand> catalog)
    {
        JsonObject List(string scope, BotCommandScope flag) => new()
        {
            ["scopes"] = new JsonArray(scope),
            ["commands"] = new JsonArray([.. catalog.Where(c => c.Scopes.HasFlag(flag) && c.AllowedRoles.Count == 0)
                .Select(c => (JsonNode)new JsonObject { ["title"] = c.Name, ["description"] = c.Description })]),
        };

        var manifest = Template();
        manifest["bots"]![0]!["commandLists"] = new JsonArray(List("personal", BotCommandScope.Personal), List("team", BotCommandScope.Team));
        return manifest;
    }

    private static JsonArray TeamCommands(JsonNode manifest) => manifest["bots"]![0]!["commandLists"]!.AsArray()
        .Single(list => list!["scopes"]!.AsArray().Any(scope => scope!.GetValue<string>() == "team"))!["commands"]!.AsArray();
}
