using System.Net;
using System.Text;
using FocusBot.Questions;
using FocusBot.Tests.Questions.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FocusBot.Tests.Questions;

public sealed class QuestionFileClientTests : IDisposable
{
    private const string SharePointUrl = "https://contoso.sharepoint.com/personal/hr_contoso_com/_layouts/15/download.aspx?UniqueId=1&tempauth=x";
    private readonly FileServerHandler _server = new();
    private readonly QuestionFileClient _client;

    public QuestionFileClientTests() =>
        _client = new QuestionFileClient(new SingleHandlerClientFactory(_server), NullLogger<QuestionFileClient>.Instance);

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("https://contoso.sharepoint.com/sites/hr/file.csv", true)]
    [InlineData("https://contoso-my.sharepoint.com/personal/x/file.csv", true)]
    [InlineData("https://contoso.sharepoint-df.com/file.csv", true)]
    [InlineData("https://CONTOSO.SHAREPOINT.COM/file.csv", true)]
    [InlineData("http://contoso.sharepoint.com/file.csv", false)]
    [InlineData("https://contoso.sharepoint.com:8443/file.csv", false)]
    [InlineData("https://sharepoint.com.evil.example/file.csv", false)]
    [InlineData("https://evilsharepoint.com/file.csv", false)]
    [InlineData("https://user:pass@contoso.sharepoint.com/file.csv", false)]
    [InlineData("https://169.254.169.254/metadata", false)]
    [InlineData("https://127.0.0.1/file.csv", false)]
    [InlineData("file:///etc/passwd", false)]
    public void IsAllowed_OnlyHttpsSharePointHosts(string url, bool allowed)
    {
        Assert.Equal(allowed, QuestionFileClient.IsAllowed(new Uri(url)));
    }

    [Fact]
    public async Task Download_SharePointFile_ReturnsItsText()
    {
        _server.Serve(SharePointUrl, "\uFEFFid,text\n");

        var download = await _client.DownloadAsync(SharePointUrl, TestContext.Current.CancellationToken);

        Assert.Equal("id,text\n", download.Text);
    }

    [Fact]
    public async Task Download_HostOutsideSharePoint_IsRefusedWithoutAnyRequest()
    {
        var download = await _client.DownloadAsync("https://169.254.169.254/latest/meta-data", TestContext.Current.CancellationToken);

        Assert.Null(download.Text);
        Assert.Contains("SharePoint", download.Refusal, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Download_RedirectOffSharePoint_IsNotFollowed()
    {
        _server.Redirect(SharePointUrl, "http://10.0.0.5/internal");

        var download = await _client.DownloadAsync(SharePointUrl, TestContext.Current.CancellationToken);

        Assert.Null(download.Text);
        Assert.Equal([new Uri(SharePointUrl)], _server.Requests);
    }

    [Fact]
    public async Task Download_RedirectWithinSharePoint_IsFollowed()
    {
        const string final = "https://contoso-my.sharepoint.com/file.csv";
        _server.Redirect(SharePointUrl, final);
        _server.Serve(final, "id,text\n");

        var download = await _client.DownloadAsync(SharePointUrl, TestContext.Current.CancellationToken);

        Assert.Equal("id,text\n", download.Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Download_LargerThanOneMegabyte_IsRefused(bool declaresLength)
    {
        _server.Serve(SharePointUrl, new byte[QuestionFileClient.MaxBytes + 1], declaresLength);

        var download = await _client.DownloadAsync(SharePointUrl, TestContext.Current.CancellationToken);

        Assert.Null(download.Text);
        Assert.Contains("larger than 1 MB", download.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_ExactlyOneMegabyte_IsAccepted()
    {
        _server.Serve(SharePointUrl, Encoding.UTF8.GetBytes(new string('a', QuestionFileClient.MaxBytes)), withLength: false);

        var download = await _client.DownloadAsync(SharePointUrl, TestContext.Current.CancellationToken);

        Assert.Equal(QuestionFileClient.MaxBytes, download.Text?.Length);
    }

    [Fact]
    public async Task Download_Windows1252File_AsksForCsvUtf8()
    {
        _server.Serve(SharePointUrl, [.. "id,text\nk-x,Caf"u8, 0xE9, (byte)'\n']);

        var download = await _client.DownloadAsync(SharePointUrl, TestContext.Current.CancellationToken);

        Assert.Null(download.Text);
        Assert.Contains("CSV UTF-8", download.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_Utf16WithBom_IsDecoded()
    {
        _server.Serve(SharePointUrl, [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes("id,text\nk-x,Café\n")]);

        var download = await _client.DownloadAsync(SharePointUrl, TestContext.Current.CancellationToken);

        Assert.Equal("id,text\nk-x,Café\n", download.Text);
    }

    [Fact]
    public async Task Download_ExpiredLink_SaysToAttachAgain()
    {
        _server.Fail(SharePointUrl, HttpStatusCode.Forbidden);

        var download = await _client.DownloadAsync(SharePointUrl, TestContext.Current.CancellationToken);

        Assert.Contains("403", download.Refusal, StringComparison.Ordinal);
    }
}
