using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Privacy;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Settings;
using FocusBot.People;
using FocusBot.Privacy;
using FocusBot.Recognitions;
using FocusBot.Tests.Insights;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FocusBot.Tests.Privacy;

/// <summary>A started FocusBot in which Megan Bowen can be given data of every kind, and her data counted.</summary>
public abstract class ErasureScenario(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>What <see cref="GiveMeganDataEverywhereAsync"/> stores about her.</summary>
    protected const int MegansRows = 16;

    private BotScenario _scenario = null!;

    // The colleague's recognition Megan gave Lee: it names her as its author, so it goes with her.
    private Recognition _megansKudos = null!;

    protected LogCapture Logs { get; } = new();

    protected BotScenario Scenario => _scenario;

    protected static CancellationToken None => CancellationToken.None;

    protected virtual void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);

    public async ValueTask InitializeAsync() => _scenario = await BotScenario.StartAsync(storage, azurite, configureServices: ConfigureServices);

    public async ValueTask DisposeAsync()
    {
        await _scenario.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<(Insight Insight, Recognition OfMegan, Recognition OfSam)> GiveMeganDataEverywhereAsync()
    {
        // An insight for all staff (a delivery to Megan), which Megan and Sam both say they got.
        await Scenario.ExecuteForCardAsync(Person.Ruth, global::FocusBot.Insights.InsightCommand.PostVerb, InsightForms.Valid());
        var insight = Assert.Single(await Scenario.Get<IInsightStore>().ListLatestAsync(BotScenario.TenantId, 5, None));
        foreach (var person in new[] { Person.Megan, Person.Sam })
            await Scenario.ExecuteForCardAsync(person, global::FocusBot.Insights.InsightCommand.GotItVerb, new JsonObject { ["insightId"] = insight.Id }, BotScenario.CustomerWinsChannel);

        // Megan is recognised (a channel post and a delivery to her) and Sam applauds; Sam is recognised and Megan applauds.
        await Scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.PostVerb, RecognitionForm(Person.Megan));
        await Scenario.ExecuteForCardAsync(Person.Ruth, RecognizeCommand.PostVerb, RecognitionForm(Person.Sam));
        var recognitions = await Scenario.Get<IRecognitionStore>().ListRecentAsync(BotScenario.TenantId, 5, None);
        var ofMegan = recognitions.Single(r => r.RecipientUserId == Person.Megan.UserId);
        var ofSam = recognitions.Single(r => r.RecipientUserId == Person.Sam.UserId);
        await Scenario.ExecuteForCardAsync(Person.Sam, ApplauseHandler.ApplaudVerb, new JsonObject { ["recognitionId"] = ofMegan.Id }, BotScenario.CustomerWinsChannel);
        await Scenario.ExecuteForCardAsync(Person.Megan, ApplauseHandler.ApplaudVerb, new JsonObject { ["recognitionId"] = ofSam.Id }, BotScenario.CustomerWinsChannel);

        // Megan recognises Lee, a colleague of her team (a channel post naming her, and a delivery to Lee).
        await Scenario.ExecuteForCardAsync(Person.Megan, KudosCommand.PostVerb, RecognitionForm(Person.Lee));
        _megansKudos = Assert.Single(await Scenario.Get<IRecognitionStore>().ListGivenAsync(BotScenario.TenantId, Person.Megan.UserId, Person.Megan.AadObjectId, null, None));

        await Scenario.SayAsync(Person.Megan, "one thing Call customers back the same day");
        await Scenario.SayAsync(Person.Megan, "pause");

        // A pulse she was sent and answered, and a role she was given.
        var pseudonym = Scenario.Get<Pseudonyms>().For(BotScenario.TenantId, Person.Megan.AadObjectId);
        await Scenario.Get<IDeliveryStore>().CreateIfMissingAsync(
        [
            new Delivery
            {
                LedgerId = "pulse:2026-W48",
                RecipientKey = RecipientKeys.For(BotScenario.TenantId, Person.Megan.UserId),
                TenantId = BotScenario.TenantId,
                UserId = Person.Megan.UserId,
                Status = DeliveryStatus.Answered,
                SendAfter = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            },
        ], None);
        await Scenario.Get<IAnswerStore>().UpsertAsync(new Answer
        {
            PulseId = "2026-W48",
            QuestionId = "a3",
            RespondentPseudonym = pseudonym,
            TenantId = BotScenario.TenantId,
            Value = "4",
            AnsweredAt = DateTimeOffset.UtcNow,
        }, None);
        // A knowledge check she missed, kept to come back to her; Sam missed one too.
        foreach (var person in new[] { Person.Megan, Person.Sam })
            await Scenario.Get<IReviewItemStore>().SaveAsync(ReviewItemOf(person), None);
        // She manages Service Desk (granted by Ada) and turned its weekly digest off.
        await Scenario.SayAsync(Person.Ada, "roles grant manager Megan Bowen " + BotScenario.ServiceDeskTeam);
        await Scenario.SayAsync(Person.Megan, "digest off");
        await Scenario.Get<IRoleStore>().GrantAsync(new RoleAssignment { TenantId = BotScenario.TenantId, AadObjectId = Person.Megan.AadObjectId, Role = Role.HR, GrantedBy = Person.Ada.AadObjectId, GrantedAt = DateTimeOffset.UtcNow }, None);

        // Let the fan-out finish, so its messages do not land among the replies the test reads.
        await Scenario.WaitForCardAsync(Person.Megan.Chat, "You have been recognised");
        await Scenario.WaitForCardAsync(ConversationIds.Personal(BotScenario.TenantId, Person.Lee.UserId), "A colleague recognised you");
        await Scenario.WaitForCardAsync(Person.Ada.Chat, "Callbacks take too long");
        Scenario.Connector.Reset();
        return (insight, ofMegan, ofSam);
    }

    protected async Task AssertMeganErasedAsync(Insight insight, Recognition ofMegan, Recognition ofSam)
    {
        Assert.Equal(0, (await CountMegansAsync()).Total);
        Assert.Null(await Scenario.Get<IConversationStore>().GetPersonalForUserAsync(BotScenario.TenantId, Person.Megan.UserId, None));
        Assert.Null(await Scenario.Get<IRosterStore>().FindByAadObjectIdAsync(BotScenario.TenantId, Person.Megan.AadObjectId, None));
        Assert.Empty(await Scenario.Get<PeoplePicker>().SearchAsync(BotScenario.TenantId, "Megan", 10, None));
        Assert.Null(await Scenario.Get<IDeliveryStore>().GetAsync(global::FocusBot.Insights.InsightContent.LedgerOf(insight.Id),
            RecipientKeys.For(BotScenario.TenantId, Person.Megan.UserId), None));
        Assert.False(await Scenario.Get<ISettingsStore>().IsPausedAsync(BotScenario.TenantId, Person.Megan.UserId, None));
        Assert.Empty(await Scenario.Get<IRoleStore>().ListForPersonAsync(BotScenario.TenantId, Person.Megan.AadObjectId, None));
        Assert.False(await Scenario.Get<ISettingsStore>().IsDigestOffAsync(BotScenario.TenantId, Person.Megan.AadObjectId, None));

        // Counts others see drop; her recognition is gone, in FocusBot and in the channel.
        Assert.Equal(1, (await Scenario.Get<IInsightStore>().GetAsync(insight.Id, None))!.GotItCount);
        Assert.Equal(0, (await Scenario.Get<IRecognitionStore>().GetAsync(ofSam.Id, None))!.ApplauseCount);
        Assert.Null(await Scenario.Get<IRecognitionStore>().GetAsync(ofMegan.Id, None));
        Assert.Contains(Scenario.SentTo(BotScenario.CustomerWinsChannel), s => s.Operation == ConnectorOperation.Delete && s.ActivityId == ofMegan.ActivityId);
        // So is the recognition she gave Lee, which names her as its author.
        Assert.Null(await Scenario.Get<IRecognitionStore>().GetAsync(_megansKudos.Id, None));
        Assert.Contains(Scenario.SentTo(BotScenario.CustomerWinsChannel), s => s.Operation == ConnectorOperation.Delete && s.ActivityId == _megansKudos.ActivityId);

        // Sam's data is untouched.
        Assert.Single(await Scenario.Get<IReviewItemStore>().ListForPersonAsync(BotScenario.TenantId, ReviewItemOf(Person.Sam).RespondentPseudonym, None));
        Assert.Empty(await Scenario.Get<IReviewItemStore>().ListForPersonAsync(BotScenario.TenantId, ReviewItemOf(Person.Megan).RespondentPseudonym, None));
        Assert.NotNull(await Scenario.Get<IConversationStore>().GetPersonalForUserAsync(BotScenario.TenantId, Person.Sam.UserId, None));
        Assert.Equal(ofSam.Id, Assert.Single(await Scenario.Get<IRecognitionStore>().ListRecentAsync(BotScenario.TenantId, 5, None)).Id);
        Assert.Equal("Sam Carter", (await Scenario.Get<PeoplePicker>().ResolveAsync(BotScenario.TenantId, Person.Sam.AadObjectId, None))?.Name);
    }

    private ReviewItem ReviewItemOf(Person person) => new()
    {
        TenantId = BotScenario.TenantId,
        RespondentPseudonym = Scenario.Get<Pseudonyms>().For(BotScenario.TenantId, person.AadObjectId),
        QuestionId = "k-quiz-1",
        Misses = 1,
        DueOn = new DateOnly(2026, 12, 14),
        CreatedOn = new DateOnly(2026, 12, 1),
        UpdatedOn = new DateOnly(2026, 12, 1),
    };

    protected Task<ErasureResult> CountMegansAsync() =>
        Scenario.Get<IPersonalDataEraser>().CountAsync(
            new ErasureTarget(Person.Megan.UserId, Person.Megan.AadObjectId, Person.Megan.Name).ToSubject(BotScenario.TenantId, Scenario.Get<Pseudonyms>()), None);

    protected static JsonObject ButtonData(JsonElement card, string verb) =>
        JsonObject.Create(CardJson.ExecuteActions(card).Single(a => a.GetProperty("verb").GetString() == verb).GetProperty("data"))!;

    private static JsonObject RecognitionForm(Person who) => new()
    {
        [global::FocusBot.Recognitions.RecognitionForm.PersonId] = who.AadObjectId,
        [global::FocusBot.Recognitions.RecognitionForm.BehaviourId] = "Owning the problem",
        [global::FocusBot.Recognitions.RecognitionForm.StoryId] = "Stayed on the call until the customer's line was back up.",
        [global::FocusBot.Recognitions.RecognitionForm.ChannelId] = BotScenario.CustomerWinsChannel,
    };

    protected static TeamMember Member(Person person, string teamId) => new()
    {
        TenantId = BotScenario.TenantId,
        TeamId = teamId,
        UserId = person.UserId,
        AadObjectId = person.AadObjectId,
        Name = person.Name,
    };
}
