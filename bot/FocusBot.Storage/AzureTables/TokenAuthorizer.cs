using System.Net.Http.Headers;
using Azure.Core;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Microsoft Entra bearer tokens for the storage audience (a managed identity in Azure). The token is cached until five
/// minutes before it expires, so the credential is asked about once an hour, not per request.
/// </summary>
internal sealed class TokenAuthorizer(TokenCredential credential, TimeProvider timeProvider) : ITableAuthorizer, IDisposable
{
    private static readonly TokenRequestContext Context = new(["https://storage.azure.com/.default"]);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private AccessToken _token;

    public async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = _token;
        if (NeedsRefresh(token))
        {
            await _refresh.WaitAsync(cancellationToken);
            try
            {
                if (NeedsRefresh(_token))
                {
                    _token = await credential.GetTokenAsync(Context, cancellationToken);
                }

                token = _token;
            }
            finally
            {
                _refresh.Release();
            }
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }

    public void Dispose() => _refresh.Dispose();

    private bool NeedsRefresh(AccessToken token) => token.Token is null || token.ExpiresOn - TimeSpan.FromMinutes(5) <= timeProvider.GetUtcNow();
}
