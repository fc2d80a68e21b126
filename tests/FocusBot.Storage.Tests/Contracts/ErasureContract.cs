using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Privacy;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Settings;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

/// <summary>
/// Two people with data in every store; one asks to be erased. Every part of their data goes (each checked through the
/// store's own reads), counts their marks fed drop, the other person's data and the anonymous aggregates stay.
/// </summary>
public abstract class ErasureContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private const string Gone = "29:erase-me";
    private const string Kept = "29:keep-me";

    // Ledgers of every kind a delivery row can belong to; the voice set has no row in the Pulses table.
    private static readonly string[] Ledgers = ["pulse:2026-W47", "pulse:2026-W48", "insight:i-shared", "recognition:r-" + Gone, "digest:2026-W48"];
    private const string VoicePulse = "voice-2026-W48." + TestData.Tenant;

    private IPersonalDataEraser Eraser => Stores.Get<IPersonalDataEraser>();

    private static ErasureSubject Subject(string userId) => new()
    {
        TenantId = TestData.Tenant,
        UserId = userId,
        AadObjectId = "aad-" + userId,
        Pseudonyms = [AnswerKey(userId), MarkKey(userId)],
    };

    private static string AnswerKey(string userId) => "answers-" + userId;

    private static string MarkKey(string userId) => "marks-" + userId;

    private static readonly ErasureResult Everything = new()
    {
        ConversationReferences = 1,
        RosterEntries = 2,
        Deliveries = 5,
        Answers = 4,
        PauseFlags = 1,
        RoleAssignments = 3,
        DigestSettings = 1,
        GotItMarks = 1,
        ApplauseMarks = 1,
        Recognitions = 1,
        RecognitionsGiven = 1,
        ReviewItems = 2,
    };

    // Someone the erased person recognised as a colleague; nobody asks to erase them.
    private const string Third = "29:recognised-by-erase-me";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Stores.Get<IPulseStore>().CreateAsync(TestData.Pulse("2026-W47", TestData.Monday.AddDays(-7)), Token);
        await Stores.Get<IPulseStore>().CreateAsync(TestData.Pulse("2026-W48", TestData.Monday), Token);
        await Stores.Get<IInsightStore>().CreateAsync(TestData.Insight("i-shared", TestData.Monday), Token);
        await SeedPersonAsync(Gone, Kept);
        await SeedPersonAsync(Kept, Gone);
        await Stores.Get<IAggregateStore>().ApplyDeltasAsync([new AggregateDelta(TestData.Tenant, "W2026-48", "org", "a3", "n", 2)], Token);
    }

    [Fact]
    public async Task CountAsync_PersonWithDataEverywhere_CountsEachPartAndChangesNothing()
    {
        var counted = await Eraser.CountAsync(Subject(Gone), Token);

        Assert.Equal(Everything, counted);
        Assert.Equal(Everything, await Eraser.CountAsync(Subject(Gone), Token));
        await AssertPresentAsync(Gone);
    }

    [Fact]
    public async Task EraseAsync_PersonWithDataEverywhere_RemovesEachPartAndKeepsOthersAndAggregates()
    {
        var result = await Eraser.EraseAsync(Subject(Gone), Token);

        Assert.Equal(Everything, result);
        await AssertGoneAsync(Gone);
        await AssertPresentAsync(Kept);
        Assert.Equal(2, Assert.Single(await Stores.Get<IAggregateStore>().ListAsync(TestData.Tenant, "org", "W2026-48", "W2026-48", Token)).Count);
        Assert.Equal(0, (await Eraser.CountAsync(Subject(Gone), Token)).Total);
    }

    [Fact]
    public async Task EraseAsync_MarksTheyMade_CountsShownAfterwardsDropByOne()
    {
        await Eraser.EraseAsync(Subject(Gone), Token);

        // Both pressed Got it on the shared insight, and each applauded the other's recognition.
        Assert.Equal(1, (await Stores.Get<IInsightStore>().GetAsync("i-shared", Token))!.GotItCount);
        Assert.False(await Stores.Get<IInsightStore>().AddGotItAsync("i-shared", MarkKey(Kept), Token));
        Assert.True(await Stores.Get<IInsightStore>().AddGotItAsync("i-shared", MarkKey(Gone), Token)); // the erased mark is no longer there
        var kept = await Stores.Get<IRecognitionStore>().GetAsync("r-" + Kept, Token);
        Assert.Equal(0, kept!.ApplauseCount);
    }

    [Fact]
    public async Task EraseAsync_RecognitionOfThePerson_IsDeletedWhole()
    {
        var recognitions = Stores.Get<IRecognitionStore>();

        await Eraser.EraseAsync(Subject(Gone), Token);

        Assert.Null(await recognitions.GetAsync("r-" + Gone, Token));
        Assert.Empty(await recognitions.ListForRecipientAsync(TestData.Tenant, Gone, "aad-" + Gone, Token));
        Assert.Equal(["r-" + Kept], (await recognitions.ListRecentAsync(TestData.Tenant, 10, Token)).Select(r => r.Id));
        Assert.Equal(["r-" + Kept], await recognitions.ListSinceAsync(TestData.Tenant, TestData.Monday.AddDays(-30), Token).Select(r => r.Id).ToListAsync(Token));
        // The applause it had is gone with it: the applauder's own erasure later finds nothing of it.
        Assert.Equal(0, (await Eraser.CountAsync(Subject(Kept), Token)).ApplauseMarks);
    }

    [Fact]
    public async Task EraseAsync_PeerRecognitionTheyGave_IsDeletedWholeWithItsIndexes()
    {
        var recognitions = Stores.Get<IRecognitionStore>();

        await Eraser.EraseAsync(Subject(Gone), Token);

        Assert.Null(await recognitions.GetAsync("g-" + Gone, Token));
        Assert.Empty(await recognitions.ListGivenAsync(TestData.Tenant, Gone, "aad-" + Gone, null, Token));
        Assert.Empty(await recognitions.ListForRecipientAsync(TestData.Tenant, Third, null, Token));
        Assert.DoesNotContain("g-" + Gone, await recognitions.QueryAsync(new RecognitionQuery { TenantId = TestData.Tenant }, Token).Select(r => r.Id).ToListAsync(Token));
        // The applause it had goes with it.
        Assert.Equal(0, (await Eraser.CountAsync(Subject(Kept), Token)).ApplauseMarks);
        Assert.Equal(0, (await Eraser.CountAsync(Subject(Gone), Token)).RecognitionsGiven);
    }

    [Fact]
    public async Task EraseAsync_RunTwice_SecondRunFindsNothingAndTheOtherPersonStays()
    {
        await Eraser.EraseAsync(Subject(Gone), Token);

        var again = await Eraser.EraseAsync(Subject(Gone), Token);

        Assert.Equal(0, again.Total);
        await AssertPresentAsync(Kept);
    }

    [Fact]
    public async Task EraseAsync_OnlyTheEntraObjectIdKnown_RemovesWhatThatIdAndTheirPseudonymsFind()
    {
        var subject = Subject(Gone) with { UserId = null };

        var result = await Eraser.EraseAsync(subject, Token);

        Assert.Equal(Everything with { Deliveries = 0, PauseFlags = 0 }, result);
        Assert.Null(await Stores.Get<IConversationStore>().GetPersonalForUserAsync(TestData.Tenant, Gone, Token));
        Assert.Empty(await Stores.Get<IRosterStore>().ListTeamsForUserAsync(TestData.Tenant, Gone, Token));
        Assert.Null(await Stores.Get<IRosterStore>().FindByAadObjectIdAsync(TestData.Tenant, "aad-" + Gone, Token));
        await AssertPresentAsync(Kept);
    }

    [Fact]
    public void Validate_SubjectWithoutAnyKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ErasureSubject { TenantId = TestData.Tenant }.Validate());
    }

    private async Task SeedPersonAsync(string userId, string other)
    {
        await Stores.Get<IConversationStore>().UpsertAsync(TestData.Personal(userId, "a:" + userId) with { UserName = "Name " + userId }, Token);
        var roster = Stores.Get<IRosterStore>();
        foreach (var team in new[] { "team-a", "team-b" })
        {
            var members = await roster.ListTeamMembersAsync(TestData.Tenant, team, Token).ToListAsync(Token);
            members.Add(new TeamMember { TenantId = TestData.Tenant, TeamId = team, UserId = userId, AadObjectId = "aad-" + userId, Name = "Name " + userId });
            await roster.ReplaceTeamRosterAsync(TestData.Tenant, team, members, Token);
        }

        var recognitions = Stores.Get<IRecognitionStore>();
        await recognitions.CreateAsync(TestData.Recognition("r-" + userId, TestData.Monday.AddDays(userId == Gone ? 1 : 2)) with
        {
            RecipientUserId = userId,
            RecipientAadObjectId = "aad-" + userId,
            RecipientName = "Name " + userId,
        }, Token);
        if (userId == Gone)
        {
            await recognitions.CreateAsync(TestData.PeerRecognition("g-" + userId, TestData.Monday.AddDays(3), author: "aad-" + userId) with
            {
                RecipientUserId = Third,
                RecipientAadObjectId = null,
            }, Token);
        }

        await Stores.Get<IDeliveryStore>().CreateIfMissingAsync([.. Ledgers.Select(ledger => TestData.Delivery(ledger, userId))], Token);

        var answers = Stores.Get<IAnswerStore>();
        await answers.UpsertAsync(TestData.Answer("2026-W47", "k1", AnswerKey(userId), "1"), Token);
        await answers.UpsertAsync(TestData.Answer("2026-W48", "k1", AnswerKey(userId), "2"), Token);
        await answers.UpsertAsync(TestData.Answer("2026-W48", "a3", AnswerKey(userId), "3"), Token);
        await answers.UpsertAsync(TestData.Answer(VoicePulse, "voice", AnswerKey(userId), "Call customers back the same day"), Token);

        foreach (var question in (string[])["k1", "k2"])
            await Stores.Get<IReviewItemStore>().SaveAsync(ReviewItemContract.Item(AnswerKey(userId), question), Token);
        await Stores.Get<IInsightStore>().AddGotItAsync("i-shared", MarkKey(userId), Token);
        await Stores.Get<ISettingsStore>().SetPausedAsync(TestData.Tenant, userId, paused: true, Token);
        await Stores.Get<IRoleStore>().GrantAsync(new RoleAssignment { TenantId = TestData.Tenant, AadObjectId = "aad-" + userId, Role = Role.HR, GrantedBy = "install", GrantedAt = TestData.Monday }, Token);
        // A Manager of two teams: one assignment per team, and the weekly digest turned off.
        foreach (var team in (string[])["19:team-a@thread.tacv2", "19:team-b@thread.tacv2"])
        {
            await Stores.Get<IRoleStore>().GrantAsync(new RoleAssignment
            {
                TenantId = TestData.Tenant,
                AadObjectId = "aad-" + userId,
                Role = Role.Manager,
                TeamId = team,
                GrantedBy = "aad-admin",
                GrantedAt = TestData.Monday,
            }, Token);
        }

        await Stores.Get<ISettingsStore>().SetDigestOffAsync(TestData.Tenant, "aad-" + userId, off: true, Token);
        if (userId == Kept)
        {
            // Each applauds the other's recognition, once both exist.
            await recognitions.AddApplauseAsync("r-" + Gone, MarkKey(Kept), Token);
            await recognitions.AddApplauseAsync("r-" + Kept, MarkKey(Gone), Token);
            await recognitions.AddApplauseAsync("g-" + Gone, MarkKey(Kept), Token);
        }
    }

    private async Task AssertGoneAsync(string userId)
    {
        var conversations = Stores.Get<IConversationStore>();
        Assert.Null(await conversations.GetPersonalForUserAsync(TestData.Tenant, userId, Token));
        Assert.Null(await conversations.GetPersonalForAadObjectIdAsync(TestData.Tenant, "aad-" + userId, Token));
        Assert.Null(await conversations.GetAsync(TestData.Tenant, "a:" + userId, Token));
        Assert.Empty(await conversations.SearchPersonalByNameAsync(TestData.Tenant, userId, 5, Token));

        var roster = Stores.Get<IRosterStore>();
        Assert.Empty(await roster.ListTeamsForUserAsync(TestData.Tenant, userId, Token));
        Assert.DoesNotContain(userId, await roster.ListTeamMembersAsync(TestData.Tenant, "team-a", Token).Select(m => m.UserId).ToListAsync(Token));
        Assert.Empty(await roster.SearchByNameAsync(TestData.Tenant, "Name " + userId, 5, Token));
        Assert.Empty(await roster.SearchByNameAsync(TestData.Tenant, userId, 5, Token));
        Assert.Null(await roster.FindByAadObjectIdAsync(TestData.Tenant, "aad-" + userId, Token));
        Assert.Null(await roster.FindByUserIdAsync(TestData.Tenant, userId, Token));

        foreach (var ledger in Ledgers)
            Assert.Null(await Stores.Get<IDeliveryStore>().GetAsync(ledger, RecipientKeys.For(TestData.Tenant, userId), Token));
        Assert.Empty(await Stores.Get<IAnswerStore>().ListByRespondentAsync(AnswerKey(userId), Token).ToListAsync(Token));
        Assert.Null(await Stores.Get<IAnswerStore>().GetAsync(VoicePulse, "voice", AnswerKey(userId), Token));
        Assert.Empty(await Stores.Get<IReviewItemStore>().ListForPersonAsync(TestData.Tenant, AnswerKey(userId), Token));
        Assert.False(await Stores.Get<ISettingsStore>().IsPausedAsync(TestData.Tenant, userId, Token));
        Assert.Empty(await Stores.Get<IRoleStore>().ListForPersonAsync(TestData.Tenant, "aad-" + userId, Token));
        Assert.False(await Stores.Get<ISettingsStore>().IsDigestOffAsync(TestData.Tenant, "aad-" + userId, Token));
        Assert.Empty(await Stores.Get<IRecognitionStore>().ListForRecipientAsync(TestData.Tenant, userId, "aad-" + userId, Token));
    }

    private async Task AssertPresentAsync(string userId)
    {
        var conversations = Stores.Get<IConversationStore>();
        Assert.NotNull(await conversations.GetPersonalForUserAsync(TestData.Tenant, userId, Token));
        Assert.NotNull(await conversations.GetPersonalForAadObjectIdAsync(TestData.Tenant, "aad-" + userId, Token));
        Assert.Equal([userId], (await conversations.SearchPersonalByNameAsync(TestData.Tenant, userId, 5, Token)).Select(c => c.UserId));

        var roster = Stores.Get<IRosterStore>();
        Assert.Equal(["team-a", "team-b"], await roster.ListTeamsForUserAsync(TestData.Tenant, userId, Token));
        Assert.Single(await roster.SearchByNameAsync(TestData.Tenant, "Name " + userId, 5, Token));
        Assert.Equal(userId, (await roster.FindByAadObjectIdAsync(TestData.Tenant, "aad-" + userId, Token))?.UserId);

        foreach (var ledger in Ledgers)
            Assert.NotNull(await Stores.Get<IDeliveryStore>().GetAsync(ledger, RecipientKeys.For(TestData.Tenant, userId), Token));
        Assert.Equal(4, await Stores.Get<IAnswerStore>().ListByRespondentAsync(AnswerKey(userId), Token).CountAsync(Token));
        Assert.Equal(["k1", "k2"], (await Stores.Get<IReviewItemStore>().ListForPersonAsync(TestData.Tenant, AnswerKey(userId), Token)).Select(i => i.QuestionId));
        Assert.True(await Stores.Get<ISettingsStore>().IsPausedAsync(TestData.Tenant, userId, Token));
        Assert.Equal(3, (await Stores.Get<IRoleStore>().ListForPersonAsync(TestData.Tenant, "aad-" + userId, Token)).Count);
        Assert.True(await Stores.Get<ISettingsStore>().IsDigestOffAsync(TestData.Tenant, "aad-" + userId, Token));
        Assert.Equal(["r-" + userId], (await Stores.Get<IRecognitionStore>().ListForRecipientAsync(TestData.Tenant, userId, "aad-" + userId, Token)).Select(r => r.Id));
    }
}

public sealed class SqliteErasureTests() : ErasureContract(() => new SqliteBackend());

public sealed class AzureErasureTests(AzuriteFixture azurite) : ErasureContract(() => new AzureTablesBackend(azurite.ConnectionString));
