using FocusBot.Insights;
using FocusBot.Notices;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;
using FocusBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static FocusBot.Tests.Notices.OperatorsWorld;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.Notices;

/// <summary>
/// What the notice watch finds on its own: an insight that many people never got, and a store that stayed away for long.
/// The watch runs every minute in the host; here the test runs its passes after moving the clock.
/// </summary>
public sealed class NoticeWatchTests
{
    [Fact]
    public async Task InsightFanOut_ManyPeopleUnreachable_AdminAndHrAreToldOnce_WithoutTheInsightOrAnyName()
    {
        await using var world = await OperatorsWorld.StartAsync(TestQuestions.Bank);
        foreach (var person in Staff.Take(6))
            world.Connector.Faults.BlockConversation(ChatOf(person)); // they blocked FocusBot
        world.SetTime(At(12, 2, 9, 0));
        var publisher = world.Host.Services.GetRequiredService<InsightPublisher>();
        await publisher.PublishAsync(new InsightDraft { Title = "Refund delays hurt renewals", Body = "Customers wait 9 days for refunds.", Source = "CSAT survey", AllStaff = true },
            TenantId, new ChannelAccount { Id = AdminUser, AadObjectId = AadOf(AdminUser), Name = "Ada" }, CancellationToken.None);
        await world.Host.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);
        var watch = world.Host.Services.GetRequiredService<NoticeWatchService>();

        world.SetTime(At(12, 2, 9, 30)); // the fan-out is looked at an hour after it began
        await watch.RunOnceAsync(CancellationToken.None);
        Assert.DoesNotContain(world.Received(AdminUser), t => t.Contains("could not be reached", StringComparison.Ordinal));
        world.SetTime(At(12, 2, 10, 1));
        await watch.RunOnceAsync(CancellationToken.None);
        world.SetTime(At(12, 2, 10, 2));
        await watch.RunOnceAsync(CancellationToken.None);

        var told = Assert.Single(world.Received(AdminUser), t => t.Contains("could not be reached", StringComparison.Ordinal));
        Assert.Contains("reached 3 of 9 people: 6 could not be reached", told, StringComparison.Ordinal);
        Assert.DoesNotContain("Refund", told, StringComparison.Ordinal);
        Assert.DoesNotContain("staff-", told, StringComparison.Ordinal);
        Assert.Single(world.Received(HrUser), t => t.Contains("could not be reached", StringComparison.Ordinal));
        Assert.Contains("people unreachable", await world.SayAsync(HrUser, "status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_AwayForLong_AdminAndHrAreToldWhenItIsBack_AShortBlipIsNotANotice()
    {
        await using var world = await OperatorsWorld.StartAsync(TestQuestions.Bank);
        var watch = world.Host.Services.GetRequiredService<NoticeWatchService>();
        var data = world.Host.DataDirectory;
        var away = data + "-away";

        async Task PassAsync(int hour, int minute)
        {
            world.SetTime(At(12, 1, hour, minute));
            await watch.RunOnceAsync(CancellationToken.None);
        }

        void TakeStoreAway()
        {
            // The open write connection keeps its file; every new read finds no folder, as after a lost mount.
            Directory.Move(data, away);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        await PassAsync(14, 0);
        TakeStoreAway();
        await PassAsync(14, 1);
        await PassAsync(14, 2);
        Directory.Move(away, data);
        await PassAsync(14, 3); // back after two minutes: a blip
        Assert.Empty(world.Received(AdminUser));

        TakeStoreAway();
        await PassAsync(15, 0);
        await PassAsync(15, 5);
        await PassAsync(15, 11);
        Directory.Move(away, data);
        await PassAsync(15, 12);
        await PassAsync(15, 13);

        var told = Assert.Single(world.Received(AdminUser));
        Assert.Contains("could not reach its store for about 12 minutes, from 15:00 UTC", told, StringComparison.Ordinal);
        Assert.Single(world.Received(HrUser));
        Assert.All(Staff, person => Assert.Empty(world.Received(person)));
    }
}
