using System.Net;
using Microsoft.Extensions.Options;

namespace FocusBot.Protocol.Connector;

/// <summary>
/// Decides which service URLs the bot may call. Without an app id (development) only loopback is allowed, so no inbound
/// request can make the bot send data elsewhere; with an app id the URL came from a token-verified activity.
/// </summary>
public sealed class ServiceUrlGuard(IOptions<BotFrameworkOptions> options)
{
    public Uri Check(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new InvalidOperationException("The conversation's service URL is not an absolute http(s) URL.");
        var loopback = IsLoopback(uri);
        if (!options.Value.HasAppId && !loopback)
            throw new InvalidOperationException("Without MicrosoftAppId FocusBot only calls loopback service URLs.");
        if (uri.Scheme == Uri.UriSchemeHttp && !loopback)
            throw new InvalidOperationException("Service URLs must use https unless they are on this machine.");
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
