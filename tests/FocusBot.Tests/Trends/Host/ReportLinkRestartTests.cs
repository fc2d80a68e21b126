using System.Net;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Trends.Host;

/// <summary>
/// Report links in Development outlive a restart: with no configured key, the key is kept in the data folder, so a link
/// one host made opens in the next host over the same folder. Production keeps needing its own key.
/// </summary>
public sealed class ReportLinkRestartTests : IDisposable
{
    private const string HrUser = "29:hr-person";
    private readonly string _data = Directory.CreateTempSubdirectory("focusbot-links-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // the temp folder is cleaned by the OS
        }
    }

    [Fact]
    public async Task DevelopmentLink_MadeBeforeARestart_StillOpensAfterIt()
    {
        string link;
        await using (var before = Development())
        {
            _ = before.Client;
            await GrantHrAsync(before);
            link = PageLink(before);
        }

        await using var after = Development();
        var response = await after.Client.GetAsync(link);

        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("changed or cut short", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DevelopmentKey_IsCreatedInTheDataFolder_ReadableByItsOwnerOnly()
    {
        await using var host = Development();
        _ = host.Client;

        var key = Assert.Single(Directory.GetFiles(_data), f => !Path.GetFileName(f).StartsWith("focusbot.db", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
    }

    [Fact]
    public async Task Production_WithNeitherKeyNorSecret_StillRefusesToStart_EvenWithADevelopmentKeyInTheFolder()
    {
        await using (var development = Development())
            _ = development.Client;

        await using var production = Production(pseudonymSecret: null);
        var error = Assert.ThrowsAny<Exception>(() => production.Client);

        // The pseudonym secret is checked first today; without it the link key cannot be derived either.
        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.True(messages.Contains("Privacy:PseudonymSecret", StringComparison.Ordinal) || messages.Contains("Reports:SigningKey", StringComparison.Ordinal), messages);
        var keyError = Assert.Throws<InvalidOperationException>(() => ReportSigningKey.From(null, null, isDevelopment: false, developmentKeyFolder: _data));
        Assert.Contains("Reports:SigningKey", keyError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_SignsWithItsOwnKey_NotWithTheDevelopmentOneInTheFolder()
    {
        string link;
        await using (var development = Development())
        {
            _ = development.Client;
            await GrantHrAsync(development);
            link = PageLink(development);
        }

        await using var production = Production(pseudonymSecret: "test-secret-of-sufficient-length-0123456789");
        var response = await production.Client.GetAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("changed or cut short", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception error) =>
        error is AggregateException aggregate ? aggregate.InnerExceptions.SelectMany(Flatten) : [error, .. error.InnerException is { } inner ? Flatten(inner) : []];

    private FocusBotTestHost Development() => new("Development", new Dictionary<string, string?> { ["Storage:Sqlite:DataDirectory"] = _data });

    private FocusBotTestHost Production(string? pseudonymSecret) => new("Production", new Dictionary<string, string?>
    {
        ["Storage:Sqlite:DataDirectory"] = _data,
        ["MicrosoftAppId"] = FocusBotTestHost.AppId,
        ["MicrosoftAppPassword"] = "unused",
        ["MicrosoftAppTenantId"] = TeamsActivities.TenantId,
        ["Privacy:PseudonymSecret"] = pseudonymSecret,
    });

    private static Task GrantHrAsync(FocusBotTestHost host) => host.Services.GetRequiredService<IRoleStore>().GrantAsync(new RoleAssignment
    {
        TenantId = TeamsActivities.TenantId,
        AadObjectId = TeamsActivities.AadOf(HrUser),
        Role = Role.HR,
        GrantedBy = "test",
        GrantedAt = DateTimeOffset.UtcNow,
    }, CancellationToken.None);

    private static string PageLink(FocusBotTestHost host)
    {
        var urls = host.Services.GetRequiredService<ReportUrls>();
        var link = urls.LinkFor(TeamsActivities.TenantId, TeamsActivities.AadOf(HrUser), HrUser, TrendSlices.Org, PeriodKind.Week, 12);
        return urls.Page(link).PathAndQuery;
    }
}
