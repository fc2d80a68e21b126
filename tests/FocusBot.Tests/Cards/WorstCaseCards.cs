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
        ChannelIds = [.. ManyChannels.Select(c => c.ConversationId)],
        TeamIds = [Channel.TeamId!],
        AllStaff = true,
        QuestionId = "k-insight-1",
        CreatedAt = When,
        SendAt = When,
        TimeZone = "America/Argentina/Buenos_Aires",
        Revision = 3,
        ChangedAt = When.AddDays(1),
        GotItCount = 1234,
    };

    private static readonly IReadOnlyList<ConversationRecord> ManyChannels =
        [.. Enumerable.Range(0, 20).Select(i => Channel with { ConversationId = $"19:{i}@thread.tacv2", TeamId = $"19:team-{i}@thread.tacv2" })];

    private static readonly DeliveryTally ManyMessages = new(40_000, 1_200, 9_000);

    private static readonly InsightReach WideReach = new(string.Join(" · ", ManyChannels.Select(_ => Fill(170))), ManyMessages, [.. ManyChannels.Select(_ => new InsightChannelPost(Fill(170), DeliveryStatus.Failed))],
        (ManyMessages, new DeliveryTally(10, 5, 5)), (ManyMessages, new DeliveryTally(10, 5, 5)));

    private static readonly TimeZoneInfo LongZone = TimeZoneInfo.FindSystemTimeZoneById("America/Argentina/Buenos_Aires");

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

    // FocusBot in 40 teams, each named at the longest Teams allows in a card.
    private static readonly IReadOnlyList<(string Id, string Name)> ManyTeams = [.. Enumerable.Range(0, 40).Select(i => ($"19:team-{i}@thread.tacv2", Fill(80)))];

    private static readonly IReadOnlyList<string> Months =
        [.. Enumerable.Range(0, RecognitionHistoryView.MonthsOffered).Select(i => When.AddMonths(-i)).Select(m => RecognitionHistoryView.MonthKey(m.Year, m.Month))];

    private static CountRows Rows(IReadOnlyList<string> labels) =>
        new(labels, [.. labels.Select(_ => (IReadOnlyList<int>)[.. Enumerable.Repeat(1234, RecognitionCountsCommand.Months)])]);

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
        ["insight-form"] = InsightFormCard.Create(ManyChannels, LongZone),
        ["insight-form-no-team"] = InsightFormCard.Create([], TimeZoneInfo.Utc),
        ["insight-form-refused"] = InsightFormCard.Create([Channel], LongZone, TypedForm(InsightForm.TitleId, InsightForm.BodyId, InsightForm.SourceDetailId,
            InsightForm.KpiNameId, InsightForm.KpiValueId, InsightForm.LinkId, InsightForm.QuestionId, "option1", "option2", "option3", "option4"), ManyProblems),
        ["insight-edit"] = InsightFormCard.Edit(Insight()),
        ["insight-edit-refused"] = InsightFormCard.Edit(Insight(), TypedForm(InsightForm.TitleId, InsightForm.BodyId, InsightForm.SourceDetailId,
            InsightForm.KpiNameId, InsightForm.KpiValueId, InsightForm.LinkId), ManyProblems),
        ["insight"] = InsightCard.Create(Insight()),
        ["insight-got-it"] = InsightCard.Create(Insight(), InsightCard.GotItState.JustNow),
        ["insight-already"] = InsightCard.Create(Insight(), InsightCard.GotItState.Already),
        ["insight-list"] = InsightListCard.Create(
            [.. Enumerable.Range(0, InsightListCard.Count).Select(i => Insight(i) with { Status = InsightStatus.Scheduled }), .. Enumerable.Range(5, InsightListCard.Count).Select(Insight)],
            new InsightListViewer("author", MayManage: true, 5), Insight(6).Id),
        ["insight-list-recalled"] = InsightListCard.Create([.. Enumerable.Range(0, InsightListCard.Count).Select(i => Insight(i) with { Status = InsightStatus.Recalled })],
            new InsightListViewer("author", MayManage: true, 5)),
        ["insight-list-empty"] = InsightListCard.Create([], new InsightListViewer(null, MayManage: false, 5)),
        ["insight-posted"] = InsightReachCard.Posted(new InsightPublished(Insight(),
            new InsightReleased(Insight(), [.. ManyChannels.Select(_ => new InsightChannelPost(Fill(170), DeliveryStatus.Failed))], 50_000, 20), true), When),
        ["insight-scheduled"] = InsightReachCard.Posted(new InsightPublished(Insight() with { Status = InsightStatus.Scheduled }, null, true), When),
        ["insight-reach"] = InsightReachCard.Reach(Insight(), WideReach, InsightCard.GotItCount(1234, 5), When, Fill(400)),
        ["insight-recall"] = InsightReachCard.ConfirmRecall(Insight()),
        ["recognition-form"] = RecognitionFormCard.Create(RecognitionFormMode.Executive, Fill(400), People(PeoplePicker.MaxChoices), Fill(300), ManyBehaviours,
            [.. Enumerable.Range(0, 20).Select(i => Channel with { ConversationId = $"19:{i}@thread.tacv2" })]),
        ["recognition-form-refused"] = RecognitionFormCard.Create(RecognitionFormMode.Executive, Fill(400), People(PeoplePicker.MaxChoices), null, ManyBehaviours, [Channel],
            previous: TypedForm(RecognitionForm.StoryId, RecognitionForm.SearchId, RecognitionForm.PersonId), problems: ManyProblems),
        ["recognition-form-peer-in-channel-refused"] = RecognitionFormCard.Create(RecognitionFormMode.Peer, Fill(400), People(PeoplePicker.MaxChoices), Fill(300),
            ManyBehaviours, [Channel], Channel, TypedForm(RecognitionForm.StoryId, RecognitionForm.SearchId, RecognitionForm.PersonId), ManyProblems),
        ["recognition-form-no-team"] = RecognitionFormCard.NoTeam("recognize"),
        ["recognition-form-no-own-team"] = RecognitionFormCard.NoOwnTeam(),
        ["recognition-channel"] = RecognitionCard.Channel(Recognition()),
        ["recognition-channel-peer"] = RecognitionCard.Channel(Recognition() with { Kind = RecognitionKind.Peer }),
        ["recognition-channel-applauded"] = RecognitionCard.Channel(Recognition(), RecognitionCard.ApplauseState.JustNow),
        ["recognition-personal"] = RecognitionCard.Personal(Recognition(), Fill(170)),
        ["recognition-personal-peer"] = RecognitionCard.Personal(Recognition() with { Kind = RecognitionKind.Peer }, Fill(170)),
        ["recognition-posted"] = RecognitionFormFlow.PostedCard(Recognition() with { Kind = RecognitionKind.Peer }, Fill(170), left: 2),
        ["recognitions"] = RecognitionsCard.Create([.. Enumerable.Range(0, RecognitionHistoryView.PageSize).Select(i => Recognition(i) with { Kind = (RecognitionKind)(i % 2) })],
            hasMore: true, new RecognitionHistoryView(null, null, null, null, 5), ManyTeams, ManyBehaviours, Months,
            (new MonthlyCount("November", ManyBehaviours.ToDictionary(b => b, _ => 12)),
                new MonthlyCount("October", ManyBehaviours.Take(3).Append("Retired behaviour").ToDictionary(b => b, _ => 3))),
            new HistoryReader("29:viewer", MayCount: true, MayExport: true), Recognition(1).Id),
        ["recognitions-filtered"] = RecognitionsCard.Create([.. Enumerable.Range(0, RecognitionHistoryView.PageSize).Select(i => Recognition(i))],
            hasMore: true, new RecognitionHistoryView(ManyTeams[3].Id, "Retired " + Fill(50), Months[2], RecognitionKind.Peer, 10), ManyTeams, ManyBehaviours, Months, null,
            new HistoryReader("29:viewer", MayCount: true, MayExport: true)),
        ["recognition-counts"] = RecognitionCountsCard.Create(Months.Take(RecognitionCountsCommand.Months).Reverse().ToList(),
            Rows([.. ManyBehaviours, "Retired " + Fill(50)]), Rows([.. ManyTeams.Take(RecognitionCountsCommand.MaxTeamRows - 1).Select(t => t.Name), "25 other teams"]), Rows(RecognitionCountsCard.KindLabels)),
        ["roles"] = RolesCard.Create(
            [.. Enumerable.Range(0, 40).Select(i => new RoleAssignment
            {
                TenantId = "t",
                AadObjectId = $"aad-{i}",
                Role = (Role)(i % 4),
                TeamId = (Role)(i % 4) == Role.Manager ? $"19:{i}-{Fill(100)}@thread.tacv2" : null,
                GrantedBy = "x",
                GrantedAt = When,
            })],
            Enumerable.Range(0, 40).ToDictionary(i => $"aad-{i}", _ => Fill(80)),
            3,
            new Dictionary<Role, string> { [Role.Executive] = "19:" + Fill(100) + "@thread.tacv2", [Role.HR] = "19:" + Fill(100) + "@thread.tacv2" },
            Enumerable.Range(0, 40).ToDictionary(i => $"19:{i}-{Fill(80)}@thread.tacv2", _ => Fill(80)),
            People(PeoplePicker.MaxChoices),
            Fill(400),
            [Fill(200), Fill(200)]),
        ["roles-choose-team"] = RolesCard.ChooseTeam("aad-0", Fill(80), Enumerable.Range(0, 40).ToDictionary(i => $"19:{i}-{Fill(100)}@thread.tacv2", _ => Fill(80))),
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
        RoleAssignments = 300,
        DigestSettings = 1,
        GotItMarks = 9_999,
        ApplauseMarks = 9_999,
        Recognitions = 120,
        RecognitionsGiven = 999,
        ReviewItems = 9_999,
    };

    // The button data carries the name as the Admin saw it: plain, bounded; the ids as long as the form lets through.
    private static ErasureTarget ErasureTarget() => new("29:" + new string('u', 190), Fill(100), CardText.Plain(Fill(80), 80));
}
