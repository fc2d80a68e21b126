using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FocusBot.TestSupport;

/// <summary>
/// Plays login.botframework.com for tests: a real HTTP server on loopback serving OpenID metadata and a JWKS with
/// endorsements, and mints tokens signed by throwaway RSA keys.
/// </summary>
public sealed class BotFrameworkTokenIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, (RSA Key, string[] Endorsements)> _published = [];
    private readonly Lock _gate = new();

    private BotFrameworkTokenIssuer(WebApplication app) => _app = app;

    public string MetadataUrl { get; private set; } = string.Empty;

    public int MetadataRequests { get; private set; }

    public static async Task<BotFrameworkTokenIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new BotFrameworkTokenIssuer(app);
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) =>
        {
            issuer.MetadataRequests++;
            var origin = $"{http.Request.Scheme}://{http.Request.Host}";
            return Results.Text(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["issuer"] = "https://api.botframework.com",
                ["jwks_uri"] = $"{origin}/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            }), "application/json");
        });
        app.MapGet("/v1/.well-known/keys", () => Results.Text(issuer.JwksJson(), "application/json"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        issuer.MetadataUrl = $"{address}/v1/.well-known/openidconfiguration";
        return issuer;
    }

    /// <summary>Publishes a new signing key endorsed for the given channels.</summary>
    public void Publish(string keyId, params string[] endorsements)
    {
        lock (_gate)
            _published[keyId] = (RSA.Create(2048), endorsements);
    }

    public void Unpublish(string keyId)
    {
        lock (_gate)
            _published.Remove(keyId);
    }

    public string Mint(TokenRequest request)
    {
        RSA rsa;
        lock (_gate)
            rsa = request.SigningKey ?? _published[request.KeyId].Key;
        var key = new RsaSecurityKey(rsa) { KeyId = request.KeyId };
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["appid"] = request.Audience };
        if (request.ServiceUrl is not null)
            claims["serviceurl"] = request.ServiceUrl;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = request.Issuer,
            Audience = request.Audience,
            Claims = claims,
            NotBefore = now.Add(request.Lifetime.Start),
            IssuedAt = now.Add(request.Lifetime.Start),
            Expires = now.Add(request.Lifetime.End),
            SigningCredentials = new SigningCredentials(key, request.Algorithm),
        });
    }

    private string JwksJson()
    {
        lock (_gate)
        {
            var keys = _published.Select(p =>
            {
                var parameters = p.Value.Key.ExportParameters(false);
                return new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = p.Key,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    ["endorsements"] = p.Value.Endorsements,
                };
            });
            return JsonSerializer.Serialize(new { keys });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var (key, _) in _published.Values)
            key.Dispose();
    }
}

/// <summary>What to put in a minted token; the defaults make a valid Bot Framework token.</summary>
public sealed record TokenRequest(string Audience, string? ServiceUrl)
{
    public string Issuer { get; init; } = "https://api.botframework.com";

    public string KeyId { get; init; } = "key-1";

    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;

    /// <summary>Not-before and expiry, relative to now.</summary>
    public (TimeSpan Start, TimeSpan End) Lifetime { get; init; } = (TimeSpan.FromMinutes(-1), TimeSpan.FromMinutes(30));

    /// <summary>Sign with a key that is not the published one (a forged token).</summary>
    public RSA? SigningKey { get; init; }
}
