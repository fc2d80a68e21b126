using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using FocusBot.Protocol.Authentication;
using FocusBot.Protocol.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace FocusBot.Protocol.Tests.Authentication;

/// <summary>
/// The signing keys client as AddBotFramework registers it (the standard resilience handler), against a real metadata
/// server on loopback: a passing failure is retried, a refusal is not.
/// </summary>
public sealed class SigningKeysResilienceTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<int> _metadataFailures = new();
    private readonly RSA _key = RSA.Create(2048);
    private WebApplication _server = null!;
    private ServiceProvider _services = null!;
    private int _metadataRequests;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) =>
        {
            Interlocked.Increment(ref _metadataRequests);
            if (_metadataFailures.TryDequeue(out var status))
                return Results.StatusCode(status);
            var jwks = $"{http.Request.Scheme}://{http.Request.Host}/v1/.well-known/keys";
            return Results.Text(JsonSerializer.Serialize(new Dictionary<string, string> { ["jwks_uri"] = jwks }), "application/json");
        });
        _server.MapGet("/v1/.well-known/keys", () =>
        {
            var parameters = _key.ExportParameters(false);
            var key = new Dictionary<string, object>
            {
                ["kty"] = "RSA",
                ["kid"] = "key-1",
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["endorsements"] = new[] { "msteams" },
            };
            return Results.Text(JsonSerializer.Serialize(new { keys = new[] { key } }), "application/json");
        });
        await _server.StartAsync();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BotOpenIdMetadata"] = $"{address}/v1/.well-known/openidconfiguration",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddBotFramework(configuration, isDevelopment: true).BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task FindAsync_MetadataAnswers503ThenServes_IsRetriedAndFindsTheKey()
    {
        _metadataFailures.Enqueue(StatusCodes.Status503ServiceUnavailable);

        var key = await _services.GetRequiredService<BotSigningKeys>().FindAsync("key-1", CancellationToken.None);

        Assert.NotNull(key);
        Assert.Contains("msteams", key.Endorsements);
        Assert.Equal(2, _metadataRequests);
    }

    [Fact]
    public async Task FindAsync_MetadataAnswers404_IsNotRetried()
    {
        _metadataFailures.Enqueue(StatusCodes.Status404NotFound);

        var error = await Assert.ThrowsAsync<HttpRequestException>(
            () => _services.GetRequiredService<BotSigningKeys>().FindAsync("key-1", CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(1, _metadataRequests);
    }
}
