namespace FocusBot.Storage.AzureTables;

/// <summary>Adds the Authorization header to a request just before each attempt is sent.</summary>
internal interface ITableAuthorizer
{
    ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
