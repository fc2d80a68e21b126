using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Privacy;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Settings;
using FocusBot.Domain.Trends;
using FocusBot.Storage;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Tests.Trends.Support;

/// <summary>
/// A tenant's trend data on a real SQLite store in a temp folder, written the way production writes it (answer store,
/// then <see cref="TrendRecorder"/>), with a fake clock. Its question bank is <see cref="SampleQuestions"/>.
/// </summary>
public sealed class TrendWorld : IAsyncDisposable
{
    public const string Tenant = "tenant-1";
    public static readonly DateTimeOffset Start = SampleQuestions.CreatedAt; // Monday of W2026-02, when the questions were written

    private readonly ServiceProvider _services;
    private readonly string _directory;
    private readonly List<Pulse> _pulses = [];

    private TrendWorld(ServiceProvider services, string directory, FakeTimeProvider clock)
    {
        _services = services;
        _directory = directory;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public IAggregateStore Aggregates => _services.GetRequiredService<IAggregateStore>();

    public PrivacyGate Gate => _services.GetRequiredService<PrivacyGate>();

    public TrendRecorder Recorder => _services.GetRequiredService<TrendRecorder>();

    public TrendRebuilder Rebuilder => _services.GetRequiredService<TrendRebuilder>();

    public IAnswerSetStore AnswerSets => _services.GetRequiredService<IAnswerSetStore>();

    public IReadOnlyList<Pulse> Pulses => _pulses;

    /// <param name="thresholds">The privacy thresholds; the defaults when null.</param>
    /// <param name="azureTablesConnectionString">An Azurite connection string to store in Azure tables; SQLite when null.</param>
    public static async Task<TrendWorld> CreateAsync(PrivacyThresholds? thresholds = null, string? azureTablesConnectionString = null)
    {
        var directory = Directory.CreateTempSubdirectory("focusbot-trends-").FullName;
        var clock = new FakeTimeProvider(Start);
        var settings = azureTablesConnectionString is null
            ? new Dictionary<string, string?> { ["Storage:Sqlite:DataDirectory"] = directory }
            : new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "AzureTables",
                ["Storage:AzureTables:ConnectionString"] = azureTablesConnectionString,
                ["Storage:AzureTables:TablePrefix"] = "w" + Guid.NewGuid().ToString("N")[..12],
            };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddLogging()
            .AddFocusBotStorage(configuration)
            .AddSingleton(thresholds ?? new PrivacyThresholds())
            .AddSingleton<PrivacyGate>()
            .AddSingleton(sp => new RawAnswerRetention(RawAnswerRetention.DefaultMonths, sp.GetRequiredService<ISettingsStore>(), sp.GetRequiredService<TimeProvider>()))
            .AddSingleton<TrendRebuilder>()
            .AddSingleton<TrendRetraction>()
            .AddSingleton(sp => new TrendRecorder(sp.GetRequiredService<IAnswerStore>(), sp.GetRequiredService<IQuestionStore>(), sp.GetRequiredService<IAggregateStore>(), sp.GetRequiredService<ICountedAnswersStore>(),
                NullLogger<TrendRecorder>.Instance))
            .BuildServiceProvider();
        await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        await services.GetRequiredService<IQuestionStore>().ReplaceBankAsync(SampleQuestions.All, CancellationToken.None);
        return new TrendWorld(services, directory, clock);
    }

    /// <summary>Gives a team its name (a team install), as the Teams card and page show it.</summary>
    public Task NameTeamAsync(string teamId, string name) =>
        _services.GetRequiredService<IConversationStore>().UpsertAsync(new ConversationRecord
        {
            TenantId = Tenant,
            ConversationId = "19:" + teamId + "@thread.tacv2",
            Kind = ConversationKind.Channel,
            ServiceUrl = "http://127.0.0.1/",
            BotId = "28:bot",
            TeamId = teamId,
            TeamName = name,
            InstalledAt = Start,
            UpdatedAt = Start,
        }, CancellationToken.None);

    /// <summary>An open pulse in the ISO week <paramref name="weeksAfterStart"/> weeks after W2026-02.</summary>
    public async Task<Pulse> OpenPulseAsync(int weeksAfterStart, params Question[] questions)
    {
        var opens = Start.AddDays(7 * weeksAfterStart);
        var pulse = new Pulse
        {
            Id = "p" + weeksAfterStart,
            TenantId = Tenant,
            QuestionIds = [.. questions.Select(q => q.Id)],
            OpensAt = opens,
            ClosesAt = opens.AddDays(4),
            Status = PulseStatus.Open,
        };
        var stored = await _services.GetRequiredService<IPulseStore>().CreateAsync(pulse, CancellationToken.None) ?? throw new InvalidOperationException("pulse exists");
        _pulses.Add(stored);
        return stored;
    }

    /// <summary>Closes the pulse at its closing time (the clock moves there if it is earlier).</summary>
    public async Task<Pulse> CloseAsync(Pulse pulse)
    {
        if (Clock.GetUtcNow() < pulse.ClosesAt)
            Clock.SetUtcNow(pulse.ClosesAt);
        var store = _services.GetRequiredService<IPulseStore>();
        var current = await store.GetAsync(pulse.Id, CancellationToken.None) ?? throw new InvalidOperationException("no pulse");
        var closed = await store.UpdateAsync(current with { Status = PulseStatus.Closed }, CancellationToken.None);
        _pulses[_pulses.FindIndex(p => p.Id == pulse.Id)] = closed;
        return closed;
    }

    /// <summary>Stores an answer and records it, exactly as the pulse feature does.</summary>
    public async Task AnswerAsync(Pulse pulse, Question question, string person, string value, params string[] teams)
    {
        var answer = new Answer
        {
            PulseId = pulse.Id,
            QuestionId = question.Id,
            RespondentPseudonym = "ps-" + person,
            TenantId = Tenant,
            Value = value,
            TeamIds = teams,
            AnsweredAt = Clock.GetUtcNow(),
        };
        await _services.GetRequiredService<IAnswerStore>().UpsertAsync(answer, CancellationToken.None);
        await Recorder.RecordAnswerAsync(pulse, question, answer, CancellationToken.None);
    }

    /// <summary>A "one thing" comment sent now, filed as the command files it: an answer to the week's Voice pulse.</summary>
    public async Task CommentAsync(string person, string text, params string[] teams)
    {
        var question = VoicePulses.FallbackQuestion;
        var pulse = VoicePulses.For(Tenant, question.Id, await Gate.OpenWeekAsync(Tenant, Clock.GetUtcNow(), CancellationToken.None));
        await AnswerAsync(pulse, question, person, text, teams);
    }

    /// <summary>Erases a person as the Admin's `erase` does: out of the unsealed figures first, then their data.</summary>
    public async Task EraseAsync(string person)
    {
        var subject = new ErasureSubject { TenantId = Tenant, UserId = "29:" + person, Pseudonyms = ["ps-" + person] };
        await _services.GetRequiredService<TrendRetraction>().RetractAsync(Tenant, subject.UserId, subject.Pseudonyms, CancellationToken.None);
        await _services.GetRequiredService<IPersonalDataEraser>().EraseAsync(subject, CancellationToken.None);
    }

    /// <summary>Records a delivery in the ledger and the aggregates; the person's teams go on the roster for rebuilds.</summary>
    public async Task DeliverAsync(Pulse pulse, string person, params string[] teams)
    {
        var userId = "29:" + person;
        await _services.GetRequiredService<IDeliveryStore>().CreateIfMissingAsync(
        [
            new Delivery
            {
                LedgerId = LedgerIds.Of(pulse), RecipientKey = RecipientKeys.For(Tenant, userId), TenantId = Tenant, UserId = userId, Status = DeliveryStatus.Sent,
                SendAfter = pulse.OpensAt, UpdatedAt = pulse.OpensAt,
            },
        ], CancellationToken.None);
        var roster = _services.GetRequiredService<IRosterStore>();
        foreach (var team in teams)
        {
            var members = await roster.ListTeamMembersAsync(Tenant, team, CancellationToken.None).ToListAsync();
            if (members.All(m => m.UserId != userId))
                await roster.ReplaceTeamRosterAsync(Tenant, team, [.. members, new TeamMember { TenantId = Tenant, TeamId = team, UserId = userId }], CancellationToken.None);
        }

        await Recorder.RecordDeliveredAsync(pulse, teams, CancellationToken.None);
    }

    /// <summary>Delivers to each person and has them answer one question.</summary>
    public async Task CohortAsync(Pulse pulse, Question question, string prefix, IReadOnlyList<string> values, params string[] teams)
    {
        for (var i = 0; i < values.Count; i++)
        {
            await DeliverAsync(pulse, $"{prefix}{i}", teams);
            await AnswerAsync(pulse, question, $"{prefix}{i}", values[i], teams);
        }
    }

    public Task<SealResult> SealAsync() => Gate.SealAsync(Tenant, _pulses, CancellationToken.None);

    public Task<TrendReport> ReportAsync(string slice = TrendSlices.Org, PeriodKind kind = PeriodKind.Week, int count = 12, int teamPeriods = 12, bool breakdowns = true) =>
        Gate.PublishAsync(new TrendRequest { TenantId = Tenant, Slice = slice, Kind = kind, Count = count, TeamPeriods = teamPeriods, IncludeBreakdowns = breakdowns },
            CancellationToken.None);

    /// <summary>Every cell of the given slices, all periods.</summary>
    public async Task<SortedDictionary<string, long>> SnapshotAsync(IEnumerable<string> slices)
    {
        var all = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var slice in slices)
        {
            foreach (var cell in await Aggregates.ListAsync(Tenant, slice, "M0000-00", "W9999-99", CancellationToken.None))
            {
                if (cell.Count != 0)
                    all[$"{cell.Slice}|{cell.Period}|{cell.Key}|{cell.Bucket}"] = cell.Count;
            }
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the OS cleans temp folders.
        }
    }
}
