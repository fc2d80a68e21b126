using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Trends;
using FocusBot.Retention;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FocusBot.Tests.Retention;

/// <summary>
/// The daily pass under the "retention" lease, on one SQLite store that two FocusBot hosts share: only one instance
/// deletes at a time; a pass cut short midway leaves every read whole (the trends, the comments) and the next pass
/// finishes; the log says counts and nothing of whose or what. Two tenants: the first has a week 25 months old and one
/// of last month, the second only last month's.
/// </summary>
public sealed class RetentionPassTests : IAsyncDisposable
{
    private const string Tenant = "5b0c2e7a-1d3f-4a6b-9c8d-7e6f5a4b3c21";
    private const string OtherTenant = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c65";
    private static readonly DateTimeOffset OldWeek = new(2026, 5, 13, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastMonth = new(2028, 5, 10, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2028, 6, 14, 12, 0, 0, TimeSpan.Zero);

    private readonly string _data = Directory.CreateTempSubdirectory("focusbot-retention-").FullName;
    private readonly ShiftableTimeProvider _clock = new();
    private readonly LogCapture _logs = new();
    private readonly List<FocusBotTestHost> _hosts = [];

    private FocusBotTestHost Host(Func<IAnswerSetStore, IAnswerSetStore>? wrap = null)
    {
        var host = new FocusBotTestHost("Development", new Dictionary<string, string?>
        {
            ["Storage:Sqlite:DataDirectory"] = _data,
            ["Pulse:RunInBackground"] = "false",
            ["Delivery:RunInBackground"] = "false",
            ["Retention:RunInBackground"] = "false",
            ["Privacy:MinimumGroupSize"] = "3",
            ["Privacy:MinimumCommentGroupSize"] = "4",
        }, s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            s.AddSingleton<ILoggerProvider>(_logs);
            if (wrap is not null)
            {
                var shipped = s.Last(d => d.ServiceType == typeof(IAnswerSetStore));
                s.Remove(shipped);
                s.AddSingleton(sp => wrap((IAnswerSetStore)ActivatorUtilities.CreateInstance(sp, shipped.ImplementationType!)));
            }
        });
        _ = host.Client;
        _hosts.Add(host);
        return host;
    }

    private async Task<(Pulse Old, Pulse Recent, Pulse OtherTenants)> SeedAsync(IServiceProvider services)
    {
        _clock.Offset = OldWeek.AddDays(5) - DateTimeOffset.UtcNow;
        var old = await RetentionSeed.WeekAsync(services, Tenant, OldWeek, 6, "Old comment");
        _clock.Offset = LastMonth.AddDays(5) - DateTimeOffset.UtcNow;
        var recent = await RetentionSeed.WeekAsync(services, Tenant, LastMonth, 6, "Recent comment");
        var other = await RetentionSeed.WeekAsync(services, OtherTenant, LastMonth, 5, "Other tenant's comment");
        _clock.Offset = Now - DateTimeOffset.UtcNow;
        await services.GetRequiredService<PrivacyGate>().SealAsync(Tenant, await services.GetRequiredService<IPulseStore>().ListRecentAsync(100, CancellationToken.None),
            CancellationToken.None);
        return (old, recent, other);
    }

    private static Task<TrendReport> QuartersAsync(IServiceProvider services) => services.GetRequiredService<PrivacyGate>().PublishAsync(
        new TrendRequest { TenantId = Tenant, Slice = TrendSlices.Org, Kind = PeriodKind.Quarter, Count = 8 }, CancellationToken.None);

    private static IEnumerable<string> Figures(TrendReport report) =>
        report.Organisation.Measures.SelectMany(m => m.Points.Select(p => $"{m.Measure} {p.Period.Key} {p.Value} {p.N}"));

    [Fact]
    public async Task Pass_TwoInstancesAtOnce_OnlyTheLeaseHolderDeletesAndTheSecondPassFindsNothing()
    {
        var gate = new HeldAnswerSets();
        var first = Host(inner => gate.Around(inner));
        var second = Host();
        var (old, recent, other) = await SeedAsync(first.Services);
        var before = await RetentionSeed.RawRowsAsync(first.Services, old);

        var running = first.Services.GetRequiredService<RetentionService>().RunPassAsync(CancellationToken.None);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var meanwhile = await second.Services.GetRequiredService<RetentionService>().RunPassAsync(CancellationToken.None);

        Assert.Equal(RetentionPass.NotHeld, meanwhile);
        Assert.Equal(before, await RetentionSeed.RawRowsAsync(second.Services, old));
        gate.Release.SetResult();
        var done = await running;
        Assert.True(done.Ran);
        Assert.Equal(1, done.Tenants);
        Assert.Equal(0, await RetentionSeed.RawRowsAsync(second.Services, old));
        Assert.True(await RetentionSeed.RawRowsAsync(second.Services, recent) > 0);
        Assert.True(await RetentionSeed.RawRowsAsync(second.Services, other) > 0);

        var again = await second.Services.GetRequiredService<RetentionService>().RunPassAsync(CancellationToken.None);
        Assert.Equal(new RetentionPass(true, 0, 0, AnswerSetDeletion.None, 0), again);
    }

    [Fact]
    public async Task Pass_CutShortMidway_KeepsEveryReadWholeAndTheNextPassFinishes()
    {
        var failing = new HeldAnswerSets { FailSecondCall = true };
        var host = Host(inner => failing.Around(inner));
        failing.Release.SetResult();
        var (old, recent, _) = await SeedAsync(host.Services);
        var figures = Figures(await QuartersAsync(host.Services)).ToList();
        var before = await RetentionSeed.RawRowsAsync(host.Services, old);

        await Assert.ThrowsAsync<IOException>(() => host.Services.GetRequiredService<RetentionService>().RunPassAsync(CancellationToken.None));

        var left = await RetentionSeed.RawRowsAsync(host.Services, old);
        Assert.InRange(left, 1, before - 1);
        Assert.Equal(figures, Figures(await QuartersAsync(host.Services)));
        var comments = await host.Services.GetRequiredService<CommentsReader>().PublishAsync(
            new TrendRequest { TenantId = Tenant, Slice = TrendSlices.Org, Kind = PeriodKind.Quarter, Count = 8 }, CancellationToken.None);
        Assert.DoesNotContain(comments.Comments, c => c.StartsWith("Old comment", StringComparison.Ordinal));
        Assert.NotNull(comments.DeletedBefore);
        var rebuilt = await host.Services.GetRequiredService<TrendRebuilder>().RebuildAsync(Tenant, CancellationToken.None);
        Assert.Equal(0, rebuilt.SealedPeriodsDiffering);
        Assert.Equal(figures, Figures(await QuartersAsync(host.Services)));

        var next = await host.Services.GetRequiredService<RetentionService>().RunPassAsync(CancellationToken.None);

        Assert.True(next.Ran);
        Assert.Equal(0, await RetentionSeed.RawRowsAsync(host.Services, old));
        Assert.True(await RetentionSeed.RawRowsAsync(host.Services, recent) > 0);
        Assert.Equal(figures, Figures(await QuartersAsync(host.Services)));
    }

    [Fact]
    public async Task Pass_Logs_CountsAndNothingOfWhoseOrWhat()
    {
        var host = Host();
        var (old, _, _) = await SeedAsync(host.Services);
        _logs.Clear();

        var pass = await host.Services.GetRequiredService<RetentionService>().RunPassAsync(CancellationToken.None);

        var line = Assert.Single(_logs.Entries, e => e.Category == typeof(RetentionService).FullName).Message;
        Assert.Equal(
            $"Retention pass (raw answers kept 24 months): 1 tenant(s), {pass.AnswerSets} answer set(s); deleted {pass.Deleted.Answers} answers and comments, "
            + $"{pass.Deleted.CountedAnswers} counted records, {pass.Deleted.AnsweredMarks} answered markers, {pass.Deliveries} pulse delivery rows, {pass.ReviewItems} review items", line);
        Assert.True(pass.Deleted.Answers >= 18);
        var said = string.Join("\n", _logs.Entries.Select(e => e.Line));
        foreach (var secret in (string[])[Tenant, "Old comment", RetentionSeed.Pseudonym(Tenant, 0), RetentionSeed.Person(Tenant, 0), "marker-", old.Id, "W2026"])
            Assert.DoesNotContain(secret, said, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
            await host.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the OS cleans temp folders.
        }
    }

    /// <summary>
    /// The shipped store, with a pause at the first set a pass deletes (until <see cref="Release"/>), and optionally a
    /// failure, as a crash would leave it, at the second.
    /// </summary>
    private sealed class HeldAnswerSets
    {
        private int _calls;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool FailSecondCall { get; init; }

        public IAnswerSetStore Around(IAnswerSetStore inner) => new Store(this, inner);

        private sealed class Store(HeldAnswerSets held, IAnswerSetStore inner) : IAnswerSetStore
        {
            public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

            public async Task<AnswerSetDeletion> DeleteAsync(string answerSetId, CancellationToken cancellationToken)
            {
                var call = Interlocked.Increment(ref held._calls);
                held.Entered.TrySetResult();
                await held.Release.Task.WaitAsync(cancellationToken);
                if (held.FailSecondCall && call == 2)
                    throw new IOException("The process died here.");
                return await inner.DeleteAsync(answerSetId, cancellationToken);
            }
        }
    }
}
