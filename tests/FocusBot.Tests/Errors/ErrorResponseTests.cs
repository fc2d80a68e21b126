using System.Net;
using FocusBot.ConnectorSimulator.Faults;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace FocusBot.Tests.Errors;

/// <summary>
/// A failure while answering is the operator's to read in the log, never the caller's: in Development too, where ASP.NET
/// would otherwise show the Developer Exception Page with the stack trace.
/// </summary>
public sealed class ErrorResponseTests : IAsyncLifetime
{
    private const string PersonalChat = "a:1xYfakePersonalChatRuth";
    private const string TenantId = "3f2a9c41-5b8d-4e6f-a1c2-7d9e0b4f6a88";
    private ConnectorSimulator.ConnectorSimulator _connector = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulator.ConnectorSimulatorOptions());
        _connector.AddConversation(PersonalChat, TenantId);
    }

    public async ValueTask DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task PostMessages_ConnectorRefusesTheReplyInDevelopment_Answers502WithNoDetail()
    {
        await using var host = new FocusBotTestHost("Development");
        _connector.Faults.Enqueue(InjectedFault.Status(400) with { Times = 10 });

        var response = await host.PostActivityAsync(ActivityFixtures.Load("message.personal", _connector.BaseUrl));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        AssertNoDetail(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostMessages_StoreFailsInDevelopment_Answers500WithNoDetail()
    {
        await using var host = new FocusBotTestHost("Development", configureServices: services =>
            services.Replace(ServiceDescriptor.Singleton(Failing<IConversationStore>())));

        var response = await host.PostActivityAsync(ActivityFixtures.Load("installationUpdate.add.personal", _connector.BaseUrl));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertNoDetail(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetReport_StoreFailsInDevelopment_Answers500WithNoDetail()
    {
        await using var host = new FocusBotTestHost("Development", configureServices: services =>
            services.Replace(ServiceDescriptor.Singleton(Failing<IRoleStore>())));
        var signer = host.Services.GetRequiredService<ReportLinkSigner>();
        var token = signer.Sign(new ReportLink(TenantId, "aad-hr", "29:hr", TrendSlices.Org, PeriodKind.Week, 4, DateTimeOffset.UtcNow.AddHours(1)));

        var page = await host.Client.GetAsync(ReportUrls.Relative(ReportUrls.PagePath, token), TestContext.Current.CancellationToken);
        var csv = await host.Client.GetAsync(ReportUrls.Relative(ReportUrls.CsvPath, token), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        AssertNoDetail(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.InternalServerError, csv.StatusCode);
        AssertNoDetail(await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PostMessages_FieldOfTheWrongType_Answers400NamingThePlaceNotOurTypes()
    {
        await using var host = new FocusBotTestHost("Development");

        var response = await host.PostActivityAsync("{\"type\": \"message\", \"from\": 5}");

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.from", body, StringComparison.Ordinal);
        Assert.DoesNotContain("FocusBot.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
    }

    private static void AssertNoDetail(string body)
    {
        Assert.DoesNotContain("Exception", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs", body, StringComparison.Ordinal);
        Assert.DoesNotContain("FocusBot.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/work", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Connector", body, StringComparison.Ordinal);
        Assert.True(body.Length < 200, body);
    }

    /// <summary>A store whose every call fails, as an unreachable database would: a strict mock with nothing set up.</summary>
    private static T Failing<T>()
        where T : class => new Mock<T>(MockBehavior.Strict).Object;
}
