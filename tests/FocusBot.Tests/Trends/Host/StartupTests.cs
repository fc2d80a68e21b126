using FocusBot.Domain.Trends;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.Options;

namespace FocusBot.Tests.Trends.Host;

public sealed class StartupTests
{
    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    public async Task Start_MinimumGroupSizeBelowThree_IsRefused(string size)
    {
        await using var host = new FocusBotTestHost(settings: new Dictionary<string, string?> { ["Privacy:MinimumGroupSize"] = size });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => host.Client);

        Assert.Contains("never be below 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MinimumGroupSizeRaised_IsUsed()
    {
        await using var host = new FocusBotTestHost(settings: new Dictionary<string, string?> { ["Privacy:MinimumGroupSize"] = "7" });
        _ = host.Client;

        Assert.Equal(7, ((PrivacyThresholds)host.Services.GetService(typeof(PrivacyThresholds))!).MinimumGroupSize);
    }

    [Fact]
    public void SigningKey_ProductionWithNeitherKeyNorSecret_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReportSigningKey.From(null, null, isDevelopment: false));

        Assert.Contains("Reports:SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SigningKey_FromThePseudonymSecret_IsDerivedNotTheSecretItself()
    {
        var key = ReportSigningKey.From(null, "a-pseudonym-secret-of-some-length-0123456789", isDevelopment: false);
        var signer = new ReportLinkSigner(key, TimeProvider.System);
        var other = new ReportLinkSigner(ReportSigningKey.From("a-pseudonym-secret-of-some-length-0123456789", null, isDevelopment: false), TimeProvider.System);
        var link = new ReportLink("t", "aad", null, "org", PeriodKind.Week, 12, DateTimeOffset.UtcNow.AddHours(1));

        Assert.Contains("derived", key.Source, StringComparison.Ordinal);
        Assert.Equal(ReportLinkStatus.Valid, signer.Verify(signer.Sign(link)).Status);
        Assert.Equal(ReportLinkStatus.Tampered, other.Verify(signer.Sign(link)).Status);
    }

    [Fact]
    public void SigningKey_TooShort_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => ReportSigningKey.From("short", null, isDevelopment: true));
    }

    [Fact]
    public async Task SeedDemo_OutsideDevelopment_ExitsNonZeroAndWritesNothing()
    {
        var data = Directory.CreateTempSubdirectory("focusbot-seed-").FullName;
        try
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "FocusBot.dll");
            var environment = new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Storage__Sqlite__DataDirectory"] = data,
                ["Privacy__PseudonymSecret"] = "test-secret-of-sufficient-length-0123456789",
                ["MicrosoftAppId"] = FocusBotTestHost.AppId,
                ["MicrosoftAppPassword"] = "unused",
                ["MicrosoftAppTenantId"] = "3f2a9c41-5b8d-4e6f-a1c2-7d9e0b4f6a88",
                ["DevTools__Playground__Enabled"] = "false",
            };
            var start = new System.Diagnostics.ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0", "--seed-demo"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            foreach (var (name, value) in environment)
                start.Environment[name] = value;
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            Assert.Contains("only runs in Development", await error + await output, StringComparison.Ordinal);
            Assert.Equal(2, process.ExitCode);
            var database = Path.Combine(data, "focusbot.db");
            Assert.True(!File.Exists(database) || !HasDemoRows(database));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Whether the store holds any demo pulse (the file itself exists: storage starts before the option is read).</summary>
    private static bool HasDemoRows(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pulses WHERE id LIKE 'demo-%';";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
