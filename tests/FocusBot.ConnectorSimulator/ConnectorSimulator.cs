using System.Net;
using FocusBot.ConnectorSimulator.Faults;
using FocusBot.ConnectorSimulator.RateLimiting;
using FocusBot.ConnectorSimulator.Recording;
using FocusBot.ConnectorSimulator.Roster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FocusBot.ConnectorSimulator;

/// <summary>
/// An in-process fake of the Teams Bot Connector REST service on a loopback port. Point the bot's serviceUrl at
/// <see cref="BaseUrl"/>, then inspect what it sent. All members are thread-safe.
/// </summary>
public sealed partial class ConnectorSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConnectorRequestHandler _handler;
    private readonly ConversationDirectory _directory;
    private readonly SimulatorLog _log;
    private readonly ConnectorRateLimiter _rateLimiter;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private ConnectorSimulator(
        WebApplication app,
        ConnectorRequestHandler handler,
        ConversationDirectory directory,
        SimulatorLog log,
        ConnectorRateLimiter rateLimiter,
        FaultInjector faults,
        CancellationTokenSource stopping)
    {
        _app = app;
        _handler = handler;
        _directory = directory;
        _log = log;
        _rateLimiter = rateLimiter;
        Faults = faults;
        _stopping = stopping;
    }

    /// <summary>Root URL ending in <c>/</c>, e.g. <c>http://127.0.0.1:54321/</c>; the bot appends <c>v3/...</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public Uri BaseUri => new(BaseUrl);

    /// <summary>Faults to inject, and blocked or removed conversations.</summary>
    public FaultInjector Faults { get; }

    public string DefaultTenantId => _directory.DefaultTenantId;

    public static async Task<ConnectorSimulator> StartAsync(
        ConnectorSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ConnectorSimulatorOptions();
        var directory = new ConversationDirectory(options.DefaultTenantId);
        var log = new SimulatorLog();
        var faults = new FaultInjector();
        var rateLimiter = new ConnectorRateLimiter(options.RateLimits, options.EnforceRateLimits, options.TimeProvider);
        var stopping = new CancellationTokenSource();
        var handler = new ConnectorRequestHandler(directory, log, faults, rateLimiter, options.TimeProvider, stopping.Token);

        // The empty builder reads no configuration or environment and adds no logging providers: nothing on the
        // machine can change where it listens, and Kestrel logs nothing.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        app.Run(handler.HandleAsync);

        var simulator = new ConnectorSimulator(app, handler, directory, log, rateLimiter, faults, stopping);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        simulator.BaseUrl = address.TrimEnd('/') + "/";
        return simulator;
    }

    /// <summary>From now on, requests without <c>Authorization: Bearer {token}</c> get 401; null lifts the requirement.</summary>
    public void RequireBearer(string? token) => _handler.RequireBearer(token);

    /// <summary>Makes a conversation known (as if Teams had sent the bot an activity from it) with an optional roster.</summary>
    public void AddConversation(string conversationId, string? tenantId = null, IEnumerable<SimulatedMember>? members = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        _directory.AddConversation(conversationId, tenantId, [.. members ?? []]);
    }

    /// <summary>Registers a team: its details, channels (each a known conversation) and the roster they all share.</summary>
    public void AddTeam(SimulatedTeam team)
    {
        ArgumentNullException.ThrowIfNull(team);
        _directory.AddTeam(team);
    }

    /// <summary>Registers a team whose channels are <paramref name="conversationIds"/> (the team id is added as General).</summary>
    public void AddTeam(string teamId, IEnumerable<string> conversationIds, IEnumerable<SimulatedMember> members)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        ArgumentNullException.ThrowIfNull(conversationIds);
        ArgumentNullException.ThrowIfNull(members);
        _directory.AddTeam(new SimulatedTeam(teamId)
        {
            Channels = [.. conversationIds.Select(id => new SimulatedChannel(id))],
            Members = [.. members],
        });
    }

    /// <summary>
    /// Serves a few sends to itself, then forgets them (<see cref="Reset"/>). A simulator's first requests run its code
    /// for the first time in the process: they are admitted late, all together, which a real Teams never does, and a
    /// well-paced fan-out's first second then counts 429s the simulator's own start drew. Call it before a test that
    /// counts 429s.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        const string tenant = "warm-up";
        var chats = Enumerable.Range(0, 6).Select(i => $"a:warm-up-{i}").ToArray();
        foreach (var chat in chats)
            AddConversation(chat, tenant);
        using var http = new HttpClient { BaseAddress = BaseUri };
        await Task.WhenAll(chats.Select(async chat =>
        {
            using var body = new StringContent("""{"type":"message","text":"warm-up"}""", System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync($"v3/conversations/{chat}/activities", body, cancellationToken);
        }));
        Reset();
    }

    /// <summary>
    /// Forgets recordings, the 429 count, rate-limit history and faults (incl. blocks and removals). Known
    /// conversations, teams and the bearer requirement stay.
    /// </summary>
    public void Reset()
    {
        _log.Clear();
        _rateLimiter.Clear();
        Faults.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Release requests held by timeout faults first, or stopping would wait for them.
        await _stopping.CancelAsync();
        using (var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(giveUp.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopping timed out; disposing below still closes the listener.
            }
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
