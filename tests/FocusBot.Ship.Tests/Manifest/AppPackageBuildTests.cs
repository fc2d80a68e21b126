using FocusBot.Ship.Tests.Support;
using FocusBot.TestSupport;

namespace FocusBot.Ship.Tests.Manifest;

// Every test here runs manifest/build-package.cs; they share one class so they never compile it concurrently.
public sealed class AppPackageBuildTests(AppPackageFixture package)
{
    [Fact]
    public void BuildPackage_ValidArguments_Succeeds()
    {
        Assert.True(package.Build.ExitCode == 0, package.Build.Describe());
        Assert.Contains(AppPackageFixture.Domain, package.Build.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildPackage_ValidArguments_ZipHoldsExactlyManifestAndIconsAtRoot()
    {
        Assert.Equal(["color.png", "manifest.json", "outline.png"], package.EntryNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BuildPackage_ValidArguments_FillsIdsDomainAndVersion()
    {
        var manifest = package.Manifest;

        Assert.Equal(AppPackageFixture.AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppPackageFixture.BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal([AppPackageFixture.Domain], manifest["validDomains"]!.AsArray().Select(domain => domain!.GetValue<string>()));
        Assert.Equal(AppPackageFixture.Version, manifest["version"]!.GetValue<string>());
        Assert.Equal(AppPackageFixture.PrivacyUrl, manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.Equal($"https://{AppPackageFixture.Domain}/terms", manifest["developer"]!["termsOfUseUrl"]!.GetValue<string>());
    }

    [Fact]
    public void BuildPackage_ValidArguments_LeavesNoPlaceholder()
    {
        Assert.NotEmpty(package.ManifestText);
        Assert.DoesNotContain("${{", package.ManifestText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("color.png")]
    [InlineData("outline.png")]
    public void BuildPackage_ValidArguments_PacksTheCommittedIcons(string icon)
    {
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Manifest, icon)), package.ReadEntry(icon));
    }

    [Theory]
    [InlineData("--app-id", "not-a-guid", "--app-id 'not-a-guid' is not a GUID")]
    [InlineData("--app-id", "00000000-0000-0000-0000-000000000000", "not all zeros")]
    [InlineData("--bot-id", "{0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9}", "--bot-id '{0f1e2d3c")]
    [InlineData("--domain", "https://focusbot-test.azurewebsites.net", "without a scheme")]
    [InlineData("--domain", "focusbot-test.azurewebsites.net/api/messages", "bare host name")]
    [InlineData("--domain", "localhost", "not a DNS host name")]
    [InlineData("--version", "1.0", "--version '1.0' must look like 1.2.3")]
    [InlineData("--terms-url", "http://intranet.contoso.example/terms", "must be an absolute https:// URL")]
    public async Task BuildPackage_BadValue_RefusesAndNamesTheProblem(string option, string value, string expectedMessage)
    {
        using var scratch = new TemporaryDirectory();
        var output = scratch.File("refused.zip");
        var arguments = new Dictionary<string, string>
        {
            ["--app-id"] = AppPackageFixture.AppId,
            ["--bot-id"] = AppPackageFixture.BotId,
            ["--domain"] = AppPackageFixture.Domain,
            ["--out"] = output,
            [option] = value,
        };

        var result = await AppPackageFixture.RunBuildPackageAsync([.. arguments.SelectMany(pair => new[] { pair.Key, pair.Value })]);

        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.Contains(expectedMessage, result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output), "a refused build must not leave a package behind");
    }

    [Fact]
    public async Task BuildPackage_MissingDomain_RefusesAndSaysWhereToFindIt()
    {
        var result = await AppPackageFixture.RunBuildPackageAsync("--app-id", AppPackageFixture.AppId, "--bot-id", AppPackageFixture.BotId);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--domain is required (the BOT_DOMAIN output", result.StandardError, StringComparison.Ordinal);
    }
}
