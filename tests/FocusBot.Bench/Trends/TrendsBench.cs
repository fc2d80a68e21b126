using System.Diagnostics;
using System.Globalization;
using FocusBot.Conversations;
using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Kpis;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Settings;
using FocusBot.Domain.Trends;
using FocusBot.Kpis;
using FocusBot.Review;
using FocusBot.Roles;
using FocusBot.Storage;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FocusBot.Bench.Trends;

/// <summary>
/// A `trends` request (privacy gate + card) for one team over 52 weeks, with 1,040,000 answers stored (52 weekly pulses
/// × 200 teams × 25 people × 4 questions), on SQLite and on Azurite, beside the naive scan of the raw answers the
/// aggregates replace. Goal: p99 &lt; 100 ms on both. Also: rebuild time and the incremental cost per answer.
/// </summary>
internal static class TrendsBench
{
    private const int Requests = 400;
    private static readonly string s_only = Environment.GetEnvironmentVariable("FOCUSBOT_BENCH_TRENDS") ?? "all";

    public static async Task RunAsync()
    {
        if (s_only is "all" or "sqlite")
            await SqliteAsync();
        if (s_only is "all" or "azurite")
            await AzuriteAsync();
    }

    private static async Task SqliteAsync()
    {
        // FOCUSBOT_BENCH_TRENDS_DB keeps the loaded store in that folder, so a second run measures without reloading.
        var kept = Environment.GetEnvironmentVariable("FOCUSBOT_BENCH_TRENDS_DB");
        var directory = kept ?? Path.Combine(Path.GetTempPath(), "focusbot-bench-trends", Guid.NewGuid().ToString("N"));
        var reuse = kept is not null && File.Exists(Path.Combine(kept, "focusbot.db"));
        try
        {
            await using var services = await OpenAsync(new() { ["Storage:Provider"] = "Sqlite", ["Storage:Sqlite:DataDirectory"] = directory });
            if (!reuse)
            {
                var load = await LoadRawAsync(services, withDeliveries: true);
                Console.WriteLine($"SQLite: {load.Answers:N0} answers of {TrendsBenchData.Weeks} pulses stored in {load.Elapsed.TotalSeconds:F1} s");

                var watch = Stopwatch.StartNew();
                var rebuilt = await services.GetRequiredService<TrendRebuilder>().RebuildAsync(TrendsBenchData.Tenant, default);
                Console.WriteLine($"SQLite: rebuild from raw answers (aggregates + sealing {rebuilt.PeriodsSealed} periods): {watch.Elapsed.TotalSeconds:F1} s");
            }

            var hidden = await CountHiddenAsync(services);
            Console.WriteLine($"SQLite: figures hidden by the privacy gate in this data: {hidden} (one person in five in a second team at random: overlaps of 1-3 people)");

            await RequestsAsync("SQLite", services, Requests);
            await NaiveScanAsync("SQLite", services, runs: 3);
            if (kept is null)
                await IncrementalAsync("SQLite", services);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (kept is null)
                Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task AzuriteAsync()
    {
        // A million answers and a few hundred thousand counters are held in Azurite's memory.
        Environment.SetEnvironmentVariable("NODE_OPTIONS", "--max-old-space-size=12288");
        await using var azurite = await AzuriteServer.StartAsync();
        Dictionary<string, string?> settings = new()
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:ConnectionString"] = azurite.ConnectionString,
            ["Storage:AzureTables:TablePrefix"] = "bench",
        };
        await using var shipped = await OpenAsync(settings);
        var load = await LoadRawAsync(shipped, withDeliveries: false);
        Console.WriteLine($"Azurite: {load.Answers:N0} answers stored in {load.Elapsed.TotalSeconds:F1} s");
        var cells = ComputeCells();
        Console.WriteLine($"Azurite: {cells.Count:N0} aggregate counters computed in memory from the answers (the rebuild's arithmetic)");

        var watch = Stopwatch.StartNew();
        await ApplyAsync(shipped.GetRequiredService<IAggregateStore>(), cells);
        Console.WriteLine($"Azurite: counters written in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        await SealWeeksAsync(shipped);
        Console.WriteLine($"Azurite: 52 weeks and the months and quarters they complete sealed by the privacy gate in {watch.Elapsed.TotalSeconds:F1} s");
        await RequestsAsync("Azurite", shipped, Requests, organisationRequests: 10);
        await NaiveScanAsync("Azurite", shipped, runs: 1);
    }

    /// <summary>`trends team-NNN 52 weeks`: the gate's report for one team and the card built from it, as JSON.</summary>
    private static async Task RequestsAsync(string name, ServiceProvider services, int count, int organisationRequests = 20)
    {
        var gate = services.GetRequiredService<PrivacyGate>();
        var random = new Random(42);
        async Task<int> OneAsync(int team)
        {
            var report = await gate.PublishAsync(new TrendRequest { TenantId = TrendsBenchData.Tenant, Slice = TrendSlices.Team(TrendsBenchData.TeamId(team)), Kind = PeriodKind.Week, Count = 52 }, default);
            // Teams overlap at random here, so the gate hides many team figures: each week must be decided, shown or hidden.
            if (report.Periods.Count != 52 || report.Focus[TrendMeasure.Knowledge].Points.Any(p => p.Status == FigureStatus.NotAvailable))
                throw new InvalidOperationException($"{name}: the report is not the 52 sealed weeks the data holds.");
            return TrendCard.Create(report, null, new Uri("https://focusbot.example/r"), new Uri("https://focusbot.example/c")).ToUtf8Bytes().Length;
        }

        for (var i = 0; i < 10; i++)
            await OneAsync(random.Next(TrendsBenchData.Teams));
        var times = new List<double>(count);
        var bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            bytes = await OneAsync(random.Next(TrendsBenchData.Teams));
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"{name}: `trends <team> 52 weeks` x{count}: p50 {Percentile(times, 0.50):F1} ms, p95 {Percentile(times, 0.95):F1} ms, p99 {Percentile(times, 0.99):F1} ms, max {times[^1]:F1} ms (goal p99 < 100 ms); card {bytes:N0} bytes");

        if (organisationRequests == 0)
            return;
        var orgTimes = new List<double>();
        for (var i = 0; i < organisationRequests; i++)
        {
            var watch = Stopwatch.StartNew();
            await gate.PublishAsync(new TrendRequest { TenantId = TrendsBenchData.Tenant, Count = 12, TeamPeriods = 2 }, default);
            orgTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        orgTimes.Sort();
        Console.WriteLine($"{name}: `trends` (organisation, 12 weeks, table of all 200 teams) x{orgTimes.Count}: p50 {Percentile(orgTimes, 0.5):F1} ms, max {orgTimes[^1]:F1} ms");

        var pageTimes = new List<double>();
        for (var i = 0; i < Math.Max(3, organisationRequests / 4); i++)
        {
            var watch = Stopwatch.StartNew();
            await gate.PublishAsync(new TrendRequest { TenantId = TrendsBenchData.Tenant, Count = 52, TeamPeriods = 52, IncludeBreakdowns = true }, default);
            pageTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        pageTimes.Sort();
        Console.WriteLine($"{name}: organisation report page (52 weeks, all 200 teams by week, levels, tags, questions) x{pageTimes.Count}: p50 {Percentile(pageTimes, 0.5):F1} ms, max {pageTimes[^1]:F1} ms (goal < 1 s)");

        await ReviewPackAsync(name, services, "last quarter", Math.Max(3, organisationRequests / 4));
        await ReviewPackAsync(name, services, TrendPeriod.WeekOf(DateOnly.FromDateTime(TrendsBenchData.FirstPulse.UtcDateTime)).FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            + " to " + DateOnly.FromDateTime(TrendsBenchData.Now.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Math.Max(3, organisationRequests / 4));
    }

    /// <summary>
    /// Customer KPIs a quality manager would import: every team's CSAT each quarter and the organisation's complaints each
    /// month of the data's year (812 values), unless they are there already.
    /// </summary>
    private static async Task ImportKpisAsync(ServiceProvider services)
    {
        var store = services.GetRequiredService<IKpiStore>();
        if ((await store.ListValuesAsync(TrendsBenchData.Tenant, default)).Count > 0)
            return;
        var random = new Random(7);
        var first = DateOnly.FromDateTime(TrendsBenchData.FirstPulse.UtcDateTime);
        var last = DateOnly.FromDateTime(TrendsBenchData.Now.UtcDateTime);
        KpiValue Value(KpiDefinition kpi, TrendPeriod period, string team, double value) => new()
        {
            TenantId = TrendsBenchData.Tenant,
            Kpi = kpi.Key,
            Period = period,
            TeamId = team,
            Value = value,
            ImportedBy = "bench",
            ImportedAt = TrendsBenchData.Now,
        };
        var values = new List<KpiValue>();
        for (var quarter = TrendPeriod.Holding(PeriodKind.Quarter, first); quarter <= TrendPeriod.Holding(PeriodKind.Quarter, last); quarter = quarter.Next())
        {
            for (var team = 0; team < TrendsBenchData.Teams; team++)
                values.Add(Value(KnownKpis.Csat, quarter, TrendsBenchData.TeamId(team), Math.Round(60 + (random.NextDouble() * 35), 1)));
        }

        for (var month = TrendPeriod.Holding(PeriodKind.Month, first); month <= TrendPeriod.Holding(PeriodKind.Month, last); month = month.Next())
            values.Add(Value(KnownKpis.Complaints, month, string.Empty, random.Next(20, 80)));
        await store.ImportAsync(TrendsBenchData.Tenant, [], values, default);
    }

    /// <summary>The ISO 9001 review pack of a range: gathered, rendered as the page and written as the CSV, as its two links do.</summary>
    private static async Task ReviewPackAsync(string name, ServiceProvider services, string rangeText, int runs)
    {
        await ImportKpisAsync(services);
        var (range, problem) = ReviewRange.Parse(rangeText, DateOnly.FromDateTime(TrendsBenchData.Now.UtcDateTime));
        if (range is null)
            throw new InvalidOperationException(problem);
        var builder = services.GetRequiredService<ReviewPackBuilder>();
        var times = new List<double>();
        var bytes = 0;
        for (var i = 0; i < runs + 1; i++)
        {
            var watch = Stopwatch.StartNew();
            var pack = await builder.BuildAsync(TrendsBenchData.Tenant, range, default);
            bytes = ReviewPackPage.Render(pack, "nonce", "/csv").Length + ReviewPackCsv.Write(pack).Length;
            if (pack.Figures.Teams.Count == 0 || pack.Kpis.Count != 2 || pack.Levels.Teams.Count == 0)
                throw new InvalidOperationException($"{name}: the review pack lacks its teams, KPIs or levels.");
            // The first run warms the code up; it is not reported.
            if (i > 0)
                times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"{name}: review pack ({range.Label}, {range.Count} {range.Kind.ToString().ToLowerInvariant()}s, page + CSV {bytes:N0} chars) x{times.Count}: p50 {Percentile(times, 0.5):F1} ms, max {times[^1]:F1} ms (goal < 2 s)");
    }

    /// <summary>What a report without aggregates would do: read every answer of 52 pulses and score one team's.</summary>
    private static async Task NaiveScanAsync(string name, ServiceProvider services, int runs)
    {
        var answers = services.GetRequiredService<IAnswerStore>();
        var bank = TrendsBenchData.Questions.ToDictionary(q => q.Id);
        var team = TrendsBenchData.TeamId(123);
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            long read = 0, correct = 0, quiz = 0;
            for (var week = 0; week < TrendsBenchData.Weeks; week++)
            {
                if (week == 1 && run == 0)
                    Console.WriteLine($"{name}: naive scan, first of 52 pulses read in {watch.Elapsed.TotalSeconds:F1} s");
                await foreach (var answer in answers.ListByPulseAsync(TrendsBenchData.Pulse(week).Id, default))
                {
                    read++;
                    if (answer.TeamIds.Contains(team) && bank[answer.QuestionId].Kind == QuestionKind.Quiz)
                    {
                        quiz++;
                        correct += answer.Value == "1" ? 1 : 0;
                    }
                }
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
            if (run == runs - 1)
                Console.WriteLine($"{name}: naive scan of the raw answers for one team over 52 weeks: {read:N0} answers read, {times.Min() / 1000:F2} s (best of {runs}); knowledge {100.0 * correct / quiz:F1}%");
        }
    }

    /// <summary>The incremental path: what recording one changed answer costs (the pulse feature calls it per answer).</summary>
    private static async Task IncrementalAsync(string name, ServiceProvider services)
    {
        var recorder = services.GetRequiredService<TrendRecorder>();
        var store = services.GetRequiredService<IAnswerStore>();
        var week = TrendsBenchData.Weeks - 1;
        var pulse = TrendsBenchData.Pulse(week);
        var bank = TrendsBenchData.Questions.ToDictionary(q => q.Id);
        var answers = TrendsBenchData.Answers(pulse, week).Where(a => bank[a.QuestionId].Kind == QuestionKind.Agreement).Take(1_000).ToList();
        var times = new List<double>();
        foreach (var answer in answers)
        {
            var changed = answer with { Value = answer.Value == "5" ? "1" : "5" };
            var watch = Stopwatch.StartNew();
            await store.UpsertAsync(changed, default);
            await recorder.RecordAnswerAsync(pulse, bank[answer.QuestionId], changed, default);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"{name}: storing a changed answer and moving its contribution: p50 {Percentile(times, 0.5):F2} ms, p99 {Percentile(times, 0.99):F2} ms (x{times.Count})");
    }

    private static async Task<(long Answers, TimeSpan Elapsed)> LoadRawAsync(ServiceProvider services, bool withDeliveries)
    {
        var watch = Stopwatch.StartNew();
        await services.GetRequiredService<IQuestionStore>().ReplaceBankAsync(TrendsBenchData.Questions, default);
        var roster = services.GetRequiredService<IRosterStore>();
        var conversations = services.GetRequiredService<IConversationStore>();
        foreach (var team in TrendsBenchData.Rosters())
        {
            await roster.ReplaceTeamRosterAsync(TrendsBenchData.Tenant, team.Key, [.. team.Select(user => new TeamMember { TenantId = TrendsBenchData.Tenant, TeamId = team.Key, UserId = user })], default);
            await conversations.UpsertAsync(new ConversationRecord
            {
                TenantId = TrendsBenchData.Tenant,
                ConversationId = "19:" + team.Key,
                Kind = ConversationKind.Channel,
                ServiceUrl = "http://127.0.0.1/",
                BotId = "28:bench",
                TeamId = team.Key,
                TeamName = "Team " + team.Key[5..],
                InstalledAt = TrendsBenchData.FirstPulse,
                UpdatedAt = TrendsBenchData.FirstPulse,
            }, default);
        }

        long count = 0;
        var pulses = services.GetRequiredService<IPulseStore>();
        var answers = services.GetRequiredService<IAnswerStore>();
        var deliveries = services.GetRequiredService<IDeliveryStore>();
        for (var week = 0; week < TrendsBenchData.Weeks; week++)
        {
            var pulse = TrendsBenchData.Pulse(week);
            await pulses.CreateAsync(pulse, default);
            var batch = TrendsBenchData.Answers(pulse, week);
            foreach (var chunk in batch.Chunk(5_000))
                await answers.UpsertManyAsync(pulse.Id, chunk, default);
            if (withDeliveries)
                await deliveries.CreateIfMissingAsync(TrendsBenchData.Deliveries(pulse), default);
            count += batch.Count;
        }

        return (count, watch.Elapsed);
    }

    /// <summary>The rebuild's arithmetic, on the generated answers (reading them back from Azurite would take far longer).</summary>
    private static Dictionary<CellId, long> ComputeCells()
    {
        var bank = TrendsBenchData.Questions.ToDictionary(q => q.Id);
        var cells = new Dictionary<CellId, long>();
        for (var week = 0; week < TrendsBenchData.Weeks; week++)
        {
            var pulse = TrendsBenchData.Pulse(week);
            foreach (var respondent in TrendsBenchData.Answers(pulse, week).GroupBy(a => a.RespondentPseudonym))
                TrendContributions.Accumulate(cells, TrendContributions.OfRespondent(pulse, respondent.Select(a => (bank[a.QuestionId], a))));
            foreach (var person in TrendsBenchData.People())
                TrendContributions.Accumulate(cells, TrendContributions.OfDelivery(pulse, person.TeamIds));
        }

        return cells;
    }

    private static async Task ApplyAsync(IAggregateStore store, Dictionary<CellId, long> cells)
    {
        var deltas = TrendContributions.ToDeltas(TrendsBenchData.Tenant, cells);
        await Parallel.ForEachAsync(deltas.GroupBy(d => d.Slice).SelectMany(slice => slice.Chunk(2_000)), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (chunk, token) => await store.ApplyDeltasAsync(chunk, token));
    }

    /// <summary>Seals the 52 weeks with the real gate (months and quarters are not part of a weekly request).</summary>
    private static async Task SealWeeksAsync(ServiceProvider services)
    {
        // As the digest service does: the weeks, then each month and quarter that has ended with all its weeks sealed.
        var pulses = Enumerable.Range(0, TrendsBenchData.Weeks).Select(TrendsBenchData.Pulse).ToList();
        await services.GetRequiredService<PrivacyGate>().SealAsync(TrendsBenchData.Tenant, pulses, default);
    }

    private static async Task<string> CountHiddenAsync(ServiceProvider services)
    {
        var report = await services.GetRequiredService<PrivacyGate>().PublishAsync(
            new TrendRequest { TenantId = TrendsBenchData.Tenant, Count = 52, TeamPeriods = 52, IncludeBreakdowns = true }, default);
        var points = report.Teams.Append(report.Organisation).Concat(report.Levels).Concat(report.Tags)
            .SelectMany(s => s.Measures.Where(m => m.Measure != TrendMeasure.Voice)).SelectMany(m => m.Points).ToList();
        return $"{points.Count(p => p.Status == FigureStatus.Hidden):N0} of {points.Count:N0}";
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<ServiceProvider> OpenAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedTimeProvider(TrendsBenchData.Now))
            .AddLogging()
            .AddOptions()
            .AddFocusBotStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton(new PrivacyThresholds())
            .AddSingleton<PrivacyGate>()
            .AddSingleton(sp => new RawAnswerRetention(RawAnswerRetention.DefaultMonths, sp.GetRequiredService<ISettingsStore>(), sp.GetRequiredService<TimeProvider>()))
            .AddSingleton<TrendRebuilder>()
            .AddSingleton<TeamChannels>()
            .AddSingleton(new MasteryRule { MinRespondents = new PrivacyThresholds().MinimumGroupSize })
            .AddSingleton<TeamLevelsReader>()
            .AddSingleton<KpiOverviewReader>()
            .AddSingleton<RoleResolver>()
            .AddSingleton<ReviewPackBuilder>()
            .AddSingleton(sp => new TrendRecorder(sp.GetRequiredService<IAnswerStore>(), sp.GetRequiredService<IQuestionStore>(), sp.GetRequiredService<IAggregateStore>(), sp.GetRequiredService<ICountedAnswersStore>(),
                NullLogger<TrendRecorder>.Instance));
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStorageInitializer>().InitializeAsync(default);
        return provider;
    }
}
