using System.Net;
using System.Security.Cryptography;
using FocusBot.ConnectorSimulator;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace FocusBot.Tests.Messaging;

/// <summary>Every Bot Framework authentication rule, through a real POST /api/messages on Kestrel.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private BotFrameworkTokenIssuer _issuer = null!;
    private ConnectorSimulator.ConnectorSimulator _connector = null!;
    private FocusBotTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await BotFrameworkTokenIssuer.StartAsync();
        _issuer.Publish("key-1", "msteams");
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions());
        _connector.AddConversation("a:1xYfakePersonalChatRuth");
        _host = FocusBotTestHost.WithAppId(_issuer);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private string Help => ActivityFixtures.Load("message.personal", _connector.BaseUrl);

    private TokenRequest Valid => new(FocusBotTestHost.AppId, _connector.BaseUrl);

    [Fact]
    public async Task Post_ValidToken_IsAcceptedAndAnswered()
    {
        var response = await _host.PostActivityAsync(Help, _issuer.Mint(Valid));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await _connector.WaitForSentAsync(1, TimeSpan.FromSeconds(10));
        Assert.Equal("Bearer outbound-test-token", _connector.Requests[^1].Authorization);
        Assert.Single(sent);
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task Post_OtherAllowedRsaAlgorithms_AreAccepted(string algorithm)
    {
        var response = await _host.PostActivityAsync(Help, _issuer.Mint(Valid with { Algorithm = algorithm }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_ExpiredBeyondClockSkew_Is401()
    {
        var token = _issuer.Mint(Valid with { Lifetime = (TimeSpan.FromHours(-2), TimeSpan.FromMinutes(-6)) });

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.PostActivityAsync(Help, token)).StatusCode);
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task Post_ExpiredWithinClockSkew_IsAccepted()
    {
        var token = _issuer.Mint(Valid with { Lifetime = (TimeSpan.FromHours(-1), TimeSpan.FromMinutes(-3)) });

        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(Help, token)).StatusCode);
    }

    [Fact]
    public async Task Post_WrongAudience_Is401()
    {
        var token = _issuer.Mint(Valid with { Audience = "11111111-2222-3333-4444-555555555555" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.PostActivityAsync(Help, token)).StatusCode);
    }

    [Fact]
    public async Task Post_WrongIssuer_Is401()
    {
        var token = _issuer.Mint(Valid with { Issuer = "https://login.microsoftonline.com/common/v2.0" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.PostActivityAsync(Help, token)).StatusCode);
    }

    [Fact]
    public async Task Post_SignedByAnUnpublishedKeyWithAKnownKid_Is401()
    {
        using var forger = RSA.Create(2048);

        var token = _issuer.Mint(Valid with { SigningKey = forger });

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.PostActivityAsync(Help, token)).StatusCode);
    }

    [Fact]
    public async Task Post_SymmetricAlgorithm_Is401()
    {
        var parts = _issuer.Mint(Valid).Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"HS256","kid":"key-1","typ":"JWT"}""");

        var token = $"{header}.{parts[1]}.{parts[2]}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.PostActivityAsync(Help, token)).StatusCode);
    }

    [Fact]
    public async Task Post_UnknownKid_Is401()
    {
        _issuer.Publish("unpublished-later");
        var token = _issuer.Mint(Valid with { KeyId = "unpublished-later" });
        _issuer.Unpublish("unpublished-later");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.PostActivityAsync(Help, token)).StatusCode);
    }

    [Fact]
    public async Task Post_KeyEndorsedForAnotherChannelOnly_Is403()
    {
        _issuer.Publish("webchat-key", "webchat");

        var token = _issuer.Mint(Valid with { KeyId = "webchat-key" });

        Assert.Equal(HttpStatusCode.Forbidden, (await _host.PostActivityAsync(Help, token)).StatusCode);
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task Post_ServiceUrlClaimDiffersFromActivity_Is403()
    {
        var token = _issuer.Mint(Valid with { ServiceUrl = "https://smba.trafficmanager.net/emea/" });

        Assert.Equal(HttpStatusCode.Forbidden, (await _host.PostActivityAsync(Help, token)).StatusCode);
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task Post_NoServiceUrlClaim_Is403()
    {
        var token = _issuer.Mint(Valid with { ServiceUrl = null });

        Assert.Equal(HttpStatusCode.Forbidden, (await _host.PostActivityAsync(Help, token)).StatusCode);
    }

    [Fact]
    public async Task Post_NoAuthorizationHeaderWithAppId_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.PostActivityAsync(Help)).StatusCode);
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task Post_NotABearerScheme_Is401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(Help) };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Post_TokenFromARolledOverKey_IsAcceptedOnceTheRefreshThrottleAllows()
    {
        var clock = new ShiftableTimeProvider();
        await using var host = FocusBotTestHost.WithAppId(_issuer, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(Help, _issuer.Mint(Valid))).StatusCode);
        _issuer.Publish("key-2", "msteams");
        var rolledOver = _issuer.Mint(Valid with { KeyId = "key-2" });

        // Within a minute of the last download an unknown kid does not trigger another one (no metadata hammering)...
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostActivityAsync(Help, rolledOver)).StatusCode);
        clock.Offset = TimeSpan.FromMinutes(2);

        // ...after it, the unknown kid makes FocusBot fetch the key set again and find the new key.
        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(Help, rolledOver)).StatusCode);
    }
}
