using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FocusBot.Actions;
using FocusBot.Development;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.EndToEnd.Playground;
using FocusBot.EndToEnd.Pulses;
using FocusBot.Help;
using FocusBot.PulseResults;
using FocusBot.Pulses;
using FocusBot.Questions;
using FocusBot.Trends;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocusBot.EndToEnd.CloseTheLoop;

/// <summary>
/// "Close the loop" in the Agents Playground, over a week: last week's pulse is answered by Alex in the card and by nine
/// colleagues through /api/messages, all of them commenting on the Voice question; in the week after, Alex, as HR, reads
/// the comments (masked, undated, verbatim), records an action against one of their themes, and staff receive it; then
/// everyone the pulse reached gets its results card, with the week's figures, themes and the action.
/// </summary>
[Collection(CloseTheLoopCollectionDefinition.Name)]
public sealed partial class CloseTheLoopTests(CloseTheLoopFixture loop) : IAsyncLifetime
{
    private const string Change = "Customers choose the time of their callback, and we call back that day";
    private const string Owner = "Head of Customer Service";
    private const string Theme = "call customers back";

    /// <summary>A fresh store is seeded with the default bank: the card's questions are looked up in it by their text or id.</summary>
    private static readonly IReadOnlyList<Question> s_bank = DefaultQuestionBank.Load(DateTimeOffset.UnixEpoch);

    private static readonly PlaygroundPerson Alex = PlaygroundDefaults.User;

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Everyone FocusBot reaches: Alex and the Playground's team (through its roster), and the nine colleagues.</summary>
    private static int Staff => PlaygroundDefaults.TeamMembers.Count + SimulatedColleagues.People.Count;

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result is TestResult.Passed)
            return;
        try
        {
            await Chromium.ScreenshotAsync(loop.Page, "close-the-loop.failed");
        }
        catch (PlaywrightException)
        {
            // The page may be what broke; the logs saved next say more than a second error would.
        }

        await loop.SaveDiagnosticsAsync("close-the-loop");
    }

    [Fact]
    public async Task PulseWeekThenTheWeekAfter_HrReadsCommentsAndRecordsAnAction_StaffGetTheActionAndTheResults()
    {
        // Last week: Alex (Admin by configuration) makes themself HR; the colleagues open FocusBot's chat.
        await BecomeHrAsync();
        foreach (var person in SimulatedColleagues.People)
            await loop.Colleagues.OpenChatAsync(loop.MessagesEndpoint, person);
        await loop.Colleagues.WaitForCardsAsync(WelcomeCard.Title, CancellationToken);
        Log("installed");

        // Still last week: the pulse.
        var (questions, week) = await AnswerLastWeeksPulseAsync();
        Log("pulse answered");

        // Today, the week after: the pulse has closed and its week is sealed; HR reads the comments and records an action.
        await loop.RestartForTheWeekAfterAsync(CancellationToken);
        await loop.Bot.WaitForOutputAsync(line => SealedLine().IsMatch(line), Waits.Max, CancellationToken);
        Log("week sealed");
        await ReadTheCommentsAsync();
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        await RecordAnActionAsync(due);
        Log("action recorded and received");

        // Results cards turned on: everyone the pulse reached gets them.
        await ReadTheResultsAsync(questions, week, due);
        Log("results received");
    }

    /// <summary>Opening the team's channel adds FocusBot to it (so FocusBot knows Alex by name); then the roles command.</summary>
    private async Task BecomeHrAsync()
    {
        await loop.OpenConversationAsync(PlaygroundDefaults.GeneralChannelName);
        await loop.Bot.WaitForOutputAsync(line => line.Contains("Installation remembered (Channel)", StringComparison.Ordinal), Waits.Max, CancellationToken);
        await loop.OpenConversationAsync("Personal Chat");
        var before = await loop.Cards.CountAsync();
        await loop.SendAsync($"roles grant hr {Alex.Name}");
        await loop.WaitForCardAsync($"{Alex.Name} now has the HR role.", before);
    }

    /// <summary>
    /// FocusBot restarts with `--pulse-now`; a colleague opening their chat again opens the pulse for everyone. Alex answers in
    /// the card, the colleagues by pressing Submit on theirs. Returns the questions asked and the pulse's week.
    /// </summary>
    private async Task<(IReadOnlyList<Question> Questions, TrendPeriod Week)> AnswerLastWeeksPulseAsync()
    {
        await loop.RestartForThePulseAsync(CancellationToken);
        await loop.Bot.WaitForOutputAsync(line => line.Contains("--pulse-now: this week's pulse opens", StringComparison.Ordinal), Waits.Max, CancellationToken);
        var before = await loop.Cards.CountAsync();
        await loop.Colleagues.OpenChatAsync(loop.MessagesEndpoint, SimulatedColleagues.People[0]);
        var opened = OpenedLine().Match(await loop.Bot.WaitForOutputAsync(line => OpenedLine().IsMatch(line), Waits.Max, CancellationToken));
        var closesAt = DateTimeOffset.ParseExact(opened.Groups["closes"].Value, "u", CultureInfo.InvariantCulture);
        var week = TrendPeriod.WeekOf(DateOnly.FromDateTime(closesAt.AddDays(-new PulseOptions().CloseAfterDays).UtcDateTime));

        var card = new PulseCardInPage(loop.Page, await loop.WaitForCardAsync(PulseCard.Title, before));
        var questions = await card.ReadQuestionsAsync(s_bank);
        Assert.Equal(QuestionDimension.Voice, questions[^1].Dimension);
        var answers = questions.ToDictionary(q => q.Id, q => LoopAnswers.ValueFor(q, 0));
        for (var i = 0; i < questions.Count; i++)
            await card.AnswerAsync(i + 1, questions[i], answers[questions[i].Id]);
        await card.ClickAsync(PulseCardInPage.SubmitButton);
        await card.ExpectAnsweredAsync(questions, answers);

        var cards = await loop.Colleagues.WaitForCardsAsync(PulseCard.AnswerVerb, CancellationToken);
        for (var i = 0; i < SimulatedColleagues.People.Count; i++)
        {
            var person = i + 1;
            var reply = await loop.Colleagues.AnswerPulseAsync(loop.MessagesEndpoint, SimulatedColleagues.People[i], cards[SimulatedColleagues.People[i]],
                id => LoopAnswers.ValueFor(s_bank.Single(q => q.Id == id), person));
            Assert.Contains(PulseCardInPage.AnsweredTitle, reply, StringComparison.Ordinal);
        }

        return (questions, week);
    }

    /// <summary>
    /// `comments`: the themes the comments form, then every comment on a line of its own, as written but masked, with no date;
    /// nobody's address or number.
    /// </summary>
    private async Task ReadTheCommentsAsync()
    {
        var before = await loop.Cards.CountAsync();
        await loop.SendAsync("comments");
        var card = await loop.WaitForCardAsync(CommentsCard.Title + ": Organisation", before);

        var blocks = (await card.Locator(".ac-textBlock").AllInnerTextsAsync()).Select(Shown).ToList();
        foreach (var comment in LoopAnswers.Comments.Skip(1).Append(LoopAnswers.AlexCommentMasked))
            Assert.Contains(comment, blocks);
        Assert.Contains($"{LoopAnswers.People} comments.", blocks);
        Assert.Contains(CommentsCard.ThemesLead + string.Join(" · ", LoopAnswers.Themes.Select(t => $"{t.Phrase} ({t.Comments})")), blocks);
        var text = Shown(await card.InnerTextAsync());
        Assert.DoesNotContain(LoopAnswers.AlexEmail, text, StringComparison.Ordinal);
        Assert.DoesNotContain(LoopAnswers.AlexPhone, text, StringComparison.Ordinal);
        await loop.ScreenshotAsync(card, "comments-view");
    }

    /// <summary>`action`: the form filled in against a theme; the form turns into the confirmation, and staff receive the action.</summary>
    private async Task RecordAnActionAsync(DateOnly due)
    {
        var before = await loop.Cards.CountAsync();
        await loop.SendAsync("action");
        var form = await loop.WaitForCardAsync(ActionFormCard.Title, before);
        await CardForm.ChooseAsync(loop.Page, form, "It answers", Theme);
        await CardForm.FillAsync(form, "What will change", Change);
        await CardForm.FillAsync(form, "Owner (shown to staff)", Owner);
        await CardForm.FillAsync(form, "Due date", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var beforeRecording = await loop.Cards.CountAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Record action", Exact = true }).ClickAsync();

        await Expect(form).ToContainTextAsync(ActionStatusCard.RecordedTitle);
        await Expect(form).ToContainTextAsync($"Sending to {Staff} people in their personal chat with FocusBot.");

        var card = await loop.WaitForCardAsync(ActionCard.Kicker, beforeRecording);
        var text = Shown(await card.InnerTextAsync());
        foreach (var expected in (string[])[$"You said: “{Theme}”", "We will: " + Change, Owner, ActionCard.Due(due), "Planned", "From HR"])
            Assert.Contains(expected, text, StringComparison.Ordinal);
        await loop.ScreenshotAsync(card, "action-card");

        foreach (var (person, received) in await loop.Colleagues.WaitForCardsAsync(Change, CancellationToken))
        {
            var json = received.GetRawText();
            Assert.True(json.Contains(ActionCard.Kicker, StringComparison.Ordinal) && json.Contains(Owner, StringComparison.Ordinal),
                $"{person.Name} got no action card: {json}");
        }
    }

    /// <summary>
    /// FocusBot restarts with results cards on. The results card: the organisation's figures of the week as answered, Alex's
    /// team hidden (only Alex answered in it), the themes and the action; the colleagues each get exactly one, with the same
    /// figures and without the full report HR gets.
    /// </summary>
    private async Task ReadTheResultsAsync(IReadOnlyList<Question> questions, TrendPeriod week, DateOnly due)
    {
        // Counted first: the card can be in the chat a moment after FocusBot has started.
        var before = await loop.Cards.CountAsync();
        await loop.RestartForTheResultsAsync(CancellationToken);
        await loop.Bot.WaitForOutputAsync(line => line.Contains("Pulse results queued for", StringComparison.Ordinal), Waits.Max, CancellationToken);
        var card = await loop.WaitForCardAsync(ResultsCard.Title(week), before);

        var text = Shown(await card.InnerTextAsync());
        var asked = questions.Select(LoopAnswers.IndexOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var figures = asked.Select(LoopAnswers.Figure).ToList();
        foreach (var measure in TrendMeasure.Indices)
        {
            var expected = asked.Contains(measure)
                ? [$"{TrendText.MeasureDescription(measure)} · n {LoopAnswers.People}", LoopAnswers.Figure(measure)]
                : (string[])[$"{TrendMeasure.Name(measure)}: not asked this week"];
            foreach (var line in expected)
                Assert.Contains(line, text, StringComparison.Ordinal);
        }

        Assert.Contains(ResultsCard.TeamHidden(PlaygroundDefaults.TeamName), text, StringComparison.Ordinal);
        foreach (var (phrase, comments) in LoopAnswers.Themes)
            Assert.Contains($"“{phrase}” · {comments} comments", text, StringComparison.Ordinal);
        Assert.Contains("We will: " + Change, text, StringComparison.Ordinal);
        Assert.Contains($"Planned · due {ActionCard.Due(due)} · From HR", text, StringComparison.Ordinal);
        Assert.DoesNotContain(LoopAnswers.AlexEmail, text, StringComparison.Ordinal);
        // Action.OpenUrl, as Alex holds HR: the Playground draws it as a link-like button.
        await Expect(card.GetByText(ResultsCard.FullReport, new() { Exact = true })).ToBeVisibleAsync();
        await loop.ScreenshotAsync(card, "results-card");

        await loop.Colleagues.WaitForCardsAsync(ResultsCard.Kicker, CancellationToken);
        foreach (var person in SimulatedColleagues.People)
        {
            var json = Assert.Single(loop.Colleagues.CardsOf(person, ResultsCard.Kicker)).GetRawText();
            Assert.Contains(ResultsCard.Title(week), json, StringComparison.Ordinal);
            Assert.Contains(Change, json, StringComparison.Ordinal);
            Assert.All(figures, figure => Assert.Contains($"\"{figure}\"", json, StringComparison.Ordinal));
            Assert.DoesNotContain(ResultsCard.FullReport, json, StringComparison.Ordinal);
        }
    }

    private void Log(string step) => TestContext.Current.TestOutputHelper?.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {step}");

    // Word joiners are invisible; the renderer keeps any the card text carries.
    private static string Shown(string text) => text.Replace("\u2060", string.Empty, StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"Sealed \d+ trend period")]
    private static partial Regex SealedLine();

    [GeneratedRegex(@"--pulse-now: pulse \S+ is open until (?<closes>\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ)")]
    private static partial Regex OpenedLine();
}
