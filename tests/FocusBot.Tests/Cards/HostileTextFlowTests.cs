using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator.Roster;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using FocusBot.Insights;
using FocusBot.Pulses;
using FocusBot.Recognitions;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;

namespace FocusBot.Tests.Cards;

/// <summary>
/// Person, team and channel names come from Teams, and insights, stories, comments and the question bank from what people
/// typed. Teams renders markdown in card text and in chat messages, so wherever FocusBot shows them they must read as
/// typed and never become a link, bold text, a heading or a tag. This drives every flow through POST /api/messages with
/// such names and text, and checks everything FocusBot sends (recorded by the Connector simulator) and every card an
/// invoke answers with.
/// </summary>
public sealed class HostileTextFlowTests : IAsyncLifetime
{
    private const string Hostile = "**[click](https://evil.example)** <b>x</b> # _y_";

    /// <summary>Where a field takes several lines, block markup gets a line start to work from.</summary>
    private const string HostileLines = "# " + Hostile + "\n- " + Hostile + "\n1. " + Hostile;

    /// <summary>What shows that the hostile text reached a string (the link target survives escaping, broken).</summary>
    private const string Marker = "evil.example";

    private const string EvilTeam = "19:team-evil@thread.tacv2";
    private const string EvilChannel = "19:evil-channel@thread.tacv2";

    private static readonly Person Author = new("29:1evil-author", Hostile + " Ann", "e1e1e1e1-0000-4000-8000-0000000000e1", Role.Admin, Role.HR, Role.Executive);
    private static readonly Person Recipient = new("29:1evil-recipient", Hostile + " Bo", "e2e2e2e2-0000-4000-8000-0000000000e2");

    private readonly List<(string Step, string Text)> _rendered = [];
    private BotScenario _scenario = null!;
    private int _recorded;

    public async ValueTask InitializeAsync() => _scenario = await BotScenario.StartAsync(StorageKind.Sqlite, null);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task EveryCardAndMessage_WithHostileNamesAndText_ShowsThemAsTyped()
    {
        await JoinAsync();
        Step("welcome", hostile: false);
        await _scenario.SayAsync(Author, "help");
        Step("help", hostile: false);

        var questions = await QuestionBankAsync();
        await PulseAsync(questions);
        await OneThingAsync();
        await InsightAsync();
        await RecognitionAsync();
        await RolesAndErasureAsync();
        await TrendsAsync(questions);
        await EraseAsync();

        var live = _rendered.Select(r => (r.Step, r.Text, Problem: RenderedText.LiveMarkup(r.Text))).Where(r => r.Problem is not null).ToList();
        Assert.True(live.Count == 0, "Live markup in what FocusBot sent:\n" + string.Join("\n", live.Select(l => $"[{l.Step}] {l.Problem} in: {l.Text}")));
    }

    /// <summary>FocusBot joins a team and channel named with markup; the author and the recipient open their personal chats.</summary>
    private async Task JoinAsync()
    {
        var connector = _scenario.Connector;
        connector.AddConversation(EvilChannel, BotScenario.TenantId);
        connector.AddTeam(EvilTeam, [EvilChannel], [.. new[] { Author, Recipient, Person.Sam, Person.Megan }.Select(p => new SimulatedMember(p.UserId) { Name = p.Name, AadObjectId = p.AadObjectId })]);
        await _scenario.InstallInTeamAsync(EvilTeam, Hostile + " Team", EvilChannel, Hostile + " Channel");
        await _scenario.Get<IRosterStore>().ReplaceTeamRosterAsync(BotScenario.TenantId, EvilTeam,
            [.. new[] { Author, Recipient, Person.Sam, Person.Megan }.Select(p => new TeamMember
            {
                TenantId = BotScenario.TenantId,
                TeamId = EvilTeam,
                UserId = p.UserId,
                AadObjectId = p.AadObjectId,
                Name = p.Name,
                TimeZone = "Europe/London",
            })], CancellationToken.None);
        var roles = _scenario.Get<IRoleStore>();
        foreach (var role in Author.Roles)
        {
            await roles.GrantAsync(new RoleAssignment
            {
                TenantId = BotScenario.TenantId,
                AadObjectId = Author.AadObjectId,
                Role = role,
                GrantedBy = "test",
                GrantedAt = DateTimeOffset.UtcNow,
            }, CancellationToken.None);
        }

        foreach (var person in new[] { Author, Recipient })
        {
            connector.AddConversation(person.Chat, BotScenario.TenantId);
            var response = await _scenario.Host.PostActivityAsync(ActivityJson.Load("installationUpdate.add.personal", ActivityJson.From(person, connector.BaseUrl, person.Chat)));
            Assert.True(response.IsSuccessStatusCode);
        }

        await _scenario.WaitForCardAsync(Recipient.Chat, "Welcome to FocusBot");
    }

    /// <summary>An import of questions, options and explanations written with markup; the list; an import that is refused.</summary>
    private async Task<IReadOnlyList<Question>> QuestionBankAsync()
    {
        const string Header = "id,text,dimension,level,kind,options,correctOption,explanation,tags,active";
        string[] rows =
        [
            $"k-evil,{Hostile} quiz,Knowledge,1,Quiz,{Hostile} one|{Hostile} two,0,{Hostile} why,,true",
            $"a-evil,{Hostile} agree,Attitude,1,Agreement,,,,,true",
            $"b-evil,{Hostile} often,Behaviour,1,Frequency,,,,,true",
            $"v-evil,{Hostile} voice,Voice,1,FreeText,,,,,true",
        ];
        await _scenario.SayAsync(Author, "questions import\n" + string.Join("\n", [Header, .. rows]));
        Step("questions import", hostile: false);
        await _scenario.SayAsync(Author, "questions");
        Step("questions list", hostile: true);
        await _scenario.SayAsync(Author, "questions import\n" + Header + $"\nk-bad,{Hostile},Knowledge,1,{Hostile},,,,,true");
        Step("questions import problems", hostile: true);

        var store = _scenario.Get<IQuestionStore>();
        var bank = await store.ListAsync(includeInactive: false, CancellationToken.None);
        var imported = bank.Where(q => q.Id.EndsWith("-evil", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, imported.Count);
        return imported;
    }

    /// <summary>The pulse form, refused answers (the problem quotes the question), and the answered card.</summary>
    private async Task PulseAsync(IReadOnlyList<Question> questions)
    {
        var now = _scenario.Get<TimeProvider>().GetUtcNow();
        var pulse = await _scenario.Get<IPulseStore>().CreateAsync(new Pulse
        {
            Id = "hostile-pulse",
            TenantId = BotScenario.TenantId,
            QuestionIds = [.. questions.Where(q => q.Dimension != QuestionDimension.Voice).Select(q => q.Id)],
            OpensAt = now.AddHours(-1),
            ClosesAt = now.AddDays(3),
            Status = PulseStatus.Open,
        }, CancellationToken.None);
        Assert.NotNull(pulse);

        await _scenario.SayAsync(Author, "pulse");
        Step("pulse card", hostile: false); // the questions are input labels: plain text, not rendered as markdown
        await InvokeAsync("pulse answer refused", Author, PulseCard.AnswerVerb, new JsonObject { ["pulseId"] = pulse.Id, [PulseCard.InputPrefix + "k-evil"] = "9" });
        await InvokeAsync("pulse answered", Author, PulseCard.AnswerVerb, new JsonObject
        {
            ["pulseId"] = pulse.Id,
            [PulseCard.InputPrefix + "k-evil"] = "1",
            [PulseCard.InputPrefix + "a-evil"] = "4",
            [PulseCard.InputPrefix + "b-evil"] = "2",
        });
        await InvokeAsync("pulse edit", Author, PulseCard.EditVerb, new JsonObject { ["pulseId"] = pulse.Id }, hostile: false);
    }

    /// <summary>"one thing": the form shows the Voice question, a typed suggestion, and a refused empty one.</summary>
    private async Task OneThingAsync()
    {
        await _scenario.SayAsync(Author, "one thing");
        Step("one thing form", hostile: true);
        await _scenario.SayAsync(Author, "one thing " + Hostile);
        Step("one thing typed", hostile: false);
        await InvokeAsync("one thing empty", Author, OneThingCommand.SubmitVerb, new JsonObject { ["oneThing"] = " " });
        await InvokeAsync("one thing sent", Author, OneThingCommand.SubmitVerb, new JsonObject { ["oneThing"] = HostileLines }, hostile: false);
    }

    /// <summary>An insight written with markup, posted in the channel named with markup and to all staff; the list; its reach.</summary>
    private async Task InsightAsync()
    {
        var form = new JsonObject
        {
            [InsightForm.TitleId] = Hostile,
            [InsightForm.BodyId] = HostileLines,
            [InsightForm.SourceId] = "kpi",
            [InsightForm.SourceDetailId] = Hostile,
            [InsightForm.KpiNameId] = Hostile,
            [InsightForm.KpiValueId] = Hostile[..InsightForm.MaxKpiValue],
            [InsightForm.KpiTrendId] = "Worsening",
            [InsightForm.LinkId] = "https://contoso.sharepoint.com/sites/cx/callbacks",
            [InsightForm.ChannelId] = EvilChannel,
            [InsightForm.AllStaffId] = "true",
            [InsightForm.QuestionId] = Hostile + " check",
            [InsightForm.OptionId(0)] = Hostile + " a",
            [InsightForm.OptionId(1)] = Hostile + " b",
            [InsightForm.CorrectId] = "1",
        };
        await InvokeAsync("insight refused", Author, InsightCommand.PostVerb, new JsonObject { [InsightForm.TitleId] = Hostile }, hostile: false); // the typed values are input values: plain text
        await InvokeAsync("insight posted", Author, InsightCommand.PostVerb, form);
        // The channel post goes out within the request that posts the insight, and a personal card may too: so the step
        // reads the cards themselves, whichever step saw them sent.
        var inChannel = await _scenario.WaitForCardAsync(EvilChannel, Marker);
        var inChat = await _scenario.WaitForCardAsync(Recipient.Chat, Marker);
        Step("insight cards", hostile: true, [.. RenderedText.OfCard(inChannel), .. RenderedText.OfCard(inChat)]);
        await _scenario.SayAsync(Author, "insights");
        Step("insight list", hostile: true);
        var insight = (await _scenario.Get<IInsightStore>().ListLatestAsync(BotScenario.TenantId, 1, CancellationToken.None))[0];
        await InvokeAsync("insight reach", Author, InsightManagement.ReachVerb, new JsonObject { ["insightId"] = insight.Id });
        await InvokeAsync("insight got it", Recipient, InsightCommand.GotItVerb, new JsonObject { ["insightId"] = insight.Id }, EvilChannel);
        await InvokeAsync("insight edit form", Author, InsightManagement.EditVerb, new JsonObject { ["insightId"] = insight.Id }, hostile: false); // input values: plain text
        var edited = (JsonObject)form.DeepClone();
        edited["insightId"] = insight.Id;
        edited[InsightForm.BodyId] = Hostile + " edited";
        await InvokeAsync("insight edited", Author, InsightManagement.SaveVerb, edited);
        Step("insight cards edited", hostile: true, [.. RenderedText.OfCard(await _scenario.WaitForCardAsync(EvilChannel, "edited"))]);
        await InvokeAsync("insight recall asked", Author, InsightManagement.RecallVerb, new JsonObject { ["insightId"] = insight.Id });
    }

    /// <summary>A search typed with markup, then a recognition of the recipient with a story written with markup.</summary>
    private async Task RecognitionAsync()
    {
        await _scenario.SayAsync(Author, "recognize");
        Step("recognition form", hostile: false); // people are choice titles: plain text
        await InvokeAsync("recognition search", Author, RecognizeCommand.SearchVerb, new JsonObject { [RecognitionForm.SearchId] = Hostile });
        await InvokeAsync("recognition refused", Author, RecognizeCommand.PostVerb, new JsonObject { [RecognitionForm.StoryId] = HostileLines }, hostile: false);
        await InvokeAsync("recognition posted", Author, RecognizeCommand.PostVerb, new JsonObject
        {
            [RecognitionForm.PersonId] = Recipient.AadObjectId,
            [RecognitionForm.BehaviourId] = RecognitionOptions.DefaultBehaviours[0],
            [RecognitionForm.StoryId] = HostileLines,
            [RecognitionForm.ChannelId] = EvilChannel,
        });
        await _scenario.WaitForCardAsync(EvilChannel, "is recognised for");
        await _scenario.WaitForCardAsync(Recipient.Chat, "You have been recognised");
        Step("recognition cards", hostile: true);
        await _scenario.SayAsync(Author, "recognitions");
        Step("recognition list", hostile: true);
        var recognition = (await _scenario.Get<IRecognitionStore>().ListRecentAsync(BotScenario.TenantId, 1, CancellationToken.None))[0];
        await InvokeAsync("recognition applauded", Person.Sam, ApplauseHandler.ApplaudVerb, new JsonObject { ["recognitionId"] = recognition.Id }, EvilChannel);
    }

    /// <summary>The roles card listing a name with markup, grants by such names, and erasure of such a person.</summary>
    private async Task RolesAndErasureAsync()
    {
        await _scenario.SayAsync(Author, "roles");
        Step("roles", hostile: true);
        await _scenario.SayAsync(Author, "roles grant executive " + Recipient.Name);
        Step("roles grant", hostile: true);
        await _scenario.SayAsync(Author, "roles grant hr " + Hostile);
        Step("roles grant ambiguous", hostile: true);
        await _scenario.SayAsync(Author, "erase " + Recipient.Name);
        Step("erase confirmation", hostile: true);
        await _scenario.SayAsync(Author, "erase " + Hostile + " nobody");
        Step("erase nobody", hostile: true);
    }

    /// <summary>The Erase button of the confirmation: the card saying what was removed names the person.</summary>
    private async Task EraseAsync()
    {
        await _scenario.SayAsync(Author, "erase " + Recipient.Name);
        var erase = CardJson.ExecuteActions(_scenario.LastCardTo(Author)).Single(a => a.GetProperty("verb").GetString() == FocusBot.Privacy.EraseCommand.ConfirmVerb);
        Step("erase confirmation again", hostile: true);
        await InvokeAsync("erase done", Author, FocusBot.Privacy.EraseCommand.ConfirmVerb, JsonObject.Create(erase.GetProperty("data"))!);
    }

    /// <summary>Trend figures for the team named with markup, with Voice comments written with markup: the card and the digest.</summary>
    private async Task TrendsAsync(IReadOnlyList<Question> questions)
    {
        await TrendSeed.SeedAsync(_scenario, questions, [EvilTeam, BotScenario.ServiceDeskTeam], Hostile);
        await _scenario.SayAsync(Author, "trends");
        Step("trends", hostile: true);
        await _scenario.SayAsync(Author, "trends [nowhere](https://evil.example)");
        Step("trends unknown team", hostile: true);
        Assert.True(await _scenario.Get<TrendDigestService>().RunOnceAsync(CancellationToken.None) > 0);
        Step("digest", hostile: true);
    }

    /// <summary>Presses a button; records the card or message the invoke answers with, and what was sent meanwhile.</summary>
    private async Task InvokeAsync(string step, Person person, string verb, JsonObject data, string? conversationId = null, bool hostile = true)
    {
        var response = await _scenario.ExecuteAsync(person, verb, data, conversationId);
        List<string> texts = [];
        if (response.TryGetProperty("value", out var value))
            texts.AddRange(value.ValueKind == JsonValueKind.String ? [value.GetString()!] : RenderedText.OfCard(value));
        Step(step, hostile, texts);
    }

    /// <summary>
    /// Records every string rendered in what FocusBot sent since the last step (and <paramref name="answered"/>); when
    /// the step shows hostile text, checks that some string carries it, so the test cannot pass by showing nothing.
    /// </summary>
    private void Step(string step, bool hostile, IReadOnlyList<string>? answered = null)
    {
        var sent = _scenario.Connector.Sent;
        var texts = sent.Skip(_recorded).SelectMany(s => RenderedText.OfActivity(s.Activity)).Concat(answered ?? []).ToList();
        _recorded = sent.Count;
        Assert.True(texts.Count > 0, $"[{step}] FocusBot sent nothing.");
        if (hostile)
            Assert.True(texts.Any(t => t.Contains(Marker, StringComparison.Ordinal)), $"[{step}] the hostile text shows nowhere in:\n" + string.Join("\n", texts));
        _rendered.AddRange(texts.Select(t => (step, t)));
    }
}
