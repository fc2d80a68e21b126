using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Actions;
using FocusBot.Admin;
using FocusBot.Cards;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Privacy;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using FocusBot.Insights;
using FocusBot.People;
using FocusBot.Privacy;
using FocusBot.Recognitions;

namespace FocusBot.Tests.Cards;

/// <summary>
/// Every card the roles, insight and recognition features send, filled with hostile text at the longest the forms allow
/// and with the most people, grants and insights the cards list: if these pass Microsoft's schema, renderer and size
/// checks, the real ones do.
/// </summary>
public static class WorstCaseCards
{
    /// <summary>Text that tries every trick: markup, links, images, mentions, card functions, attributes, hidden characters.</summary>
    public const string Hostile = "**Bold** _it_ [link](https://evil.example) ![img](https://evil.example/i.png) <at>Megan</at> " +
        "{{DATE(2026-01-01T00:00:00Z, SHORT)}} {.x} `code` ~~s~~ | www.evil.example \u202Eesrever\u202C\n# heading\n- item\n1. one";

    public static string Fill(int length) => string.Concat(Enumerable.Repeat(Hostile, (length / Hostile.Length) + 1))[..length];

    private static readonly DateTimeOffset When = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public static readonly ConversationRecord Channel = new()
    {
        TenantId = "t",
        ConversationId = "19:c@thread.tacv2",
        Kind = ConversationKind.Channel,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        BotId = "28:bot",
        TeamId = "19:team@thread.tacv2",
        TeamName = Fill(80),
        ChannelName = Fill(80),
        InstalledAt = When,
        UpdatedAt = When,
    };

    public static Insight Insight(int i = 0) => new()
    {
        Id = "0199" + i.ToString("D28", System.Globalization.CultureInfo.InvariantCulture),
        TenantId = "t",
        Title = Fill(InsightForm.MaxTitle),
        Body = Fill(InsightForm.MaxBody),
        Source = "Customer quote: " + Fill(InsightForm.MaxSourceDetail),
        KpiName = Fill(InsightForm.MaxKpiName),
        KpiValue = Fill(InsightForm.MaxKpiValue),
        KpiTrend = "Worsening",
        Link = "https://contoso.sharepoint.com/sites/cx/" + new string('a', 400),
        AuthorAadObjectId = "author",
        AuthorName = Fill(80),
        AudienceTeamId = Channel.TeamId,
        AudienceChannelId = Channel.ConversationId,
        AllStaff = true,
        QuestionId = "k-insight-1",
        CreatedAt = When,
        GotItCount = 1234,
    };

    public static Recognition Recognition(int i = 0, string? behaviour = null) => new()
    {
        Id = "0199" + i.ToString("D28", System.Globalization.CultureInfo.InvariantCulture),
        TenantId = "t",
        RecipientUserId = "29:megan",
        RecipientAadObjectId = "aad-megan",
        RecipientName = Fill(80),
        AuthorAadObjectId = "aad-ruth",
        AuthorName = Fill(80),
        Behaviour = behaviour ?? Fill(RecognitionOptions.MaxBehaviourLength),
        Story = Fill(RecognitionForm.MaxStory),
        TeamId = Channel.TeamId!,
        ChannelId = Channel.ConversationId,
        ActivityId = "1731400000000",
        CreatedAt = When,
        ApplauseCount = 17,
    };

    public static IReadOnlyList<RosterPerson> People(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new RosterPerson { TenantId = "t", UserId = $"29:user-{i}", AadObjectId = Guid.NewGuid().ToString(), Name = Fill(80) })];

    private static readonly IReadOnlyList<string> ManyBehaviours =
        [.. Enumerable.Range(0, RecognitionOptions.MaxBehaviours).Select(i => i + Fill(RecognitionOptions.MaxBehaviourLength - 2))];

    private static JsonElement TypedForm(params string[] ids)
    {
        var form = new JsonObject();
        foreach (var id in ids)
            form[id] = Fill(1000);
        return JsonDocument.Parse(form.ToJsonString()).RootElement.Clone();
    }

    private static readonly IReadOnlyList<string> ManyProblems = [.. Enumerable.Range(0, 15).Select(_ => Fill(200))];

    /// <summary>Name → card.</summary>
    public static IReadOnlyDictionary<string, AdaptiveCard> All() => new Dictionary<string, AdaptiveCard>
    {
        ["insight-form"] = InsightFormCard.Create([Channel, Channel with { ConversationId = "19:d@thread.tacv2" }]),
        ["insight-form-no-team"] = InsightFormCard.Create([]),
        ["insight-form-refused"] = InsightFormCard.Create([Channel], TypedForm(InsightForm.TitleId, InsightForm.BodyId, InsightForm.SourceDetailId,
            InsightForm.KpiNameId, InsightForm.KpiValueId, InsightForm.LinkId, InsightForm.QuestionId, "option1", "option2", "option3", "option4"), ManyProblems),
        ["insight"] = InsightCard.Create(Insight()),
        ["insight-got-it"] = InsightCard.Create(Insight(), InsightCard.GotItState.JustNow),
        ["insight-already"] = InsightCard.Create(Insight(), InsightCard.GotItState.Already),
        ["insight-list"] = InsightListCard.Create([.. Enumerable.Range(0, InsightListCard.Count).Select(Insight)], "author", Insight(2).Id),
        ["insight-list-empty"] = InsightListCard.Create([], null),
        ["insight-posted"] = InsightReachCard.Posted(new InsightPublished(Insight(), Fill(170), false, 5000, true)),
        ["insight-reach"] = InsightReachCard.Reach(Insight(), new Dictionary<DeliveryStatus, int>
        {
            [DeliveryStatus.Sent] = 4000,
            [DeliveryStatus.Pending] = 900,
            [DeliveryStatus.Blocked] = 12,
            [DeliveryStatus.Failed] = 3,
        }),
        ["recognition-form"] = RecognitionFormCard.Create(People(PeoplePicker.MaxChoices), Fill(300), ManyBehaviours, [.. Enumerable.Range(0, 20).Select(i => Channel with { ConversationId = $"19:{i}@thread.tacv2" })]),
        ["recognition-form-refused"] = RecognitionFormCard.Create(People(PeoplePicker.MaxChoices), null, ManyBehaviours, [Channel],
            TypedForm(RecognitionForm.StoryId, RecognitionForm.SearchId, RecognitionForm.PersonId), ManyProblems),
        ["recognition-form-no-team"] = RecognitionFormCard.NoTeam(),
        ["recognition-channel"] = RecognitionCard.Channel(Recognition()),
        ["recognition-channel-applauded"] = RecognitionCard.Channel(Recognition(), RecognitionCard.ApplauseState.JustNow),
        ["recognition-personal"] = RecognitionCard.Personal(Recognition(), Fill(170)),
        ["recognition-posted"] = RecognizeCommand.PostedCard(Recognition(), Fill(170)),
        ["recognitions"] = RecognitionsCard.Create([.. Enumerable.Range(0, RecognitionsCard.Recent).Select(i => Recognition(i))], ManyBehaviours,
            new MonthlyCount("November", ManyBehaviours.ToDictionary(b => b, _ => 12)),
            new MonthlyCount("October", ManyBehaviours.Take(3).Append("Retired behaviour").ToDictionary(b => b, _ => 3)), "29:viewer", Recognition(1).Id),
        ["roles"] = RolesCard.Create(
            [.. Enumerable.Range(0, 40).Select(i => new RoleAssignment { TenantId = "t", AadObjectId = $"aad-{i}", Role = (Role)(i % 3), GrantedBy = "x", GrantedAt = When })],
            Enumerable.Range(0, 40).ToDictionary(i => $"aad-{i}", _ => Fill(80)),
            3,
            new Dictionary<Role, string> { [Role.Executive] = "19:" + Fill(100) + "@thread.tacv2", [Role.HR] = "19:" + Fill(100) + "@thread.tacv2" },
            Enumerable.Range(0, 40).ToDictionary(i => $"19:{i}-{Fill(80)}@thread.tacv2", _ => Fill(80)),
            People(PeoplePicker.MaxChoices),
            Fill(400),
            [Fill(200), Fill(200)]),
        ["erase-confirm"] = ErasureCard.Confirm(ErasureTarget(), ErasureCounts),
        ["erase-confirm-nothing"] = ErasureCard.Confirm(ErasureTarget() with { AadObjectId = null }, ErasureResult.None),
        ["erase-candidates"] = ErasureCard.Candidates(Fill(ErasureTargets.MaxTermLength), People(ErasureCard.MaxCandidates + 5)),
        ["erase-done"] = ErasureCard.Done(ErasureTarget(), ErasureCounts, 120),
        ["erase-done-nothing"] = ErasureCard.Done(ErasureTarget(), ErasureResult.None, 0),
        ["erase-in-progress"] = ErasureCard.InProgress(ErasureTarget()),
        ["erase-failed"] = ErasureCard.Failed(ErasureTarget()),
        ["erase-cancelled"] = ErasureCard.Cancelled(),
        ["action-form"] = ActionFormCard.Create([.. Enumerable.Range(0, 20).Select(i => Channel with { ConversationId = $"19:{i}@thread.tacv2" })], Themes, Today),
        ["action-form-no-team"] = ActionFormCard.Create([], [], Today),
        ["action-form-refused"] = ActionFormCard.Create([Channel], Themes, Today, TypedForm(ActionForm.ChangeId, ActionForm.OwnerId), ManyProblems),
        ["action"] = ActionCard.Create(Action()),
        ["action-update"] = ActionCard.Create(Action() with { Status = ActionStatus.Done }, update: true),
        ["action-list"] = ActionListCard.Create([.. Enumerable.Range(0, ActionListCard.PageSize).Select(Action)], ActionListCard.PageSize, hasMore: true, mayChange: true),
        ["action-list-empty"] = ActionListCard.Create([], 0, hasMore: false, mayChange: false),
        ["action-edit"] = ActionStatusCard.Edit(Action(), ManyProblems),
        ["action-recorded"] = ActionStatusCard.Recorded(new ActionPublished(Action(), IsUpdate: false, Notified: true, Fill(170), ChannelPosted: false, 5000)),
        ["action-status-quiet"] = ActionStatusCard.Recorded(new ActionPublished(Action(), IsUpdate: true, Notified: false, null, ChannelPosted: false, 0), "Status changed to Done"),
    };

    private static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>As many themes as the report shows, each a long phrase.</summary>
    private static readonly IReadOnlyList<string> Themes = [.. Enumerable.Range(0, 10).Select(i => i + Fill(119))];

    public static ProgrammeAction Action(int i = 0) => new()
    {
        Id = "action-" + i,
        TenantId = "t",
        Change = Fill(ActionForm.MaxChange),
        Owner = Fill(ActionForm.MaxOwner),
        DueDate = Today.AddDays(30),
        Status = ActionStatus.InProgress,
        Theme = Fill(120),
        RecordedByAadObjectId = "aad",
        Sponsor = ActionSponsor.Leadership,
        AllStaff = true,
        CreatedAt = When,
        UpdatedAt = When,
    };

    private static readonly ErasureResult ErasureCounts = new()
    {
        ConversationReferences = 1,
        RosterEntries = 250,
        Deliveries = 99_999,
        Answers = 99_999,
        PauseFlags = 1,
        RoleAssignments = 3,
        GotItMarks = 9_999,
        ApplauseMarks = 9_999,
        Recognitions = 120,
    };

    // The button data carries the name as the Admin saw it: plain, bounded; the ids as long as the form lets through.
    private static ErasureTarget ErasureTarget() => new("29:" + new string('u', 190), Fill(100), CardText.Plain(Fill(80), 80));
}
