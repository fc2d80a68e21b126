using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Faults;
using FocusBot.Domain.Pulses;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static FocusBot.Tests.Notices.OperatorsWorld;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.Notices;

/// <summary>
/// Failures a person should know about reach the Admins and HR people in their personal chat, once per kind per day, and
/// `status` shows them with the state of the current pulse and of the store.
/// </summary>
public sealed class NoticeTests
{
    [Fact]
    public async Task EmptyBank_PulseCannotOpen_AdminAndHrAreToldOncePerDay_StaffAreNot()
    {
        await using var world = await OperatorsWorld.StartAsync(RetiredBank);

        await world.PassAsync(At(11, 30, 19, 30)); // the scheduler tries every minute
        await world.PassAsync(At(11, 30, 19, 31));
        await world.PassAsync(At(11, 30, 23, 0));

        Assert.Single(world.Received(AdminUser), t => t.Contains("could not open", StringComparison.Ordinal));
        Assert.Single(world.Received(HrUser), t => t.Contains("could not open", StringComparison.Ordinal));
        Assert.All(Staff, person => Assert.Empty(world.Received(person)));

        await world.PassAsync(At(12, 1, 9, 0)); // the next day, the bank still empty
        Assert.Equal(2, world.Received(AdminUser).Count(t => t.Contains("could not open", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Status_ForAdminAndHr_ShowsTheRecentNotices_StaffAreRefused()
    {
        await using var world = await OperatorsWorld.StartAsync(RetiredBank);
        await world.PassAsync(At(11, 30, 19, 30));

        var admin = await world.SayAsync(AdminUser, "status");
        var hr = await world.SayAsync(HrUser, "status");
        var staff = await world.SayAsync(Staff[0], "status");

        Assert.Contains("could not open", admin, StringComparison.Ordinal);
        Assert.Contains("Storage", admin, StringComparison.Ordinal);
        Assert.Contains("could not open", hr, StringComparison.Ordinal);
        Assert.Contains("for Admin or HR only", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("could not open", staff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_DuringAPulse_CountsSentAnsweredBlockedAndFailed_WithoutShowingASmallCount()
    {
        await using var world = await OperatorsWorld.StartAsync(TestQuestions.Bank);
        world.Connector.Faults.BlockConversation(ChatOf(Staff[6]));
        world.Connector.Faults.Enqueue(InjectedFault.Status(400) with { ConversationId = ChatOf(Staff[5]), Operation = ConnectorOperation.Send });
        await world.PassAsync(At(11, 30, 19, 30));
        await world.PassAsync(At(12, 1, 10, 30)); // 10:00 in London has passed: everyone's turn

        var early = await world.SayAsync(AdminUser, "status");
        foreach (var person in new[] { AdminUser, HrUser, Staff[0], Staff[1], Staff[2] })
            await AnswerAsync(world, person);
        var later = await world.SayAsync(HrUser, "status");

        Assert.Contains("Sent: 7", early, StringComparison.Ordinal);
        Assert.Contains("Blocked: 1", early, StringComparison.Ordinal);
        Assert.Contains("Failed: 1", early, StringComparison.Ordinal);
        Assert.Contains("Answered: fewer than 5", early, StringComparison.Ordinal);
        Assert.Contains("Answered: 5", later, StringComparison.Ordinal);
    }

    private static async Task AnswerAsync(OperatorsWorld world, string person)
    {
        var pulse = Assert.Single(await world.Host.Services.GetRequiredService<IPulseStore>().ListActiveAsync(CancellationToken.None));
        var data = new JsonObject { ["pulseId"] = pulse.Id, [PulseCard.InputPrefix + pulse.QuestionIds[0]] = "1" };
        foreach (var id in pulse.QuestionIds.Skip(1))
            data[PulseCard.InputPrefix + id] = "1";
        await world.PostAsync(Execute(world.Connector.BaseUrl, person, ChatOf(person), PulseCard.AnswerVerb, data));
    }
}
