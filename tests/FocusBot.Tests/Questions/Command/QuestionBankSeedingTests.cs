using FocusBot.Domain.Leases;
using FocusBot.Domain.Questions;
using FocusBot.Questions;
using FocusBot.Storage;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FocusBot.Tests.Questions.Command;

/// <summary>The default bank arrives on first start, once, however many times or instances start.</summary>
public sealed class QuestionBankSeedingTests(AzuriteFixture azurite) : IDisposable
{
    private readonly DirectoryInfo _store = Directory.CreateTempSubdirectory("focusbot-seed-");

    public void Dispose()
    {
        try
        {
            _store.Delete(recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment after shutdown; the OS cleans temp folders.
        }
    }

    /// <summary>A host whose store is this test's folder, which several hosts may share like instances sharing a database.</summary>
    private FocusBotTestHost HostOnSharedStore() =>
        new(settings: new Dictionary<string, string?> { ["Storage:Sqlite:DataDirectory"] = _store.FullName });

    private static async Task<IReadOnlyList<Question>> BankOf(FocusBotTestHost host)
    {
        _ = host.Client;
        return await host.Services.GetRequiredService<IQuestionStore>().ListAsync(includeInactive: true, CancellationToken.None);
    }

    [Fact]
    public async Task FirstStart_EmptyStore_HasTheDefaultBank()
    {
        await using var host = HostOnSharedStore();

        var bank = await BankOf(host);

        Assert.Equal(DefaultQuestionBank.Load(DateTimeOffset.UnixEpoch).Select(q => q.Id).Order(StringComparer.Ordinal), bank.Select(q => q.Id));
        Assert.InRange(bank.Count(q => q.Active), 28, 32);
    }

    [Fact]
    public async Task Restart_AfterHrChangedTheBank_KeepsHrsBankAndAddsNothing()
    {
        int seeded;
        await using (var first = HostOnSharedStore())
        {
            seeded = (await BankOf(first)).Count;
            var store = first.Services.GetRequiredService<IQuestionStore>();
            var edited = (await store.GetAsync("a-understand-needs", CancellationToken.None))! with { Text = "Edited by HR." };
            await store.UpsertAsync(edited, CancellationToken.None);
        }

        await using var second = HostOnSharedStore();
        var bank = await BankOf(second);

        Assert.Equal(seeded, bank.Count);
        Assert.Equal("Edited by HR.", bank.Single(q => q.Id == "a-understand-needs").Text);
    }

    [Fact]
    public async Task TwoInstancesStartingTogether_SeedOneBank()
    {
        await using var first = HostOnSharedStore();
        await using var second = HostOnSharedStore();

        await Task.WhenAll(Task.Run(() => first.Client), Task.Run(() => second.Client));

        var expected = DefaultQuestionBank.Load(DateTimeOffset.UnixEpoch).Count;
        Assert.Equal(expected, (await BankOf(first)).Count);
        Assert.Equal(expected, (await BankOf(second)).Select(q => q.Id).Distinct().Count());
    }

    [Fact]
    public async Task TwoInstancesOnAzureTables_SeedOneBankAndARestartKeepsIt()
    {
        var settings = StorageSettings.For(StorageKind.Azurite, azurite);
        // Only the seeder runs in the background: other features' workers talk to the tables on shutdown, which under a
        // loaded Azurite can outlast the host's stop timeout, and that is not what this test is about.
        FocusBotTestHost OnAzure() => new(settings: settings, configureServices: services =>
        {
            services.RemoveAll<IHostedService>();
            services.AddHostedService<QuestionBankSeeder>();
        });
        var expected = DefaultQuestionBank.Load(DateTimeOffset.UnixEpoch).Select(q => q.Id).Order(StringComparer.Ordinal).ToList();
        await CreateTablesAsync(settings);

        await using (var first = OnAzure())
        await using (var second = OnAzure())
        {
            await Task.WhenAll(Task.Run(() => first.Client), Task.Run(() => second.Client));
            Assert.Equal(expected, (await BankOf(first)).Select(q => q.Id));
        }

        await using var restarted = OnAzure();
        Assert.Equal(expected, (await BankOf(restarted)).Select(q => q.Id));
    }

    [Fact]
    public async Task Seed_WhileAnotherInstanceHoldsTheLease_WaitsForItsBankAndWritesNothing()
    {
        // Another instance holds the seeding lease; while this one waits, that instance's bank lands in the store.
        IReadOnlyList<Question> bank = [];
        var questions = new Mock<IQuestionStore>();
        questions.Setup(q => q.CountAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => bank.Count);
        var leases = new Mock<ILeaseStore>();
        leases.Setup(l => l.TryAcquireAsync(QuestionBankSeeder.LeaseName, It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Callback(() => bank = [.. DefaultQuestionBank.Load(DateTimeOffset.UnixEpoch)])
            .ReturnsAsync((Lease?)null);
        var seeder = new QuestionBankSeeder(questions.Object, leases.Object, TimeProvider.System, NullLogger<QuestionBankSeeder>.Instance);

        var written = await seeder.SeedIfEmptyAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, written);
        questions.Verify(q => q.ReplaceBankAsync(It.IsAny<IReadOnlyList<Question>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    /// <summary>Creates the tables ahead of the hosts, as a deployment does, so hosts starting together do not race to create them.</summary>
    private static async Task CreateTablesAsync(IDictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddFocusBotStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStorageInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
    }
}
