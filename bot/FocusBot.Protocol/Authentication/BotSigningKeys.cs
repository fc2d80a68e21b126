using System.Text.Json;
using FocusBot.Protocol.Connector;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace FocusBot.Protocol.Authentication;

/// <summary>A signing key published by the Bot Framework, with the channels it is endorsed for.</summary>
public sealed record EndorsedKey(JsonWebKey Key, IReadOnlySet<string> Endorsements);

/// <summary>
/// The Bot Framework's signing keys from the OpenID metadata's JWKS, cached for a day and refreshed early when a token
/// names a key we do not know (key rollover). The JWKS is parsed here rather than by the OpenID library because the
/// library drops the <c>endorsements</c> field the channel check needs.
/// </summary>
public sealed class BotSigningKeys(HttpClient http, IOptions<BotFrameworkOptions> options, TimeProvider timeProvider) : IDisposable
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(24);

    // An attacker can send tokens with random key ids; refreshing at most this often keeps them from hammering the metadata.
    private static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Dictionary<string, EndorsedKey> _keys = new(StringComparer.Ordinal);
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public async Task<EndorsedKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now - _loadedAt > CacheLifetime)
            await RefreshAsync(_loadedAt, cancellationToken).ConfigureAwait(false);
        if (_keys.TryGetValue(keyId, out var key))
            return key;
        if (now - _loadedAt > UnknownKeyRefreshInterval)
        {
            await RefreshAsync(_loadedAt, cancellationToken).ConfigureAwait(false);
            _keys.TryGetValue(keyId, out key);
        }

        return key;
    }

    private async Task RefreshAsync(DateTimeOffset seenLoadedAt, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_loadedAt != seenLoadedAt)
                return; // another request refreshed while we waited
            var metadataUri = CheckedUri(options.Value.BotOpenIdMetadata);
            using var metadata = await GetJsonAsync(metadataUri, cancellationToken).ConfigureAwait(false);
            var jwksUri = CheckedUri(metadata.RootElement.GetProperty("jwks_uri").GetString() ?? string.Empty);
            using var jwks = await GetJsonAsync(jwksUri, cancellationToken).ConfigureAwait(false);

            var keys = new Dictionary<string, EndorsedKey>(StringComparer.Ordinal);
            foreach (var element in jwks.RootElement.GetProperty("keys").EnumerateArray())
            {
                var key = new JsonWebKey(element.GetRawText());
                if (string.IsNullOrEmpty(key.Kid))
                    continue;
                var endorsements = element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToHashSet(StringComparer.Ordinal)
                    : [];
                keys[key.Kid] = new EndorsedKey(key, endorsements);
            }

            _keys = keys;
            _loadedAt = timeProvider.GetUtcNow();
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<JsonDocument> GetJsonAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _refresh.Dispose();

    /// <summary>Metadata and keys must come over https, or http on this machine (tests).</summary>
    internal static Uri CheckedUri(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && ServiceUrlGuard.IsLoopback(uri))))
            throw new InvalidOperationException($"BotOpenIdMetadata and its jwks_uri must be https (http only on loopback): '{value}'.");
        return uri;
    }
}
