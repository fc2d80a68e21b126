using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Privacy;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Settings;
using FocusBot.Storage.Tests.Infrastructure;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class ErasureContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    [Fact]
    public async Task EraseAsync_PersonWithDataEverywhere_RemovesTheirsAndKeepsOthersAndAggregates()
    {
        await SeedPersonAsync("29:erase-me", "pseudo-erase");
        await SeedPersonAsync("29:keep-me", "pseudo-keep");
        await Stores.Get<IAggregateStore>().ApplyDeltasAsync([new AggregateDelta(TestData.Tenant, "W2026-48", "org", "a3", "n", 2)], Token);

        var result = await Stores.Get<IPersonalDataEraser>().EraseAsync(TestData.Tenant, "29:erase-me", "aad-29:erase-me", "pseudo-erase", Token);

        Assert.Equal(new ErasureResult(ConversationReferences: 1, RosterEntries: 2, Deliveries: 2, Answers: 3, PauseFlags: 1, RoleAssignments: 1), result);
        await AssertPersonGoneAsync("29:erase-me", "pseudo-erase");
        await AssertPersonPresentAsync("29:keep-me", "pseudo-keep");
        Assert.Equal(2, Assert.Single(await Stores.Get<IAggregateStore>().ListAsync(TestData.Tenant, "org", "W2026-48", "W2026-48", Token)).Count);
    }

    [Fact]
    public async Task EraseAsync_RunTwice_SecondRunFindsNothing()
    {
        await SeedPersonAsync("29:erase-me", "pseudo-erase");
        await Stores.Get<IPersonalDataEraser>().EraseAsync(TestData.Tenant, "29:erase-me", null, "pseudo-erase", Token);

        var again = await Stores.Get<IPersonalDataEraser>().EraseAsync(TestData.Tenant, "29:erase-me", null, "pseudo-erase", Token);

        Assert.Equal(0, again.Total);
    }

    private async Task SeedPersonAsync(string userId, string pseudonym)
    {
        var pulses = Stores.Get<IPulseStore>();
        await pulses.CreateAsync(TestData.Pulse("2026-W47", TestData.Monday.AddDays(-7)), Token);
        await pulses.CreateAsync(TestData.Pulse("2026-W48", TestData.Monday), Token);
        await Stores.Get<IConversationStore>().UpsertAsync(TestData.Personal(userId, "a:" + userId), Token);
        var roster = Stores.Get<IRosterStore>();
        foreach (var team in new[] { "team-a", "team-b" })
        {
            var members = await roster.ListTeamMembersAsync(TestData.Tenant, team, Token).ToListAsync(Token);
            members.Add(new TeamMember { TenantId = TestData.Tenant, TeamId = team, UserId = userId, Name = "Name " + userId });
            await roster.ReplaceTeamRosterAsync(TestData.Tenant, team, members, Token);
        }

        await Stores.Get<IDeliveryStore>().CreateIfMissingAsync([TestData.Delivery("2026-W47", userId), TestData.Delivery("2026-W48", userId)], Token);
        var answers = Stores.Get<IAnswerStore>();
        await answers.UpsertAsync(TestData.Answer("2026-W47", "k1", pseudonym, "1"), Token);
        await answers.UpsertAsync(TestData.Answer("2026-W48", "k1", pseudonym, "2"), Token);
        await answers.UpsertAsync(TestData.Answer("2026-W48", "a3", pseudonym, "3"), Token);
        await Stores.Get<ISettingsStore>().SetPausedAsync(TestData.Tenant, userId, paused: true, Token);
        await Stores.Get<IRoleStore>().GrantAsync(new RoleAssignment { TenantId = TestData.Tenant, AadObjectId = "aad-" + userId, Role = Role.HR, GrantedBy = "install", GrantedAt = TestData.Monday }, Token);
    }

    private async Task AssertPersonGoneAsync(string userId, string pseudonym)
    {
        Assert.Null(await Stores.Get<IConversationStore>().GetPersonalForUserAsync(TestData.Tenant, userId, Token));
        Assert.Null(await Stores.Get<IConversationStore>().GetAsync(TestData.Tenant, "a:" + userId, Token));
        Assert.Empty(await Stores.Get<IRosterStore>().ListTeamsForUserAsync(TestData.Tenant, userId, Token));
        Assert.DoesNotContain(userId, await Stores.Get<IRosterStore>().ListTeamMembersAsync(TestData.Tenant, "team-a", Token).Select(m => m.UserId).ToListAsync(Token));
        Assert.Empty(await Stores.Get<IRosterStore>().SearchByNameAsync(TestData.Tenant, "Name " + userId, 5, Token));
        Assert.Null(await Stores.Get<IDeliveryStore>().GetAsync("2026-W48", RecipientKeys.For(TestData.Tenant, userId), Token));
        Assert.Empty(await Stores.Get<IAnswerStore>().ListByRespondentAsync(pseudonym, Token).ToListAsync(Token));
        Assert.False(await Stores.Get<ISettingsStore>().IsPausedAsync(TestData.Tenant, userId, Token));
        Assert.Empty(await Stores.Get<IRoleStore>().GetRolesAsync(TestData.Tenant, "aad-" + userId, Token));
    }

    private async Task AssertPersonPresentAsync(string userId, string pseudonym)
    {
        Assert.NotNull(await Stores.Get<IConversationStore>().GetPersonalForUserAsync(TestData.Tenant, userId, Token));
        Assert.Equal(["team-a", "team-b"], await Stores.Get<IRosterStore>().ListTeamsForUserAsync(TestData.Tenant, userId, Token));
        Assert.Single(await Stores.Get<IRosterStore>().SearchByNameAsync(TestData.Tenant, "Name " + userId, 5, Token));
        Assert.NotNull(await Stores.Get<IDeliveryStore>().GetAsync("2026-W47", RecipientKeys.For(TestData.Tenant, userId), Token));
        Assert.Equal(3, await Stores.Get<IAnswerStore>().ListByRespondentAsync(pseudonym, Token).CountAsync(Token));
        Assert.True(await Stores.Get<ISettingsStore>().IsPausedAsync(TestData.Tenant, userId, Token));
        Assert.Single(await Stores.Get<IRoleStore>().GetRolesAsync(TestData.Tenant, "aad-" + userId, Token));
    }
}

public sealed class SqliteErasureTests() : ErasureContract(() => new SqliteBackend());

public sealed class AzureErasureTests(AzuriteFixture azurite) : ErasureContract(() => new AzureTablesBackend(azurite.ConnectionString));
