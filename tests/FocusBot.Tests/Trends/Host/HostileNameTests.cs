using FocusBot.Cards;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;

namespace FocusBot.Tests.Trends.Host;

/// <summary>
/// Team names come from Teams and Voice themes from what people typed: on the trends card and the HR digest they must
/// show as typed, never as a link, bold text or an HTML tag.
/// </summary>
public sealed class HostileNameTests
{
    private const string Hostile = "**Sales** [win](https://evil.example) <b>big</b> _Support_ &amp; `x`";

    [Fact]
    public async Task TrendCards_TeamNamedWithMarkup_ShowTheNameEscapedEverywhere()
    {
        await using var world = await TrendWorld.CreateAsync();
        for (var team = 0; team < 3; team++)
            await world.NameTeamAsync("t" + team, $"{Hostile} {team}");
        var pulse = await world.OpenPulseAsync(0, SampleQuestions.Quiz, SampleQuestions.Agreement);
        for (var team = 0; team < 3; team++)
        {
            foreach (var question in new[] { SampleQuestions.Quiz, SampleQuestions.Agreement })
                await world.CohortAsync(pulse, question, $"t{team}q{question.Id}-", ["1", "2", "3", "4", "1", "3"], "t" + team);
        }

        await world.CloseAsync(pulse);
        await world.SealAsync();
        var org = await world.ReportAsync();
        var team0 = await world.ReportAsync("team:t0");

        var cards = new[]
        {
            TrendCard.Create(org, null, null, null),
            TrendCard.Create(team0, null, null, null),
            TrendCard.Create(org, null, null, null, TrendDigest.Title + ": W02 2026"),
        };

        foreach (var card in cards)
        {
            var texts = RenderedText.OfCard(card.ToJsonElement()).ToList();
            Assert.Contains(texts, t => t.Contains("\\*\\*Sales\\*\\*", StringComparison.Ordinal));
            Assert.All(texts, AssertNoLiveMarkup);
        }
    }

    /// <summary>No markup character that could start bold, a link, code or an entity, and no tag, unless escaped.</summary>
    private static void AssertNoLiveMarkup(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('*' or '_' or '[' or ']' or '`' or '<' or '&' or '~'))
                continue;
            var backslashes = 0;
            for (var j = i - 1; j >= 0 && text[j] == '\\'; j--)
                backslashes++;
            Assert.True(backslashes % 2 == 1, $"Unescaped '{text[i]}' at {i} in: {text}");
            if (text[i] == '<')
                Assert.False(i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!'), $"A tag can start at {i} in: {text}");
        }
    }
}
