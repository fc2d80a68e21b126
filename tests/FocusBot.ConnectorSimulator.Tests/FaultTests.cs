using System.Net;
using FocusBot.ConnectorSimulator.Faults;
using FocusBot.ConnectorSimulator.Recording;

namespace FocusBot.ConnectorSimulator.Tests;

public sealed class FaultTests
{
    private const string Conversation = "a:faulty";
    private const string Other = "a:healthy";

    [Fact]
    public async Task StatusFault_NextSend_Returns503WithRetryAfterThenServesNormally()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.Enqueue(InjectedFault.Status(503, TimeSpan.FromSeconds(2)));
        using var client = new ConnectorTestClient(simulator);

        using var failed = await client.SendAsync(Conversation, "lost");
        using var next = await client.SendAsync(Conversation, "kept");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal("2", failed.Headers.GetValues("Retry-After").Single());
        Assert.Equal("ServiceUnavailable", await ConnectorTestClient.ReadErrorCodeAsync(failed));
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Equal(["kept"], simulator.Sent.Select(a => a.Text));
    }

    [Theory]
    [InlineData(500, "InternalServerError")]
    [InlineData(502, "BadGateway")]
    [InlineData(504, "GatewayTimeout")]
    [InlineData(412, "PreconditionFailed")]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(404, "ConversationNotFound")]
    [InlineData(429, "Throttled")]
    public async Task StatusFault_AnyStatus_IsAnsweredWithTeamsErrorCodeAndNothingRecorded(int status, string code)
    {
        await using var simulator = await StartAsync();
        simulator.Faults.Enqueue(InjectedFault.Status(status));
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.SendAsync(Conversation);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, await ConnectorTestClient.ReadErrorCodeAsync(response));
        Assert.Empty(simulator.Sent);
        Assert.Equal(status == 429 ? 1 : 0, simulator.ThrottledCount);
    }

    [Fact]
    public async Task StatusFault_TwiceForOneConversation_LeavesOthersAloneAndThenExpires()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.Enqueue(InjectedFault.Status(502) with { ConversationId = Conversation, Times = 2 });
        using var client = new ConnectorTestClient(simulator);

        var statuses = new[]
        {
            (await client.SendAsync(Other)).StatusCode,
            (await client.SendAsync(Conversation)).StatusCode,
            (await client.SendAsync(Conversation)).StatusCode,
            (await client.SendAsync(Conversation)).StatusCode,
        };

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.Created], statuses);
        Assert.Equal(0, simulator.Faults.PendingCount);
    }

    [Fact]
    public async Task StatusFault_ForUpdatesOnly_DoesNotHitSends()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.Enqueue(InjectedFault.Status(412) with { Operation = ConnectorOperation.Update });
        using var client = new ConnectorTestClient(simulator);

        var id = await ConnectorTestClient.ReadIdAsync(await client.SendAsync(Conversation));
        using var update = await client.UpdateAsync(Conversation, id);

        Assert.Equal(HttpStatusCode.PreconditionFailed, update.StatusCode);
        Assert.Equal([ConnectorOperation.Send], simulator.Sent.Select(a => a.Operation));
    }

    [Fact]
    public async Task SlowResponse_Send_AnswersAfterTheDelayAndRecords()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.Enqueue(InjectedFault.SlowResponse(TimeSpan.FromMilliseconds(400)));
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.SendAsync(Conversation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var applied = Assert.Single(simulator.Faults.Applied);
        Assert.Equal((FaultKind.Delay, ConnectorOperation.Send), (applied.Fault.Kind, applied.Operation));
        Assert.Single(simulator.Sent);
    }

    [Fact]
    public async Task Timeout_ClientGivesUp_NothingRecordedAndNextRequestServed()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.Enqueue(InjectedFault.Timeout());
        using var impatient = new ConnectorTestClient(simulator, TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.SendAsync(Conversation));
        using var next = await impatient.SendAsync(Conversation, "after");

        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Equal(["after"], simulator.Sent.Select(a => a.Text));
        await simulator.WaitForRequestAsync(r => r.StatusCode == RecordedRequest.ClientClosedRequest, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Timeout_SimulatorStops_ReleasesTheHeldRequest()
    {
        var simulator = await StartAsync();
        simulator.Faults.Enqueue(InjectedFault.Timeout());
        using var client = new ConnectorTestClient(simulator);
        var held = client.SendAsync(Conversation);
        await WaitUntilAsync(() => simulator.Faults.PendingCount == 0);

        await simulator.DisposeAsync();

        // Held forever otherwise: only the stop can answer it before the client's own timeout would end it with an error.
        Assert.Equal(HttpStatusCode.GatewayTimeout, (await held).StatusCode);
    }

    [Fact]
    public async Task DeliveredThenStatus_Send_RecordsTheActivityButAnswers502()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.Enqueue(InjectedFault.DeliveredThenStatus());
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.SendAsync(Conversation, "did it arrive?");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(["did it arrive?"], simulator.SentTo(Conversation).Select(a => a.Text));
    }

    [Fact]
    public async Task DeliveredThenSlowResponse_ClientGivesUp_TheActivityIsRecordedAnyway()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.Enqueue(InjectedFault.DeliveredThenSlowResponse(TimeSpan.FromSeconds(30)));
        using var impatient = new ConnectorTestClient(simulator, TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.SendAsync(Conversation, "arrived, unanswered"));

        Assert.Equal(["arrived, unanswered"], simulator.SentTo(Conversation).Select(a => a.Text));
        await simulator.WaitForRequestAsync(r => r.StatusCode == RecordedRequest.ClientClosedRequest, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task DeliveredThenSlowResponse_PatientClient_GetsTheNormalAnswerAfterTheDelay()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.Enqueue(InjectedFault.DeliveredThenSlowResponse(TimeSpan.FromMilliseconds(400)));
        using var client = new ConnectorTestClient(simulator);

        using var response = await client.SendAsync(Conversation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(simulator.SentTo(Conversation).Single().ActivityId, await ConnectorTestClient.ReadIdAsync(response));
        Assert.Equal(FaultKind.DeliveredThenDelay, Assert.Single(simulator.Faults.Applied).Fault.Kind);
    }

    [Fact]
    public async Task DeliveredThenSlowResponse_SimulatorStops_AnswersTheHeldRequest()
    {
        var simulator = await StartAsync();
        simulator.Faults.Enqueue(InjectedFault.DeliveredThenSlowResponse(TimeSpan.FromMinutes(5)));
        using var client = new ConnectorTestClient(simulator);
        var held = client.SendAsync(Conversation);
        await WaitUntilAsync(() => simulator.SentCount == 1);

        await simulator.DisposeAsync();

        // The answer was due in five minutes: only the stop can have given it before the client's own timeout.
        Assert.Equal(HttpStatusCode.Created, (await held).StatusCode);
    }

    [Fact]
    public async Task Applied_RecordsEachFaultWithItsOperationAndConversation()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.Enqueue(InjectedFault.Status(502) with { ConversationId = Conversation });
        simulator.Faults.Enqueue(InjectedFault.DeliveredThenStatus(504) with { Operation = ConnectorOperation.Send });
        using var client = new ConnectorTestClient(simulator);

        (await client.SendAsync(Other)).Dispose();
        (await client.SendAsync(Conversation)).Dispose();
        (await client.SendAsync(Conversation)).Dispose();

        Assert.Equal(
            [(FaultKind.DeliveredThenStatus, 504, Other), (FaultKind.Status, 502, Conversation)],
            simulator.Faults.Applied.Select(a => (a.Fault.Kind, a.Fault.StatusCode, a.ConversationId)));
        Assert.All(simulator.Faults.Applied, a => Assert.Equal(ConnectorOperation.Send, a.Operation));
    }

    [Fact]
    public async Task RestoreConversation_AfterBlocking_ServesItAgainAndLeavesOtherBlocksInPlace()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.BlockConversation(Conversation);
        simulator.Faults.BlockConversation(Other);
        using var client = new ConnectorTestClient(simulator);
        using var blocked = await client.SendAsync(Conversation);

        simulator.Faults.RestoreConversation(Conversation);
        using var restored = await client.SendAsync(Conversation);
        using var stillBlocked = await client.SendAsync(Other);

        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Equal(HttpStatusCode.Created, restored.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stillBlocked.StatusCode);
    }

    [Fact]
    public async Task BlockConversation_EverySend_Returns403AndIsNotRecorded()
    {
        await using var simulator = await StartAsync();
        using var client = new ConnectorTestClient(simulator);
        var personal = await ConnectorTestClient.ReadIdAsync(await client.CreateConversationAsync("29:blocker"));
        simulator.Faults.BlockConversation(personal);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(personal);
            statuses.Add(response.StatusCode);
            Assert.Equal("ConversationBlockedByUser", await ConnectorTestClient.ReadErrorCodeAsync(response));
        }

        using var recreate = await client.CreateConversationAsync("29:blocker");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Forbidden, s));
        Assert.Equal(HttpStatusCode.Forbidden, recreate.StatusCode);
        Assert.Empty(simulator.Sent);
    }

    [Fact]
    public async Task RemoveConversation_Send_Returns404ConversationNotFound()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.RemoveConversation(Conversation);
        using var client = new ConnectorTestClient(simulator);

        using var removed = await client.SendAsync(Conversation);
        using var other = await client.SendAsync(Other);

        Assert.Equal(HttpStatusCode.NotFound, removed.StatusCode);
        Assert.Equal("ConversationNotFound", await ConnectorTestClient.ReadErrorCodeAsync(removed));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task Reset_AfterFaults_ClearsPendingFaultsAndBlocks()
    {
        await using var simulator = await StartAsync();
        simulator.Faults.Enqueue(InjectedFault.Status(500));
        simulator.Faults.BlockConversation(Conversation);

        simulator.Reset();
        using var client = new ConnectorTestClient(simulator);

        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Conversation)).StatusCode);
    }

    private static async Task<ConnectorSimulator> StartAsync()
    {
        var simulator = await ConnectorSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        simulator.AddConversation(Conversation);
        simulator.AddConversation(Other);
        return simulator;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
