using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Domain.Pulses;
using FocusBot.Privacy;
using FocusBot.Pulses;
using FocusBot.Roles;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;

namespace FocusBot.Tests.Trends.Comments;

/// <summary>
/// Voice in the pulse and the comments view end to end through POST /api/messages, on SQLite and on Azurite: the pulse
/// opened now ends with the "one thing" question; five people answer it in the card (Lee answers without it); the pulse
/// closes and is sealed; HR and Executives read the comments masked and in keyed order; teams too small, or isolatable by
/// subtraction, read the same "hidden" sentence as a team where nobody commented. Thresholds are lowered to fit six people
/// (group 3, comments 4): the rules are the same.
/// </summary>
public abstract class CommentsFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private const string EmptyTeam = "19:team-empty@thread.tacv2";

    private static readonly (Person Person, string Comment)[] Comments =
    [
        (Person.Sam, "Megan Bowen sorted my customer's refund; ring her on +44 20 7946 0958 or write to <megan.bowen@contoso.com>"),
        (Person.Hassan, "Faster refunds please"),
        (Person.Ruth, "Answer the phone within three rings"),
        (Person.Ada, "Fewer handoffs between teams"),
        (Person.Megan, "Ask sam carter how he calms angry callers"),
    ];

    private BotScenario _scenario = null!;
    private Pulse _pulse = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await BotScenario.StartAsync(storage, azurite, new Dictionary<string, string?>
        {
            ["Privacy:MinimumGroupSize"] = "3",
            ["Privacy:MinimumCommentGroupSize"] = "4",
        });
        _scenario.Connector.AddConversation(EmptyTeam, BotScenario.TenantId);
        await _scenario.InstallInTeamAsync(EmptyTeam, "Empty Team", EmptyTeam, "General");
        _pulse = (await _scenario.Get<PulseNow>().OpenAsync(BotScenario.TenantId, CancellationToken.None))!.Pulse;
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    /// <summary>Three of five comments ask for faster refunds: a phrase in at least Privacy:MinimumTermMentions (3) comments is a theme.</summary>
    private static readonly (Person Person, string Comment)[] RefundComments =
    [
        (Person.Sam, "Faster refunds please"),
        (Person.Hassan, "Faster refunds for damaged orders"),
        (Person.Ruth, "Much faster refunds"),
        (Person.Ada, "Fewer handoffs between teams"),
        (Person.Megan, "Answer the phone within three rings"),
    ];

    private Task AnswerAndSealAsync() => AnswerAndSealAsync(Comments);

    private async Task AnswerAndSealAsync((Person Person, string Comment)[] comments)
    {
        foreach (var (person, comment) in comments)
        {
            var card = await _scenario.ExecuteForCardAsync(person, PulseCard.AnswerVerb, new JsonObject { ["pulseId"] = _pulse.Id, ["q.v-one-thing"] = comment });
            Assert.Contains("Thank you, your answers are in", CardJson.AllText(card), StringComparison.Ordinal);
        }

        var pulses = _scenario.Get<IPulseStore>();
        var stored = (await pulses.GetAsync(_pulse.Id, CancellationToken.None))!;
        var closed = await pulses.UpdateAsync(stored with { Status = PulseStatus.Closed, ClosesAt = DateTimeOffset.UtcNow.AddSeconds(-1) }, CancellationToken.None);
        await _scenario.Get<global::FocusBot.Domain.Trends.PrivacyGate>().SealAsync(BotScenario.TenantId, [closed], CancellationToken.None);
    }

    private async Task<JsonElement> CommentsCardAsync(Person person, string text)
    {
        _scenario.Connector.Reset();
        await _scenario.SayAsync(person, text);
        return _scenario.LastCardTo(person);
    }

    /// <summary>The card's comments: what comes between its heading lines (and any themes) and the count at the end.</summary>
    private static IReadOnlyList<string> CommentLines(JsonElement card) =>
        [.. CardJson.Texts(card).Skip(2).SkipLast(1).Select(CardJson.Visible).Where(t => !t.StartsWith(CommentsCard.ThemesLead, StringComparison.Ordinal))];

    [Fact]
    public async Task Pulse_WithVoiceEveryDefault_EndsWithTheOptionalVoiceQuestion()
    {
        var card = await _scenario.WaitForCardAsync(Person.Sam.Chat, PulseCard.Title);

        var inputs = new List<JsonElement>();
        foreach (var element in card.GetProperty("body").EnumerateArray())
        {
            if (element.GetProperty("type").GetString() is "Input.Text" or "Input.ChoiceSet")
                inputs.Add(element);
        }

        var last = inputs[^1];
        Assert.Equal("Input.Text", last.GetProperty("type").GetString());
        Assert.EndsWith("What one thing could we do better for our customers?", last.GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.True(last.GetProperty("isMultiline").GetBoolean());
        Assert.Equal(global::FocusBot.Domain.Answers.Answer.FreeTextMaxLength, last.GetProperty("maxLength").GetInt32());
        Assert.False(last.TryGetProperty("isRequired", out var required) && required.GetBoolean());
    }

    [Fact]
    public async Task Pulse_SubmittedWithoutTheVoiceAnswer_IsSaved()
    {
        var choice = _pulse.QuestionIds[0];
        var question = (await _scenario.Get<PulseBank>().QuestionsOfAsync(_pulse, CancellationToken.None))[0];
        var value = AnswerScales.ChoicesFor(question)[0].Value;

        var card = await _scenario.ExecuteForCardAsync(Person.Lee, PulseCard.AnswerVerb, new JsonObject { ["pulseId"] = _pulse.Id, ["q." + choice] = value, ["q.v-one-thing"] = "" });

        var text = CardJson.AllText(card);
        Assert.Contains("Thank you, your answers are in", text, StringComparison.Ordinal);
        Assert.Contains("What one thing could we do better for our customers?\nNot answered", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comments_FromHr_ShowEveryCommentMaskedInKeyedOrderWithoutDates()
    {
        await AnswerAndSealAsync();

        var card = await CommentsCardAsync(Person.Hassan, "comments");

        var lines = CommentLines(card);
        var all = CardJson.AllText(card);
        Assert.Equal(Comments.Length, lines.Count);
        Assert.Contains("[name] sorted my customer's refund; ring her on [phone] or write to <[e-mail]>", lines);
        Assert.Contains("Ask [name] how he calms angry callers", lines);
        Assert.Contains("Faster refunds please", lines);
        foreach (var leak in (string[])["Megan", "Bowen", "7946", "contoso", "sam carter", "Sam"])
            Assert.DoesNotContain(leak, string.Join("\n", lines), StringComparison.OrdinalIgnoreCase);
        // Keyed order: neither the order people answered in nor anything a reader could reconstruct without the secret.
        var pseudonyms = _scenario.Get<Pseudonyms>();
        var masker = await _scenario.Get<CommentMaskers>().ForAsync(BotScenario.TenantId, [], CancellationToken.None);
        Assert.Equal([.. Comments.OrderBy(c => pseudonyms.CommentOrder(c.Comment), StringComparer.Ordinal).Select(c => masker.Mask(c.Comment))], lines);
        Assert.NotEqual([.. Comments.Select(c => masker.Mask(c.Comment))], lines);
        Assert.DoesNotContain(DateTimeOffset.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-", all, StringComparison.Ordinal);
        Assert.Contains("5 comments.", all, StringComparison.Ordinal);
    }

    /// <summary>HR reads what the comments add up to where they read the comments, before recording an action against a theme.</summary>
    [Fact]
    public async Task Comments_ThatShareAPhrase_ShowItsThemeAboveTheComments()
    {
        await AnswerAndSealAsync(RefundComments);

        var card = await CommentsCardAsync(Person.Hassan, "comments");

        Assert.Equal(CommentsCard.ThemesLead + "faster refunds (3)", CardJson.Visible(CardJson.Texts(card)[2]));
        Assert.Equal([.. RefundComments.Select(c => c.Comment).Order(StringComparer.Ordinal)], CommentLines(card).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Comments_WithoutASharedPhrase_ShowNoThemes()
    {
        await AnswerAndSealAsync();

        var card = await CommentsCardAsync(Person.Hassan, "comments");

        Assert.DoesNotContain(CommentsCard.ThemesLead, CardJson.AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comments_FromAnExecutive_AreShownWithAReportLinkThatOpensForThem()
    {
        await AnswerAndSealAsync();

        var card = await CommentsCardAsync(Person.Ruth, "comments");

        Assert.Equal(Comments.Length, CommentLines(card).Count);
        var url = new Uri(card.GetProperty("actions")[0].GetProperty("url").GetString()!);
        var html = await _scenario.Host.Client.GetStringAsync(url.PathAndQuery);
        Assert.Contains("Faster refunds please", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comments_ForSmallIsolatableOrSilentTeams_ReadTheSameHiddenSentence()
    {
        await AnswerAndSealAsync();

        // Leadership: one commenter. Service Desk: four, but the organisation minus Service Desk is Ruth alone, so the
        // gate hides it. Empty Team: nobody commented. All three read alike.
        var cards = new List<(string team, JsonElement card)>();
        foreach (var team in (string[])["Leadership", "Service Desk", "Empty Team"])
            cards.Add((team, await CommentsCardAsync(Person.Hassan, "comments " + team)));

        var hidden = CommentsCard.Hidden(4);
        foreach (var (_, card) in cards)
        {
            var text = CardJson.AllText(card);
            Assert.Contains(hidden, text, StringComparison.Ordinal);
            foreach (var (_, comment) in Comments)
                Assert.DoesNotContain(comment[..10], text, StringComparison.Ordinal);
            Assert.False(card.TryGetProperty("actions", out _));
        }

        var bodies = cards.Select(c => CardJson.AllText(c.card).Replace(c.team, "TEAM", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Single(bodies);
    }

    [Theory]
    [InlineData("Sam")]
    [InlineData("Ada")]
    public async Task Comments_FromStaffOrAdmin_AreRefused(string who)
    {
        await AnswerAndSealAsync();
        var person = who == "Sam" ? Person.Sam : Person.Ada;

        var card = await CommentsCardAsync(person, "comments");

        Assert.Equal(RefusalCard.Create(global::FocusBot.Commands.CommandCatalog.Comments).ToJsonElement().GetRawText(), card.GetRawText());
        Assert.DoesNotContain("refunds", CardJson.AllText(card), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReportPage_FromHrCommentsLink_HasTheMaskedCommentsSection()
    {
        await AnswerAndSealAsync();
        var card = await CommentsCardAsync(Person.Hassan, "comments");
        var url = new Uri(card.GetProperty("actions")[0].GetProperty("url").GetString()!);

        var html = await _scenario.Host.Client.GetStringAsync(url.PathAndQuery);

        var section = html[html.IndexOf("<section class=\"comments\">", StringComparison.Ordinal)..];
        Assert.Contains("<h2>Comments</h2>", section, StringComparison.Ordinal);
        Assert.Contains("Faster refunds please", section, StringComparison.Ordinal);
        Assert.Contains("[name] sorted my customer&#39;s refund; ring her on [phone] or write to &lt;[e-mail]&gt;", section, StringComparison.Ordinal);
        Assert.DoesNotContain("Megan", section, StringComparison.Ordinal);
        Assert.Contains("5 comments.", section, StringComparison.Ordinal);
    }
}

public sealed class SqliteCommentsFlowTests(AzuriteFixture azurite) : CommentsFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteCommentsFlowTests(AzuriteFixture azurite) : CommentsFlowTests(StorageKind.Azurite, azurite);
