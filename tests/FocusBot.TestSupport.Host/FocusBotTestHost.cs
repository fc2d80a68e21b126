using System.Net.Http.Headers;
using System.Text;
using FocusBot.Protocol.Connector;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.TestSupport;

/// <summary>
/// FocusBot on a real Kestrel port on loopback, with a fresh SQLite store in a temp folder, and settings a test chooses.
/// </summary>
public sealed class FocusBotTestHost : WebApplicationFactory<Program>
{
    public const string AppId = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _configureServices;

    public FocusBotTestHost(string environment = "Development", IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        _environment = environment;
        _configureServices = configureServices;
        DataDirectory = Directory.CreateTempSubdirectory("focusbot-test-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Sqlite:DataDirectory"] = DataDirectory,
            ["DevTools:Playground:Enabled"] = "false",
            // Fast retries: the tests are about which calls are retried, not how long the waits are.
            ["Teams:Connector:BaseDelay"] = "00:00:00.050",
            ["Teams:Connector:MaxDelay"] = "00:00:02",
            ["Teams:Connector:AttemptTimeout"] = "00:00:02",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
        UseKestrel(0);
    }

    public string DataDirectory { get; }

    /// <summary>A host that validates tokens against <paramref name="issuer"/> and sends outbound calls with a fixed token.</summary>
    public static FocusBotTestHost WithAppId(BotFrameworkTokenIssuer issuer, string environment = "Production",
        Action<IServiceCollection>? configureServices = null) => new(environment,
        new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-used-outbound-is-faked",
            ["MicrosoftAppTenantId"] = "3f2a9c41-5b8d-4e6f-a1c2-7d9e0b4f6a88",
            ["BotOpenIdMetadata"] = issuer.MetadataUrl,
            ["Privacy:PseudonymSecret"] = "test-secret-of-sufficient-length-0123456789",
        },
        // Entra ID is not reachable from tests: outbound tokens are the one thing faked.
        services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IBotTokenProvider>(new FixedTokenProvider("outbound-test-token")));
            configureServices?.Invoke(services);
        });

    public HttpClient Client => _client ??= CreateClient();

    private HttpClient? _client;

    public async Task<HttpResponseMessage> PostActivityAsync(string json, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await Client.SendAsync(request);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // UseSetting, not ConfigureAppConfiguration: Program reads some settings (the storage backend) while it builds,
        // before configuration added by the factory would be visible.
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_configureServices is not null)
            builder.ConfigureServices(_configureServices);
    }

    public override async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment on shutdown; the temp folder is cleaned by the OS.
        }
    }

    private sealed class FixedTokenProvider(string token) : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(token);
    }
}
