using System.Net;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FocusBot.Protocol.Authentication;

/// <summary>The verdict on an inbound request: allowed, 401 (no valid token) or 403 (valid token, wrong channel or service).</summary>
public sealed record AuthenticationOutcome(HttpStatusCode Status, string Reason)
{
    public bool Allowed => Status == HttpStatusCode.OK;

    public static AuthenticationOutcome Allow(string reason) => new(HttpStatusCode.OK, reason);

    public static AuthenticationOutcome Unauthorized(string reason) => new(HttpStatusCode.Unauthorized, reason);

    public static AuthenticationOutcome Forbidden(string reason) => new(HttpStatusCode.Forbidden, reason);
}

/// <summary>
/// Authenticates POST /api/messages by the Bot Framework rules: a Bearer JWT issued by https://api.botframework.com for
/// our app id, signed RS256/384/512 by a published key endorsed for the activity's channel, whose serviceurl claim is the
/// activity's serviceUrl, with five minutes of clock skew.
/// </summary>
public sealed class BotRequestAuthenticator(IOptions<BotFrameworkOptions> options, BotSigningKeys keys)
{
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, IPAddress? remoteAddress,
        CancellationToken cancellationToken)
    {
        var bot = options.Value;
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            if (!bot.HasAppId && bot.DevelopmentWithoutAppId && remoteAddress is not null && IPAddress.IsLoopback(remoteAddress))
            {
                // Unauthenticated traffic must not be able to aim the bot's replies at another machine.
                return Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) && ServiceUrlGuard.IsLoopback(serviceUrl)
                    ? AuthenticationOutcome.Allow("development without app id, loopback caller")
                    : AuthenticationOutcome.Forbidden("development mode only serves loopback service URLs");
            }

            return AuthenticationOutcome.Unauthorized("missing Authorization header");
        }

        if (!bot.HasAppId)
            return AuthenticationOutcome.Unauthorized("no MicrosoftAppId configured to validate tokens against");

        var parts = authorizationHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            return AuthenticationOutcome.Unauthorized("not a Bearer token");

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return AuthenticationOutcome.Unauthorized("malformed token");
        }

        if (string.IsNullOrEmpty(token.Kid))
            return AuthenticationOutcome.Unauthorized("token names no signing key");
        var key = await keys.FindAsync(token.Kid, cancellationToken).ConfigureAwait(false);
        if (key is null)
            return AuthenticationOutcome.Unauthorized("unknown signing key");

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = BotFrameworkOptions.BotFrameworkIssuer,
            ValidAudience = bot.MicrosoftAppId,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = AllowedAlgorithms,
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
        }).ConfigureAwait(false);
        if (!result.IsValid)
            return AuthenticationOutcome.Unauthorized($"token rejected: {result.Exception?.GetType().Name}");

        if (string.IsNullOrEmpty(activity.ChannelId) || !key.Endorsements.Contains(activity.ChannelId))
            return AuthenticationOutcome.Forbidden("signing key not endorsed for the activity's channel");

        var serviceUrlClaim = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        if (string.IsNullOrEmpty(serviceUrlClaim) || !string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return AuthenticationOutcome.Forbidden("serviceurl claim does not match the activity");

        return AuthenticationOutcome.Allow("valid Bot Framework token");
    }
}
